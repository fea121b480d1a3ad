using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Tests.Amorphous;

/// <summary>The glass checks measured on alpha-quartz, whose every number is known: a crystal they must get exactly.</summary>
public class StructureAnalysisTests
{
    static readonly Crystal Quartz = CifReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "amorphous", "alpha-quartz.cif"));

    [Fact]
    public void QuartzHasItsDensityBondsAndFullCoordination()
    {
        var s = SilicaStructure.Of(Quartz, RadialDistribution.Of(Quartz));
        Assert.Equal(2.649, s.Density, 3);
        Assert.Equal(1.6038, s.SiOBondShortest, 3);
        Assert.Equal(1.6131, s.SiOBondLongest, 3);
        Assert.InRange(s.SiOPeak, 1.60, 1.62);
        Assert.Equal(1.0, s.FourFoldSi);
        Assert.Equal(1.0, s.TwoFoldO);
        Assert.Equal(new Dictionary<int, int> { [4] = 3 }, s.SiCoordination);
        Assert.Equal(new Dictionary<int, int> { [2] = 6 }, s.OCoordination);
        // Quartz's Si-O-Si angle is 143.7 degrees (Levien, Prewitt & Weidner 1980 give 143.73); tetrahedra are near 109.47.
        Assert.InRange(s.SiOSiAngle, 143.0, 144.5);
        Assert.InRange(s.OSiOAngle, 109.3, 109.6);
        Assert.InRange(s.ShortestSiSi, 3.0, 3.1);
        Assert.InRange(s.ShortestOO, 2.6, 2.65);
    }

    [Fact]
    public void QuartzIsRefusedAsAGlassOnlyForItsDensity()
    {
        var problems = new GlassCriteria().Problems(SilicaStructure.Of(Quartz, RadialDistribution.Of(Quartz)));
        Assert.Equal(["density 2.649 g/cm3 (glass: 2.1-2.3)"], problems);
    }

    [Fact]
    public void IntegratedSiOPeakCountsFourOxygensPerSilicon()
    {
        // n(r) = 4 pi rho_O * integral of r^2 g_SiO(r) dr: the normalisation of a partial g(r), checked on its first shell.
        var rdf = RadialDistribution.Of(Quartz);
        var g = rdf["Si-O"].G;
        var step = rdf.Radii[1] - rdf.Radii[0];
        var oxygenDensity = Quartz.IndicesOf("O").Count() / Quartz.Lattice.Volume;
        var n = Enumerable.Range(0, rdf.Radii.Length).Where(k => rdf.Radii[k] < SilicaStructure.BondCutoff)
            .Sum(k => 4 * Math.PI * oxygenDensity * rdf.Radii[k] * rdf.Radii[k] * g[k] * step);
        Assert.Equal(4.0, n, 3);
    }

    [Fact]
    public void SupercellHasTheSameRadialDistributionAsItsCell()
    {
        // The primitive cell is narrower (4.25 Å) than the 8 Å radius: images beyond the nearest must all be counted.
        var supercell = Supercell.Build(Quartz, new[,] { { 2, 0, 0 }, { 0, 2, 0 }, { 0, 0, 2 } }).Crystal;
        var small = RadialDistribution.Of(Quartz);
        var large = RadialDistribution.Of(supercell);
        foreach (var name in new[] { "Si-Si", "Si-O", "O-O", "total" })
            for (var k = 0; k < small.Radii.Length; k++)
                Assert.Equal(small[name].G[k], large[name].G[k], 9);
    }

    [Fact]
    public void RdfCsvHasAHeaderAndOneRowPerRadius()
    {
        var rdf = RadialDistribution.Of(Quartz, radius: 1.0, step: 0.25);
        var lines = rdf.ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal("r_angstrom,g_Si_Si,g_Si_O,g_O_O,g_total", lines[0]);
        Assert.Equal(["0.125", "0.375", "0.625", "0.875"], lines.Skip(1).Select(l => l.Split(',')[0]));
    }
}
