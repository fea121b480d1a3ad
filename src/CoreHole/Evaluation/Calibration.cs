using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// How often held-out spectra fall inside the predicted ±1σ and ±2σ bands (per energy point), after a spread scale
/// fitted on other folds: for the sites of fold k, the scale is the one that would put 68.3% of the other folds'
/// held-out points inside ±1σ. So the coverage printed is measured on sites neither the model nor the scale saw.
/// </summary>
public static class Calibration
{
    const double OneSigma = 0.6827;

    public sealed record Coverage(double OneSigma, double TwoSigma, double Scale);

    public static Coverage Of(CrossValidation.Result cv)
    {
        int inside1 = 0, inside2 = 0, points = 0;
        for (int r = 0; r < cv.Predictions.Count; r++)
        {
            var fold = cv.FoldOf[r];
            var ratios = Ratios(cv.Predictions[r], cv.Targets);
            foreach (int k in fold.Distinct())
            {
                double scale = Scale(ratios.Where((_, i) => fold[i] != k).SelectMany(x => x));
                foreach (var row in ratios.Where((_, i) => fold[i] == k))
                    foreach (var z in row)
                    {
                        points++;
                        if (z <= scale) inside1++;
                        if (z <= 2 * scale) inside2++;
                    }
            }
        }
        var all = Enumerable.Range(0, cv.Predictions.Count).SelectMany(r => Ratios(cv.Predictions[r], cv.Targets).SelectMany(x => x));
        return new Coverage((double)inside1 / points, (double)inside2 / points, Scale(all));
    }

    /// <summary>|target − mean| / spread at every (site, energy); infinite where the spread is zero and the error is not.</summary>
    static double[][] Ratios(SpectrumPrediction p, Learning.Matrix targets) => [.. Enumerable.Range(0, targets.Rows).Select(i =>
    {
        var (mean, spread, target) = (p.Mean.Row(i).ToArray(), p.Spread.Row(i).ToArray(), targets.Row(i).ToArray());
        return Enumerable.Range(0, target.Length).Select(j =>
        {
            double error = Math.Abs(target[j] - mean[j]);
            return error == 0 ? 0 : spread[j] > 0 ? error / spread[j] : double.PositiveInfinity;
        }).ToArray();
    })];

    /// <summary>The factor on the spread that covers 68.3% of these error/spread ratios.</summary>
    static double Scale(IEnumerable<double> ratios)
    {
        var sorted = ratios.Order().ToArray();
        return Bootstrap.Quantile(sorted, OneSigma);
    }
}
