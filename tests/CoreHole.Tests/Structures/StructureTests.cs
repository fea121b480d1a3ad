using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Tests.Structures;

public class StructureTests
{
    static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", "structures", name);

    [Theory]
    // code, atoms in CIF cell, atoms in primitive cell, inequivalent O (the IZA size table, ASE + spglib 2.0.2)
    [InlineData("ABW.cif", 24, 12, 3)]
    [InlineData("SOD.cif", 36, 18, 1)]
    [InlineData("AFI.cif", 72, 72, 4)]
    public void IzaFrameworksGiveTheSizeTablesCounts(string file, int cellAtoms, int primitiveAtoms, int inequivalentO)
    {
        var crystal = CifReader.Read(Data(file));
        Assert.Equal(cellAtoms, crystal.Atoms.Count);
        Assert.Equal(2 * crystal.IndicesOf("Si").Count(), crystal.IndicesOf("O").Count());
        var primitive = Symmetry.Primitive(crystal);
        Assert.Equal(primitiveAtoms, primitive.Atoms.Count);
        Assert.Equal(crystal.Lattice.Volume * primitiveAtoms / cellAtoms, primitive.Lattice.Volume, 6);
        Assert.Equal(inequivalentO, Symmetry.InequivalentSites(primitive, "O").Count);
    }

    [Fact]
    public void AbwIsImmaWithEveryOxygenTwoCoordinatedBySiliconAt1_6Angstrom()
    {
        var crystal = CifReader.Read(Data("ABW.cif"));
        Assert.Equal(74, Symmetry.Analyze(crystal).SpaceGroupNumber);
        foreach (var o in crystal.IndicesOf("O"))
        {
            var siDistances = crystal.IndicesOf("Si").Select(si => crystal.Distance(o, si)).Order().Take(2).ToArray();
            Assert.All(siDistances, d => Assert.InRange(d, 1.55, 1.65));
        }
    }

    [Fact]
    public void StrayValueInAnoIsAOneLineErrorWithItsLine()
    {
        var e = Assert.Throws<InputError>(() => CifReader.Read(Data("ANO.cif")));
        Assert.Equal(3, e.Line);
        Assert.Contains("'v'", e.Message);
    }

    [Fact]
    public void EtlReadsDespiteItsUnknownCellVolume()
    {
        var crystal = CifReader.Read(Data("ETL.cif"));
        Assert.Equal(63, Symmetry.Analyze(crystal).SpaceGroupNumber);
    }

    [Fact]
    public void StishoviteP1CellIsRutileTypeWithOneOxygenSite()
    {
        var crystal = StructureFiles.Read(Data("stishovite-p1.cif"));
        Assert.Equal(136, Symmetry.Analyze(crystal).SpaceGroupNumber);
        var site = Assert.Single(Symmetry.InequivalentSites(crystal, "O"));
        Assert.Equal(4, site.Multiplicity);
    }

    [Fact]
    public void TheSameStructureInAnotherCellIsNoDifferenceButAMovedAtomIs()
    {
        var conventional = CifReader.Read(Data("ABW.cif"));
        var primitive = Symmetry.Primitive(conventional);
        var supercell = Supercell.Build(primitive, new[,] { { 2, 0, 0 }, { 0, 1, 0 }, { 1, 0, 1 } }).Crystal;
        Assert.Null(StructureAnalysis.Difference(primitive, conventional));
        Assert.Null(StructureAnalysis.Difference(primitive, supercell));
        Assert.Null(StructureAnalysis.Difference(conventional, primitive));

        // One O moved by 0.05 Å (in every copy, as a changed CIF coordinate would): its distances say so.
        var o = primitive.IndicesOf("O").First();
        var atoms = primitive.Atoms.ToArray();
        atoms[o] = atoms[o] with { Fractional = atoms[o].Fractional + primitive.Lattice.ToFractional(new Vec3(0.05, 0, 0)) };
        var moved = primitive with { Atoms = atoms };
        Assert.Matches(@"^O-(O|Si) distances differ by up to 0\.0[1-5]\d Å$", StructureAnalysis.Difference(primitive, moved));

        var strained = primitive with { Lattice = new Lattice(1.01 * primitive.Lattice.A, primitive.Lattice.B, primitive.Lattice.C) };
        Assert.StartsWith("volume per atom", StructureAnalysis.Difference(primitive, strained));
        var substituted = primitive with { Atoms = primitive.Atoms.Select(a => a.Element == "Si" ? a with { Element = "Ge" } : a).ToArray() };
        Assert.StartsWith("composition", StructureAnalysis.Difference(primitive, substituted));
    }
}
