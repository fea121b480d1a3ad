using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>One predictor's group-CV score: MSE with its bootstrap interval over materials, skill against the mean
/// spectrum, the lowest predicted value, and how jagged its spectra are relative to the targets.</summary>
/// <param name="Skill">1 − MSE / MSE(mean training spectrum): 0 is no better than the mean, 1 is perfect.</param>
/// <param name="RoughnessRatio">Mean squared second difference (point to point) of the predictions over that of the targets.</param>
public sealed record ModelScore(string Name, Bootstrap.Interval Mse, double Skill, double Minimum, double RoughnessRatio);

/// <summary>
/// A model and the four baselines under the same repeated group cross-validation: the mean training spectrum, k
/// nearest neighbours and ridge regression on the model's own input, and the conduction-band PDOS itself (the
/// spectrum without a core hole, on the target's grid).
/// </summary>
public static class Comparison
{
    public const string MeanName = "mean training spectrum";

    public static IReadOnlyList<(string Name, ISpectrumModel Model, bool OnConductionInput)> Baselines(int seed) =>
    [
        (MeanName, new MeanSpectrum(), false),
        ("k nearest neighbours", new NearestNeighbours(seed: seed), false),
        (RidgeName, new RidgeRegression(seed: seed), false),
        ("PDOS as spectrum (no core hole)", new InputAsSpectrum(), true),
    ];

    public const string RidgeName = "ridge regression";

    /// <summary>Every predictor's score and cross-validation run, the model first, then the baselines in <see cref="Baselines"/>' order.</summary>
    public sealed record Result(IReadOnlyList<ModelScore> Scores, IReadOnlyList<CrossValidation.Result> Runs)
    {
        public CrossValidation.Result ModelRun => Runs[0];

        public CrossValidation.Result RunOf(string name) => Runs[Scores.Select(s => s.Name).ToList().IndexOf(name)];
    }

    /// <param name="progress">Called with the predictor's name and (done, total) folds.</param>
    /// <param name="modelRun">The model's run under <paramref name="cv"/> if it was made already (e.g. to calibrate it).</param>
    public static Result Run(string modelName, ISpectrumModel model, Matrix inputs, Matrix conductionInputs, Matrix targets,
        IReadOnlyList<string> groups, CrossValidation cv, Action<string, int, int>? progress = null, CrossValidation.Result? modelRun = null)
    {
        IReadOnlyList<(string Name, ISpectrumModel Model, bool OnConductionInput)> predictors =
            modelRun is null ? [(modelName, model, false), .. Baselines(cv.Seed)] : Baselines(cv.Seed);
        var (scores, runs) = RunAll(predictors, inputs, conductionInputs, targets, groups, cv, progress, modelRun is null ? null : (modelName, modelRun));
        return new Result(scores, runs);
    }

    /// <summary>
    /// Every predictor under the same folds, scored (skill against the one named <see cref="MeanName"/>, which must be
    /// among them), with its cross-validation run, in the order given; a run made already (<paramref name="done"/>)
    /// comes first.
    /// </summary>
    public static (IReadOnlyList<ModelScore> Scores, IReadOnlyList<CrossValidation.Result> Runs) RunAll(
        IReadOnlyList<(string Name, ISpectrumModel Model, bool OnConductionInput)> predictors, Matrix inputs, Matrix conductionInputs,
        Matrix targets, IReadOnlyList<string> groups, CrossValidation cv, Action<string, int, int>? progress = null,
        (string Name, CrossValidation.Result Run)? done = null)
    {
        var named = predictors.Select(p => (p.Name, Run: cv.Run(p.Model, p.OnConductionInput ? conductionInputs : inputs, targets, groups,
            (d, t) => progress?.Invoke(p.Name, d, t)))).ToList();
        if (done is { } made) named.Insert(0, made);
        double meanMse = named.Single(r => r.Name == MeanName).Run.SiteErrors().Average();
        return ([.. named.Select(r => Score(r.Name, r.Run, meanMse, cv.Seed))], [.. named.Select(r => r.Run)]);
    }

    static ModelScore Score(string name, CrossValidation.Result run, double meanMse, int seed)
    {
        var errors = run.SiteErrors();
        var interval = Bootstrap.MeanOverGroups(errors, run.Groups, seed: seed);
        return new ModelScore(name, interval, 1 - interval.Estimate / meanMse, run.Predictions.Min(p => p.Mean.Data.Min()),
            run.Predictions.Average(p => Roughness(p.Mean)) / Roughness(run.Targets));
    }

    /// <summary>
    /// The first score (the model) against the best of the others (the baselines) in words: within or above the best
    /// baseline's upper 95% bound, and below its estimate or not.
    /// </summary>
    public static string Verdict(IReadOnlyList<ModelScore> scores)
    {
        var (model, best) = (scores[0], scores.Skip(1).MinBy(s => s.Mse.Estimate)!);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{model.Name}: MSE {model.Mse.Estimate:G3} is {(model.Mse.Estimate <= best.Mse.High ? "within" : "above")} the best baseline's ({best.Name}, {best.Mse.Estimate:G3}) upper 95% bound {best.Mse.High:G3}, and {(model.Mse.Estimate < best.Mse.Estimate ? "below" : "not below")} its estimate");
    }

    /// <summary>Mean over rows and energies of the squared second difference y[j-1] − 2y[j] + y[j+1].</summary>
    public static double Roughness(Matrix spectra)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < spectra.Rows; i++)
        {
            var row = spectra.Row(i);
            for (int j = 1; j + 1 < row.Length; j++, count++) sum += Math.Pow(row[j - 1] - 2.0 * row[j] + row[j + 1], 2);
        }
        return sum / count;
    }
}
