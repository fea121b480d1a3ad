using System.Text.Json;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Prediction;
using CoreHole.Spectra;
using CoreHole.Tests.Formats;

namespace CoreHole.Tests.Prediction;

/// <summary>From a real ground-state run (the qe-seed MgO) to the files, with a small ensemble trained on made-up spectra.</summary>
public class StructurePredictionTests
{
    static readonly int Length = Featurizer.ConductionGrid.Count;

    /// <summary>A small fitted ensemble saved as a model file with the default featurizer, and its training inputs' domain.</summary>
    internal static (LoadedModel Model, OutOfDistribution Domain) SmallModel()
    {
        var x = Learning.TestData.UniformMatrix(24, Length, seed: 3, low: 0, high: 2);
        var y = Learning.TestData.UniformMatrix(24, Length, seed: 4, low: 0.5f, high: 1.5f);
        var groups = Enumerable.Range(0, 24).Select(i => $"m{i / 3}").ToArray();
        var model = new DeepEnsemble(members: 2, hidden: 8, epochs: 10, spreadScale: 1.5);
        model.Fit(x, y, groups);
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-predict-").FullName, "model.chmodel");
        ModelArchive.Save(path, model, Featurizer.Default.Describe(InputVariant.Conduction));
        return (LoadedModel.Load(path), new OutOfDistribution(x, groups, heldOutSpreads: null));
    }

    [Fact]
    public void AGroundStateRunGivesEverySiteWithItsSpreadAndTheMaterialSpectrum()
    {
        var groundState = GroundState.FromQeRun(TestData.Path("qe-seed/MgO/gs"));
        var site = Assert.Single(groundState.Sites);
        Assert.Equal((1, 1), (site.Atom, site.Multiplicity));   // the O of rock salt, projwfc's atom 2
        // Over both runs' k-points, as the campaign takes them: the nscf's CBM, the scf's higher VBM.
        Assert.Equal(10.3387, groundState.Edges.Cbm, 4);
        Assert.Equal(5.5659, groundState.Edges.Vbm, 4);

        var (model, domain) = SmallModel();
        var prediction = StructurePrediction.Predict(groundState, model, domain);
        var predicted = Assert.Single(prediction.Sites);
        var input = model.Featurizer.Input(InputVariant.Conduction, site.Pdos, groundState.Edges, site.PdosPath);
        var direct = model.Model.Predict(new Matrix(1, Length, input));
        Assert.Equal(direct.Mean.Row(0).ToArray().Select(v => (double)v), predicted.Mean.Intensities.ToArray());
        Assert.Equal(direct.Spread.Row(0).ToArray().Select(v => (double)v), predicted.Spread.Intensities.ToArray());
        Assert.True(predicted.Spread.Intensities.ToArray().All(s => s > 0));
        Assert.Equal(predicted.Mean.Intensities.ToArray(), prediction.Mean.Intensities.ToArray());
        Assert.Equal(domain.Of(input, direct.Spread.Row(0)).Distance, predicted.Domain.Distance);
    }

    [Fact]
    public void TheShippedSilicaModelSaysMgOIsOutsideItsChemistry()
    {
        var groundState = GroundState.FromQeRun(TestData.Path("qe-seed/MgO/gs"));
        Assert.Equal(["Mg", "O"], groundState.Elements);
        var model = ShippedModel.Load();
        var prediction = StructurePrediction.Predict(groundState, model, new OutOfDistribution(model.Domain!));
        var chemistry = prediction.Chemistry ?? throw new Xunit.Sdk.XunitException("the shipped model records a training domain");
        Assert.Equal(["Mg"], chemistry.UnseenElements);
        Assert.True(chemistry.BandGapOutside, chemistry.Describe());   // MgO's 4.77 eV, below silica's
        Assert.True(chemistry.Flagged);
        Assert.Equal("elements never seen in training: Mg; band gap 4.77 eV outside the training range " +
            $"{model.Domain!.MinBandGapEv:0.00}-{model.Domain.MaxBandGapEv:0.00} eV", chemistry.Describe());
        var (small, smallDomain) = SmallModel();
        Assert.Null(StructurePrediction.Predict(groundState, small, smallDomain).Chemistry);   // its file records no domain: no check
    }

    [Fact]
    public void AMaterialInsideTheTrainingChemistryIsNotFlagged()
    {
        var silica = new GroundState("quartz", "", new BandEdges(0, 5.8, "test"), [], "", 0, 0, false, ["O", "Si"]);
        var domain = new TrainingDomain(new Matrix(1, 1, [0f]), 1, 1, ["O", "Si"], 5.49, 6.09);
        var check = ChemistryCheck.Of(silica, domain)!;
        Assert.Empty(check.UnseenElements);
        Assert.False(check.Flagged, check.Describe());
        Assert.True(ChemistryCheck.Of(silica with { Edges = new BandEdges(0, 6.2, "test") }, domain)!.BandGapOutside);
    }

    [Fact]
    public void ThePredictRecipesBandsReachThreeSigmaBeyondTheModelsWindow() =>
        Assert.True(global::CoreHole.Simulation.Preset.Predict.PdosReach >= Featurizer.ConductionGrid.Last + 3 * Featurizer.Default.SigmaEv);

    [Fact]
    public void TheMaterialSpectrumWeightsSitesByMultiplicity()
    {
        var energies = new double[] { 0, 1 };
        var mean = StructurePrediction.WeightedMean([new Curve(energies, [1.0, 2.0]), new Curve(energies, [5.0, 6.0])], [1, 3]);
        Assert.Equal(new[] { 4.0, 5.0 }, mean.Intensities.ToArray());
    }

    [Fact]
    public void TheFilesSayWhatTheirNumbersAre()
    {
        var (model, domain) = SmallModel();
        var prediction = StructurePrediction.Predict(GroundState.FromQeRun(TestData.Path("qe-seed/MgO/gs")), model, domain);
        var folder = Directory.CreateTempSubdirectory("corehole-predicted-").FullName;
        PredictionFiles.Write(folder, prediction);
        foreach (var name in new[] { "O1.csv", "O1.png", "material.csv", "material.png", PredictionFiles.Overlay, PredictionFiles.Summary })
            Assert.True(new FileInfo(Path.Combine(folder, name)).Length > 0, name);

        var lines = File.ReadAllLines(Path.Combine(folder, "O1.csv"));
        var header = string.Join('\n', lines.TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("relative to the spectrum threshold", header);
        Assert.Contains("normalised as area:-1:15 (area:A:B is unit area over A to B eV), times 16", header);
        Assert.Contains("CBM 10.3387 eV", header);
        Assert.Contains("out of distribution:", header);
        var rows = lines.SkipWhile(l => l.StartsWith('#')).ToArray();
        Assert.Equal("energy_ev,mean,sigma,lower_1sigma,upper_1sigma", rows[0]);
        Assert.Equal(Length, rows.Length - 1);
        var first = rows[1].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(-1.0, first[0]);
        Assert.Equal(first[1] - first[2], first[3], 5);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, PredictionFiles.Summary)));
        var site = summary.RootElement.GetProperty("sites")[0];
        Assert.Equal("O1", site.GetProperty("label").GetString());
        Assert.Equal(prediction.Sites[0].Domain.Flagged, site.GetProperty("out_of_distribution").GetBoolean());
        Assert.Equal("multiplicity", summary.RootElement.GetProperty("material_spectrum").GetProperty("weights").GetString());
    }
}
