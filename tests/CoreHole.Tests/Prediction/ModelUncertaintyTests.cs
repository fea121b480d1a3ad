using System.IO.Compression;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Prediction;
using CoreHole.Simulation;
using CoreHole.Tests.Formats;

namespace CoreHole.Tests.Prediction;

/// <summary>A model's spread on a campaign's sites, read from the finished ground state as `corehole predict` reads it.</summary>
public class ModelUncertaintyTests
{
    /// <summary>
    /// A fast-preset campaign with rock-salt MgO planned and its ground state finished: the qe-seed run's O-p PDOS and
    /// band edges, kept as the campaign keeps them (pdos/atmN_O_p.pdos.gz, the edges in stage.json).
    /// </summary>
    internal static (Campaign Campaign, MaterialPlan Plan) MgOWithGroundState()
    {
        ValenceElectrons electrons = e => e == "Mg" ? 10 : 6;
        var campaign = Campaign.Open(Directory.CreateTempSubdirectory("corehole-uncertainty-").FullName, Preset.Fast, electrons);
        var plan = campaign.Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif"));
        var stage = campaign.StageFolder(campaign.Jobs([plan]).Single(j => !j.IsCoreHole));
        Directory.CreateDirectory(Path.Combine(stage, "pdos"));
        using (var source = File.OpenRead(TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos")))
        using (var gzip = new GZipStream(File.Create(Path.Combine(stage, "pdos", $"atm{plan.OxygenSites.Single().Atom + 1}_O_p.pdos.gz")), CompressionLevel.Fastest))
            source.CopyTo(gzip);
        new StageRecord(plan.Name, CampaignJob.GroundStateName, "6.7MaX", "fast", Preset.Fast, 1, "host", DateTimeOffset.UnixEpoch, 60, [],
            new Dictionary<string, double> { ["vbm_ev"] = 5.5659, ["cbm_ev"] = 10.3387 }, new Dictionary<string, string>()).Write(stage);
        return (campaign, plan);
    }

    [Fact]
    public void ASitesSpreadIsTheEnsemblesMeanSpreadOnTheInputItsGroundStateGives()
    {
        var (campaign, plan) = MgOWithGroundState();
        var (model, _) = StructurePredictionTests.SmallModel();
        var spreads = ModelUncertainty.Load(model.Path).Spreads(campaign, plan);

        var groundState = GroundState.FromQeRun(TestData.Path("qe-seed/MgO/gs"));
        var site = groundState.Sites.Single();
        var input = model.Featurizer.Input(InputVariant.Conduction, site.Pdos, groundState.Edges, site.PdosPath);
        var expected = OutOfDistribution.MeanOf(model.Model.Predict(new Matrix(1, input.Length, input)).Spread.Row(0));
        Assert.True(expected > 0);
        Assert.Equal(expected, spreads[plan.OxygenSites.Single().Label], 6);
    }

    [Fact]
    public void AModelWithoutSpreadIsRefusedNamingItsFile()
    {
        var x = Learning.TestData.UniformMatrix(12, Featurizer.ConductionGrid.Count, seed: 1, low: 0, high: 2);
        var ridge = new RidgeRegression();
        ridge.Fit(x, x, [.. Enumerable.Range(0, 12).Select(i => $"m{i / 3}")]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-uncertainty-").FullName, "ridge.chmodel");
        ModelArchive.Save(path, ridge, Featurizer.Default.Describe(InputVariant.Conduction));
        var error = Assert.Throws<InputError>(() => ModelUncertainty.Load(path));
        Assert.Equal(path, error.File);
        Assert.Contains("no spread", error.Message);
    }
}
