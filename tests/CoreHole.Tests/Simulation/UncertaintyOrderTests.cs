using CoreHole.Simulation;

namespace CoreHole.Tests.Simulation;

/// <summary><see cref="UncertaintyOrder"/> on a silica campaign of three materials, with made-up spreads per site.</summary>
public class UncertaintyOrderTests
{
    /// <summary>Spreads given per site id; records which materials it was asked about.</summary>
    sealed class FixedSpreads(IReadOnlyDictionary<string, double> spreads) : ISiteUncertainty
    {
        public List<string> Asked { get; } = [];

        public IReadOnlyDictionary<string, double> Spreads(Campaign campaign, MaterialPlan plan)
        {
            Asked.Add(plan.Name);
            return plan.OxygenSites.ToDictionary(s => s.Label, s => spreads[$"{plan.Name}/{CampaignJob.CoreHoleName(s.Label)}"]);
        }
    }

    static Campaign ThreeMaterials()
    {
        var campaign = CampaignFolderTests.Silica();
        foreach (var file in new[] { "SOD.cif", "stishovite-p1.cif", "ABW.cif" })
            campaign.Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", file));
        return campaign;
    }

    [Fact]
    public void GroundStatesComeFirstThenSitesBySpreadPerMinuteThenSitesWaitingForTheirGroundState()
    {
        var campaign = ThreeMaterials();
        var materials = campaign.Materials();
        var costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
        var sites = campaign.Jobs(materials).Where(j => j.IsCoreHole).ToList();
        var sod = sites.Where(j => j.Material == "SOD").ToList();
        var abw = sites.Where(j => j.Material == "ABW").ToList();
        var (sodMinutes, abwMinutes) = (costs.Seconds(sod[0], 1) / 60, costs.Seconds(abw[0], 1) / 60);
        Assert.True(abwMinutes > 1.5 * sodMinutes, $"ABW's sites ({abwMinutes:F1} min) should cost well over SOD's ({sodMinutes:F1} min)");
        // ABW's first site has the largest spread, but per minute it buys less than SOD's site; its second buys most.
        var spreads = new Dictionary<string, double>
        {
            [abw[0].Id] = 1.4 * abwMinutes / sodMinutes * 0.1 / 1.5,
            [abw[1].Id] = 2 * 0.1 * abwMinutes / sodMinutes,
            [abw[2].Id] = 0.001,
            [sod[0].Id] = 0.1,
        };
        foreach (var plan in materials.Where(m => m.Name != "stishovite-p1"))
            CampaignFolderTests.Finish(campaign, campaign.Jobs([plan]).Single(j => !j.IsCoreHole));
        Assert.True(spreads[abw[0].Id] > spreads[sod[0].Id]);
        var model = new FixedSpreads(spreads);

        var ranked = UncertaintyOrder.Rank(campaign, materials, costs, model, processes: 1);
        Assert.Equal([abw[1].Id, sod[0].Id, abw[0].Id, abw[2].Id], ranked.Take(4).Select(s => s.Job.Id));
        Assert.All(ranked.Take(4), s => Assert.Equal(spreads[s.Job.Id] / (costs.Seconds(s.Job, 1) / 60), s.Score!.Value, 12));
        // Stishovite's ground state has not run: its sites have no input yet and come last, in the campaign's order.
        var waiting = sites.Where(j => j.Material == "stishovite-p1").Select(j => j.Id).ToList();
        Assert.Equal(waiting, ranked.Skip(4).Select(s => s.Job.Id));
        Assert.All(ranked.Skip(4), s => Assert.Null(s.Spread));
        Assert.DoesNotContain("stishovite-p1", model.Asked);

        // The run takes every ground state first, in the campaign's order, then the ranked sites.
        var jobs = UncertaintyOrder.Jobs(campaign, materials, costs, ranked);
        Assert.Equal(campaign.Jobs(materials, costs).Where(j => !j.IsCoreHole), jobs.Take(3));
        Assert.Equal(ranked.Select(s => s.Job), jobs.Skip(3));
    }

    [Fact]
    public void EachMaterialsBestSiteComesBeforeAnyMaterialsSecond()
    {
        var campaign = ThreeMaterials();
        var materials = campaign.Materials();
        var costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
        foreach (var plan in materials) CampaignFolderTests.Finish(campaign, campaign.Jobs([plan]).Single(j => !j.IsCoreHole));
        var sites = campaign.Jobs(materials).Where(j => j.IsCoreHole).ToList();
        var abw = sites.Where(j => j.Material == "ABW").ToList();
        var sod = sites.Single(j => j.Material == "SOD");
        var stishovite = sites.Where(j => j.Material == "stishovite-p1").ToList();
        Assert.True(abw.Count >= 2 && stishovite.Count >= 1);
        // Spread per minute: every ABW site above SOD's, SOD's above every stishovite site.
        var perMinute = new Dictionary<string, double> { [sod.Id] = 1.5 };
        for (var i = 0; i < abw.Count; i++) perMinute[abw[i].Id] = 3 - 0.5 * i;
        for (var i = 0; i < stishovite.Count; i++) perMinute[stishovite[i].Id] = 0.5 - 0.1 * i;
        var model = new FixedSpreads(sites.ToDictionary(j => j.Id, j => perMinute[j.Id] * costs.Seconds(j, 1) / 60));

        var ranked = UncertaintyOrder.Rank(campaign, materials, costs, model, processes: 1).Select(s => s.Job.Id).ToList();
        Assert.Equal([abw[0].Id, sod.Id, stishovite[0].Id, .. abw.Skip(1).Select(j => j.Id), .. stishovite.Skip(1).Select(j => j.Id)], ranked);
        Assert.NotEqual(sites.OrderByDescending(j => perMinute[j.Id]).Select(j => j.Id), ranked);
    }

    [Fact]
    public void OnePerMaterialFirstFillsItsBatchWithEachMaterialsBestThenKeepsTheRankOrder()
    {
        string[] ranked = ["A1", "A2", "B1", "A3", "C1", "B2"];
        Assert.Equal(["A1", "B1", "C1", "A2", "A3", "B2"], UncertaintyOrder.OnePerMaterialFirst(ranked, s => s[..1]));
        Assert.Equal(["A1", "B1", "A2", "A3", "C1", "B2"], UncertaintyOrder.OnePerMaterialFirst(ranked, s => s[..1], batch: 2));
        Assert.Empty(UncertaintyOrder.OnePerMaterialFirst(Array.Empty<string>(), s => s));
    }

    [Fact]
    public void FinishedSitesAreNotRankedAndAMaterialWithNoneLeftIsNotAsked()
    {
        var campaign = ThreeMaterials();
        var materials = campaign.Materials();
        foreach (var job in campaign.Jobs(materials.Where(m => m.Name == "stishovite-p1"))) CampaignFolderTests.Finish(campaign, job);
        var model = new FixedSpreads(new Dictionary<string, double>());
        var ranked = UncertaintyOrder.Rank(campaign, materials, new CostModel(campaign.FinishedJobs(), campaign.Preset), model, processes: 1);
        Assert.DoesNotContain(ranked, s => s.Job.Material == "stishovite-p1");
        Assert.Empty(model.Asked);
    }

    [Fact]
    public void TheUncertaintyOrderTakesTheCheapestFirstOrdersJobsWithTheGroundStatesMovedFirst()
    {
        var campaign = ThreeMaterials();
        var materials = campaign.Materials();
        var costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
        var cheapest = campaign.Jobs(materials, costs);
        // Cheapest next spectrum first: a material's sites run right after its ground state.
        Assert.Equal(["ABW", "SOD", "stishovite-p1"], cheapest.Select(j => j.Material).Distinct());
        Assert.True(cheapest[1].IsCoreHole);
        var uncertainty = UncertaintyOrder.Jobs(campaign, materials, costs,
            UncertaintyOrder.Rank(campaign, materials, costs, new FixedSpreads(new Dictionary<string, double>()), processes: 1));
        Assert.Equal(cheapest.ToHashSet(), uncertainty.ToHashSet());
        Assert.NotEqual(cheapest, uncertainty);
    }
}
