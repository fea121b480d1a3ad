using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// Repeated group k-fold cross-validation: the headline estimate of how well a model does on a material it has not
/// seen. Each repeat deals whole materials into <c>folds</c> folds with its own seed; every site is predicted once
/// per repeat by a model fitted on the other folds. A site's error is its MSE averaged over the repeats.
/// </summary>
public sealed record CrossValidation(int Folds, int Repeats, int Seed)
{
    public static CrossValidation Default { get; } = new(5, 3, 0);

    /// <summary>Held-out predictions of every repeat ([repeat] → rows in the data's order) and the fold of each row.</summary>
    public sealed record Result(IReadOnlyList<SpectrumPrediction> Predictions, IReadOnlyList<int[]> FoldOf, Matrix Targets, IReadOnlyList<string> Groups)
    {
        /// <summary>Per site: MSE against its target, averaged over the repeats.</summary>
        public double[] SiteErrors() => [.. Enumerable.Range(0, Targets.Rows).Select(i =>
            Predictions.Average(p => Rows.MeanSquaredDifference(p.Mean.Row(i), Targets.Row(i))))];

        /// <summary>The same run with every spread multiplied by <paramref name="factor"/>: what it would have been for a
        /// model whose spread scale is that much larger.</summary>
        public Result WithSpreadScaled(double factor) => this with
        {
            Predictions = [.. Predictions.Select(p => new SpectrumPrediction(p.Mean,
                new Matrix(p.Spread.Rows, p.Spread.Columns, Array.ConvertAll(p.Spread.Data, v => (float)(v * factor)))))],
        };
    }

    /// <param name="progress">Called after each fitted fold with (done, total).</param>
    public Result Run(ISpectrumModel prototype, Matrix inputs, Matrix targets, IReadOnlyList<string> groups, Action<int, int>? progress = null)
    {
        var predictions = new List<SpectrumPrediction>();
        var folds = new List<int[]>();
        for (int r = 0; r < Repeats; r++)
        {
            var fold = GroupFolds.Assign(groups, Folds, Seed + r);
            var (mean, spread) = (new Matrix(targets.Rows, targets.Columns), new Matrix(targets.Rows, targets.Columns));
            for (int k = 0; k < Folds; k++)
            {
                var (held, kept) = GroupFolds.Split(fold, k);
                var model = prototype.Unfitted();
                model.Fit(Rows.Select(inputs, kept), Rows.Select(targets, kept), [.. kept.Select(i => groups[i])]);
                var predicted = model.Predict(Rows.Select(inputs, held));
                for (int i = 0; i < held.Length; i++)
                {
                    predicted.Mean.Row(i).CopyTo(mean.Row(held[i]));
                    predicted.Spread.Row(i).CopyTo(spread.Row(held[i]));
                }
                progress?.Invoke(r * Folds + k + 1, Repeats * Folds);
            }
            predictions.Add(new SpectrumPrediction(mean, spread));
            folds.Add(fold);
        }
        return new Result(predictions, folds, targets, groups);
    }
}
