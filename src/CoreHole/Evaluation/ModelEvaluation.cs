using CoreHole.Datasets;
using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// Everything <c>corehole evaluate</c> reports on a model and a dataset: the model as given applied to every site (its
/// MSE, and for sites outside the crystalline training set their out-of-distribution scores), and, unless skipped,
/// the model's kind and the four baselines under repeated group cross-validation on the crystalline sites with the
/// coverage of the model's uncertainty bands.
/// </summary>
/// <param name="Transfer">The model and the baselines, fitted on the crystalline sites, on each site outside them
/// (<see cref="Outside"/>, in that order).</param>
/// <param name="Domain">The crystalline sites as the training domain, with the spread scale measured by the cross-validation.</param>
public sealed record ModelEvaluation(IReadOnlyList<ModelEvaluation.Site> Sites, Comparison.Result? Comparison, Calibration.Coverage? Coverage,
    int CrystallineSites, int CrystallineMaterials, int[] Outside, IReadOnlyList<(string Name, double[] Mse)> Transfer, OutOfDistribution Domain)
{
    public const string CrystallineSet = "crystalline", AmorphousSet = "amorphous", OxideSet = "oxide";

    /// <param name="Ood">Null for the crystalline sites, which the model is taken to be trained on.</param>
    public sealed record Site(SiteRecord Record, string Set, double Mse, double MeanSpread, OutOfDistribution.Score? Ood);

    /// <param name="cv">Null: no cross-validation (and no coverage or spread score).</param>
    /// <param name="modelRun">The model's own run under <paramref name="cv"/> on the crystalline sites, if it was made already.</param>
    public static ModelEvaluation Run(LoadedModel model, Dataset data, IReadOnlyCollection<string> oxides, CrossValidation? cv,
        Action<string, int, int>? progress = null, CrossValidation.Result? modelRun = null)
    {
        var inputs = model.InputsOf(data);
        var sets = SiteSets.Of(data.Materials, oxides);
        if (sets.Crystalline.Length == 0) throw new InputError("the dataset has no crystalline sites to measure the training domain on");
        var (crystallineX, crystallineGroups) = (Rows.Select(inputs, sets.Crystalline), sets.Crystalline.Select(i => data.Materials[i]).ToArray());

        Comparison.Result? comparison = null;
        Calibration.Coverage? coverage = null;
        if (cv is not null)
        {
            comparison = Evaluation.Comparison.Run(ModelName(model), model.Model.Unfitted(), crystallineX,
                Rows.Select(data.Inputs[InputVariant.Conduction], sets.Crystalline), Rows.Select(data.Targets, sets.Crystalline),
                crystallineGroups, cv, progress, modelRun);
            if (comparison.ModelRun.Predictions[0].HasSpread) coverage = Calibration.Of(comparison.ModelRun);
        }
        var heldOutSpreads = coverage is null ? null
            : comparison!.ModelRun.Predictions.SelectMany(p => Enumerable.Range(0, p.Spread.Rows).Select(i => OutOfDistribution.MeanOf(p.Spread.Row(i)))).ToList();
        var domain = new OutOfDistribution(crystallineX, crystallineGroups, heldOutSpreads);

        var predicted = model.Model.Predict(inputs);
        var setOf = new string[data.Count];
        foreach (var i in sets.Crystalline) setOf[i] = CrystallineSet;
        foreach (var i in sets.Amorphous) setOf[i] = AmorphousSet;
        foreach (var i in sets.Oxides) setOf[i] = OxideSet;
        var sites = Enumerable.Range(0, data.Count).Select(i => new Site(data.Records[i], setOf[i],
            Rows.MeanSquaredDifference(predicted.Mean.Row(i), data.Targets.Row(i)), OutOfDistribution.MeanOf(predicted.Spread.Row(i)),
            setOf[i] == CrystallineSet ? null : domain.Of(inputs.Row(i), predicted.Spread.Row(i)))).ToList();
        int[] outside = [.. sets.Amorphous, .. sets.Oxides];
        var transfer = Evaluation.Transfer.Errors(ModelName(model), predicted, inputs, data.Inputs[InputVariant.Conduction], data.Targets, data.Materials,
            sets.Crystalline, outside, cv?.Seed ?? 0);
        return new ModelEvaluation(sites, comparison, coverage, sets.Crystalline.Length, crystallineGroups.Distinct().Count(), outside, transfer, domain);
    }

    /// <summary>
    /// The model's kind and ridge regression (the best baseline on the embedded data): each crystalline site's held-out
    /// error against the width of the supercell its label was computed in (<see cref="ErrorByWidth"/>), for the sites
    /// whose width is known; empty without cross-validation.
    /// </summary>
    public IReadOnlyList<ErrorByWidth.Series> ErrorsByWidth() => Comparison is null ? [] : ErrorByWidth.Of(
        [.. Sites.Where(s => s.Set == CrystallineSet).Select(s => s.Record)],
        new[] { Comparison.Scores[0].Name, Evaluation.Comparison.RidgeName }.Select(name => (name, Comparison.RunOf(name))));

    static string ModelName(LoadedModel model) => $"{model.Model.Kind} (this model's kind)";
}
