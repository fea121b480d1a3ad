using CoreHole.Datasets;
using CoreHole.Reports;
using CoreHole.Paper;

namespace CoreHole.Tests.Reports;

public class SetSummaryTests
{
    [Fact]
    public void EachStructuresGroundStateCountsOnceAndEveryCoreHoleRunCounts()
    {
        // Three sites of material A (ground state 1 h, core holes 0.5 h each) and one of B (2 h, 1 h).
        SiteRecord Site(SiteRecord s, string material, double groundState, double coreHole) =>
            s with { Material = material, Provenance = s.Provenance with { GroundStateWallSeconds = groundState * 3600, CoreHoleWallSeconds = coreHole * 3600 } };
        var made = SyntheticSites.Make(4, seed: 3);
        SiteRecord[] sites = [Site(made[0], "A", 1, 0.5), Site(made[1], "A", 1, 0.5), Site(made[2], "A", 1, 0.5), Site(made[3], "B", 2, 1)];

        Assert.Equal(new SetSummary("crystalline SiO2", 4, 2, 2.5, 3), SetSummary.Of("crystalline SiO2", sites));
        Assert.Equal(new SetSummary("amorphous SiO2", 0, 0, 0, 0), SetSummary.Of("amorphous SiO2", []));
    }

    [Fact]
    public void TheSummaryHasTheFourSetsInTheReportsOrder()
    {
        var sites = ReproductionSites.Synthetic(crystalline: 7, amorphous: 3, seed: 1);
        var summary = sites.Summary();
        Assert.Equal(["crystalline SiO2", "amorphous SiO2", "transfer oxides", "oxides"], summary.Select(s => s.Set));
        Assert.Equal([7, 3, sites.Oxides.Count, sites.OtherOxides!.Count], summary.Select(s => s.Sites));
        Assert.Equal(sites.Oxides.Select(s => s.Material).Distinct().Count(), summary[2].Structures);
    }
}
