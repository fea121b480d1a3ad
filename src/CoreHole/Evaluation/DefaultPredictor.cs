using CoreHole.Datasets;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// CoreHole's default predictor (<see cref="Unfitted"/>; docs/learning.md says which and why, measured), trained on a
/// dataset's crystalline sites: first repeated group cross-validation to fit the scale of its spread (so that ±1σ
/// covers 68% of held-out points), then the model with that scale on every crystalline site.
/// </summary>
public static class DefaultPredictor
{
    public const string Name = "ridge + residual networks (default predictor)";

    /// <summary>Ridge regression plus 5 smooth residual networks of 32, weight decay 1e-3 (<see cref="RidgeResidualEnsemble"/>):
    /// of the designs bench/CoreHole.Bench <c>designs</c> measures, the one whose group-CV MSE matches ridge's.</summary>
    /// <param name="members">Fewer networks make a cheaper fit of the same design (the report's <c>--quick</c> transfer).</param>
    public static IEnsembleModel Unfitted(int seed, int members = 5) =>
        new RidgeResidualEnsemble(members: members, hidden: 32, weightDecay: 1e-3f, seed: seed);

    /// <param name="HeldOut">The calibration's cross-validation run, its spreads scaled as the model's.</param>
    public sealed record Trained(IEnsembleModel Model, Calibration.Coverage Coverage, int Sites, int Materials, CrossValidation.Result HeldOut);

    public static Trained Train(Dataset data, InputVariant variant, IReadOnlyCollection<string> oxides, CrossValidation cv,
        Action<int, int>? progress = null)
    {
        var sites = SiteSets.Of(data.Materials, oxides).Crystalline;
        if (sites.Length == 0) throw new InputError("the dataset has no crystalline sites to train on");
        var (x, y, groups) = (Rows.Select(data.Inputs[variant], sites), Rows.Select(data.Targets, sites), sites.Select(i => data.Materials[i]).ToArray());
        var untrained = Unfitted(cv.Seed);
        var heldOut = cv.Run(untrained, x, y, groups, progress);
        var coverage = Calibration.Of(heldOut);
        var model = untrained.WithSpreadScale(coverage.Scale);
        model.Fit(x, y, groups);
        return new Trained(model, coverage, sites.Length, groups.Distinct().Count(), heldOut.WithSpreadScaled(coverage.Scale / untrained.SpreadScale));
    }
}
