using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Tests.Structures;

public class SupercellTests
{
    static Crystal Read(string name) => CifReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "structures", name));

    static double MinDistance(Crystal c)
    {
        var best = double.MaxValue;
        for (var i = 0; i < c.Atoms.Count; i++)
            for (var j = i + 1; j < c.Atoms.Count; j++)
                best = Math.Min(best, c.Distance(i, j));
        return best;
    }

    [Fact]
    public void RockSaltNeedsTheConventionalDoubledCubeOf64Atoms()
    {
        // fcc primitive cell of MgO (a = 4.2112 Å): its perpendicular widths are a/sqrt(3) = 2.43 Å, so 3x3x3
        // primitive cells (54 atoms) stay 7.29 Å wide; the smallest cell >= 8 Å in every direction is the 2x2x2
        // conventional cube (8.42 Å, 32 primitive cells).
        var supercell = Supercell.Smallest(Read("MgO-p1.cif"), 8.0);
        Assert.Equal(64, supercell.Crystal.Atoms.Count);
        var w = supercell.Crystal.Lattice.PerpendicularWidths();
        Assert.All(new[] { w.X, w.Y, w.Z }, x => Assert.Equal(2 * 4.2112, x, 3));
        Assert.Equal(4.2112 / 2, MinDistance(supercell.Crystal), 3);
    }

    [Fact]
    public void SupercellKeepsCompositionWidthsAndNearestNeighbours()
    {
        var primitive = Symmetry.Primitive(Read("ABW.cif"));
        var supercell = Supercell.Smallest(primitive, 8.0);
        var w = supercell.Crystal.Lattice.PerpendicularWidths();
        Assert.True(Math.Min(w.X, Math.Min(w.Y, w.Z)) >= 8.0);
        Assert.Equal(supercell.Size * primitive.Atoms.Count, supercell.Crystal.Atoms.Count);
        Assert.Equal(supercell.Size * primitive.Lattice.Volume, supercell.Crystal.Lattice.Volume, 6);
        Assert.Equal(MinDistance(primitive), MinDistance(supercell.Crystal), 6);
        // The size table's diagonal replication of the 24-atom cell needs 48 atoms; no sublattice does better.
        Assert.Equal(48, supercell.Crystal.Atoms.Count);
        var o = primitive.IndicesOf("O").First();
        var absorber = supercell.AtomAtOrigin(o);
        Assert.Equal("O", supercell.Crystal.Atoms[absorber].Element);
    }
}
