using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Models;
using CoreHole.Paper;
using CoreHole.Tests.Models;
using Xunit.Abstractions;

namespace CoreHole.Tests.Evaluation;

/// <summary>
/// The model committed in data/models/default: it loads with its training domain, its predictions on the committed
/// dataset reproduce the numbers of its card, and its ONNX export gives the same predictions.
/// </summary>
public class ShippedModelTests(ITestOutputHelper output)
{
    static readonly string Folder = Path.GetDirectoryName(ShippedModel.Find())!;
    static readonly string Repository = Path.GetFullPath(Path.Combine(Folder, "..", "..", ".."));

    /// <summary>Relative agreement asked of numbers recomputed from the same model and data (float sums in another order).</summary>
    const double Agreement = 1e-6;

    static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Agreement * Math.Max(Math.Abs(expected), 1e-12), $"{what}: card {expected:R}, recomputed {actual:R}");

    [Fact]
    public void ItLoadsAndReproducesItsCardOnTheCommittedDataset()
    {
        var model = ShippedModel.Load();
        var card = ModelCard.Read(Path.Combine(Folder, ShippedModel.CardJson));
        var datasetPath = Path.Combine(Repository, "data", card.Training.Dataset);
        Assert.Equal(card.Training.DatasetSha256, TrainingProvenance.Sha256(datasetPath));
        Assert.Equal(card.Kind, model.Model.Kind);
        Assert.Equal(card.Input.Variant, model.Variant.Name());
        var domain = model.Domain ?? throw new Xunit.Sdk.XunitException("the shipped model has no training domain");
        Assert.Equal(card.Training.Sites, domain.Inputs.Rows);
        Assert.Equal((card.Domain.DistanceThreshold, card.Domain.SpreadThreshold), (domain.DistanceScale, domain.SpreadScale));
        Assert.Equal(card.Domain.Elements, domain.Elements);

        var check = ModelCard.Recheck(model, DatasetFile.Read(datasetPath), ReproductionSites.TransferOxides);
        Close(card.Check.InSampleMse, check.InSampleMse, "in-sample MSE");
        Assert.Equal(card.Check.Outside.Select(o => (o.Material, o.Site, o.Set, o.Flagged)), check.Outside.Select(o => (o.Material, o.Site, o.Set, o.Flagged)));
        foreach (var (expected, actual) in card.Check.Outside.Zip(check.Outside))
        {
            Close(expected.Mse, actual.Mse, $"{expected.Material}/{expected.Site} MSE");
            Close(expected.InputDistance, actual.InputDistance, $"{expected.Material}/{expected.Site} input distance");
            Close(expected.SpreadScore ?? 0, actual.SpreadScore ?? 0, $"{expected.Material}/{expected.Site} spread score");
        }
    }

    [Fact]
    public void ItsOnnxExportGivesItsPredictionsOnEveryCommittedSite()
    {
        var model = ShippedModel.Load();
        var inputs = model.InputsOf(DatasetFile.Read(Path.Combine(Repository, "data", "dataset.h5")));
        var onnx = Path.Combine(Directory.CreateTempSubdirectory("corehole-shipped-onnx-").FullName, "model.onnx");
        OnnxExport.Write(onnx, model.Path, model.Model, model.Featurizer.Describe(model.Variant));
        var expected = model.Model.Predict(inputs);
        var (mean, spread, _) = OnnxExportTests.Run(onnx, inputs);
        double meanDifference = OnnxExportTests.MaxDifference(expected.Mean, mean), spreadDifference = OnnxExportTests.MaxDifference(expected.Spread, spread);
        output.WriteLine($"shipped model, ONNX Runtime vs CoreHole on {inputs.Rows} sites: max |Δ| mean {meanDifference:G3}, spread {spreadDifference:G3}");
        Assert.True(meanDifference <= 1e-5 && spreadDifference <= 1e-5, $"max |Δ| mean {meanDifference}, spread {spreadDifference}");
    }
}
