using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Tests.Structures;

public class OxygenShellTests
{
    internal static string DatasetStructure(string name) => Path.Combine(AppContext.BaseDirectory, "data", "dataset-structures", name);

    public static TheoryData<string> SilicaStructures() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "dataset-structures"), "*.cif")
            .Where(path => CifReader.Read(path).Atoms.All(a => a.Element is "Si" or "O"))
            .Select(path => Path.GetFileName(path))];

    /// <summary>
    /// Every SiO2 structure the campaign runs, including those typed in from papers: SiO4 tetrahedra (Si-O 1.54-1.66 Å,
    /// O-Si-O within 15° of 109.5°) or SiO6 octahedra (1.74-1.88 Å: stishovite 1.76-1.81, seifertite's refinement
    /// 1.742-1.855), every O bridging two Si (three in octahedral silica), and nothing else within 2.4 Å. High
    /// tridymite's published average structure has 1.55 Å bonds.
    /// </summary>
    [Theory]
    [MemberData(nameof(SilicaStructures))]
    public void EveryDatasetSilicaHasSoundSiOShells(string file)
    {
        var shells = OxygenShell.Of(CifReader.Read(DatasetStructure(file)));
        var si = shells.Single(s => s.Center == "Si");
        var o = shells.Single(s => s.Center == "O");
        var fold = Assert.Single(si.Coordination).Key;
        Assert.Contains(fold, new[] { 4, 6 });
        var (shortest, longest) = fold == 4 ? (1.54, 1.66) : (1.74, 1.88);
        Assert.InRange(si.ShortestBond, shortest, longest);
        Assert.InRange(si.LongestBond, shortest, longest);
        if (fold == 4) Assert.InRange(si.SmallestAngle, 94.5, 109.5);
        Assert.Equal(fold == 4 ? 2 : 3, Assert.Single(o.Coordination).Key);
        Assert.True(si.NextLigand > 2.4, $"{file}: an O {si.NextLigand:F2} Å from Si outside its shell");
    }

    [Fact]
    public void AluminaOctahedraAndPerovskiteShellsAreTheTextbookOnes()
    {
        var alumina = OxygenShell.Of(CifReader.Read(DatasetStructure("alpha-Al2O3.cif")));
        var al = alumina.Single(s => s.Center == "Al");
        Assert.Equal(6, Assert.Single(al.Coordination).Key);
        Assert.Equal(1.855, al.ShortestBond, 3);
        Assert.Equal(1.971, al.LongestBond, 3);
        var perovskite = OxygenShell.Of(CifReader.Read(DatasetStructure("SrTiO3.cif")));
        Assert.Equal(12, Assert.Single(perovskite.Single(s => s.Center == "Sr").Coordination).Key);
        var ti = perovskite.Single(s => s.Center == "Ti");
        Assert.Equal(6, Assert.Single(ti.Coordination).Key);
        Assert.Equal(3.905 / 2, ti.ShortestBond, 3);
        Assert.Equal(90, ti.SmallestAngle, 6);
        // O sits between two Ti; its four Sr at a/sqrt(2) lie beyond 1.25 times the Ti-O bond.
        var oxygen = perovskite.Single(s => s.Center == "O");
        Assert.Equal(2, Assert.Single(oxygen.Coordination).Key);
        Assert.Equal(3.905 / Math.Sqrt(2), oxygen.NextLigand, 3);
    }
}
