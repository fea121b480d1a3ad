using System.Diagnostics;
using CoreHole.Datasets;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// The default predictor made ready to ship, in one call: trained and calibrated (<see cref="DefaultPredictor"/>),
/// evaluated against the baselines under group cross-validation (<see cref="ModelEvaluation"/>), saved with its
/// training domain as <c>model.chmodel</c>, and described by its <see cref="ModelCard"/> beside it.
/// </summary>
public static class ModelRelease
{
    public sealed record Made(string ModelPath, ModelCard Card);

    /// <param name="rebuildCommand">The command line that makes this folder again, for the card.</param>
    /// <param name="progress">Called with what is being cross-validated and (done, total) folds.</param>
    public static Made Build(string datasetPath, InputVariant variant, string folder, IReadOnlyCollection<string> oxides, CrossValidation cv,
        string rebuildCommand, Action<string, int, int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var data = DatasetFile.Read(datasetPath);
        Directory.CreateDirectory(folder);
        var trained = DefaultPredictor.Train(data, variant, oxides, cv, (done, total) => progress?.Invoke("the spread calibration", done, total));
        var path = Path.Combine(folder, ShippedModel.FileName);
        var model = new LoadedModel(path, trained.Model, variant, data.Featurizer);
        var evaluation = ModelEvaluation.Run(model, data, oxides, cv, progress, trained.HeldOut);

        var sets = SiteSets.Of(data.Materials, oxides);
        var training = TrainingProvenance.Of(datasetPath, data, sets.Crystalline, new Dictionary<string, int>
        {
            [ModelEvaluation.CrystallineSet] = sets.Crystalline.Length, [ModelEvaluation.AmorphousSet] = sets.Amorphous.Length,
            [ModelEvaluation.OxideSet] = sets.Oxides.Length,
        });
        var domain = evaluation.Domain.Stored(training.Elements, [.. sets.Crystalline.Select(i => data.Records[i].Edges.Gap)]);
        ModelArchive.Save(path, trained.Model, data.Featurizer.Describe(variant), domain);
        var card = ModelCard.Of(model with { Domain = domain }, training, data, oxides, evaluation, trained.Coverage, cv, rebuildCommand,
            clock.Elapsed.TotalSeconds);
        card.Write(folder);
        return new Made(path, card);
    }
}
