using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// Leave-one-compound-out transfer: each compound (a reduced formula, so that polymorphs such as TiO2 anatase and
/// rutile leave together) predicted by a model trained on the pool without it, beside the baselines of
/// <see cref="Transfer.Baselines"/> fitted on the same rows. A fold's fit also predicts the transfer sites of its
/// formulas (the paper's Fig. 4 oxides, computed elsewhere): a model that never saw the formula. Transfer formulas the
/// pool lacks share one fit on the whole pool. With a bound on the folds, the compounds are dealt into that many
/// groups, each held out whole: still no compound is seen by its own predictor, at a fixed number of fits.
/// </summary>
public static class TransferByCompound
{
    /// <summary>Every site's rows in the matrices, its material (inner validation holds materials out) and formula.</summary>
    public sealed record Sites(Matrix Inputs, Matrix Conduction, Matrix Targets, IReadOnlyList<string> Materials, IReadOnlyList<string> Formulas)
    {
        public Transfer.TrainingSet Training(int[] rows) => new Transfer.TrainingSet(Inputs, Conduction, Targets, Materials).Rows(rows);
    }

    /// <summary>One fit: the formulas it held out, their sites among the held-out and the transfer rows, the rows it
    /// trained on, each predictor's prediction of the held-out rows (the model first; none if there are none) and the
    /// model's of the transfer rows (null if there are none).</summary>
    public sealed record Fold(IReadOnlyList<string> Formulas, int[] HeldOut, int[] Transfer, int[] Training,
        IReadOnlyList<(string Name, string Kind, Matrix Predicted)> HeldOutPredictions, Matrix? TransferPredicted);

    /// <summary>
    /// The formulas held out together in each fit: every formula among <paramref name="heldOut"/> on its own (or, with
    /// <paramref name="maxFolds"/>, dealt in ordinal order into that many groups), then the transfer formulas that
    /// have no held-out rows together, as the whole-pool fit.
    /// </summary>
    public static IReadOnlyList<string[]> Groups(IReadOnlyList<string> formulas, int[] heldOut, int[] transfer, int? maxFolds = null)
    {
        if (maxFolds is < 1) throw new ArgumentOutOfRangeException(nameof(maxFolds), "at least one fold");
        var compounds = heldOut.Select(i => formulas[i]).Distinct().Order(StringComparer.Ordinal).ToArray();
        int folds = Math.Min(maxFolds ?? compounds.Length, compounds.Length);
        var transferOnly = transfer.Select(i => formulas[i]).Distinct().Except(compounds).Order(StringComparer.Ordinal).ToArray();
        return [.. Enumerable.Range(0, folds).Select(f => compounds.Where((_, i) => i % folds == f).ToArray()),
            .. transferOnly.Length > 0 ? [transferOnly] : Array.Empty<string[]>()];
    }

    /// <summary>The rows of <paramref name="pool"/> a fit holding out <paramref name="held"/> trains on: every other formula's.</summary>
    public static int[] TrainingRows(IReadOnlyList<string> formulas, int[] pool, IReadOnlyCollection<string> held) =>
        [.. pool.Where(i => !held.Contains(formulas[i]))];

    /// <param name="pool">The rows models train on; the held-out rows are among them.</param>
    /// <param name="model">An unfitted model for a fold (its seed fixed by the caller).</param>
    /// <param name="maxFolds">At most this many fits for the held-out compounds (null: one per compound).</param>
    /// <param name="progress">Called with each fold's formulas as it starts, and the fold's number and count.</param>
    public static IReadOnlyList<Fold> Run(Sites sites, int[] pool, int[] heldOut, int[] transfer, Func<ISpectrumModel> model, string modelName,
        int seed, int? maxFolds = null, Action<string, int, int>? progress = null)
    {
        if (heldOut.Except(pool).Any()) throw new ArgumentException("held-out rows must be in the pool they are held out of", nameof(heldOut));
        var groups = Groups(sites.Formulas, heldOut, transfer, maxFolds);
        return [.. groups.Select((held, n) =>
        {
            progress?.Invoke(string.Join(", ", held), n + 1, groups.Count);
            var training = TrainingRows(sites.Formulas, pool, held);
            if (training.Length == 0) throw new InputError($"holding out {string.Join(", ", held)} leaves no site to train on");
            int[] Of(int[] rows) => [.. rows.Where(i => held.Contains(sites.Formulas[i]))];
            var (heldRows, transferRows) = (Of(heldOut), Of(transfer));
            var set = sites.Training(training);
            var fitted = model();
            fitted.Fit(set.Inputs, set.Targets, set.Groups);
            Matrix Predict(int[] rows) => fitted.Predict(Rows.Select(sites.Inputs, rows)).Mean;
            IReadOnlyList<(string, string, Matrix)> predictions = heldRows.Length == 0 ? [] :
                [(modelName, fitted.Kind, Predict(heldRows)), .. Transfer.Baselines(set, Rows.Select(sites.Inputs, heldRows), Rows.Select(sites.Conduction, heldRows), seed)];
            return new Fold(held, heldRows, transferRows, training, predictions, transferRows.Length == 0 ? null : Predict(transferRows));
        })];
    }
}
