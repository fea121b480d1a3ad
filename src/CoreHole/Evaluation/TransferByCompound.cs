using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// Leave-one-compound-out transfer: each compound (a reduced formula, so that polymorphs such as TiO2 anatase and
/// rutile leave together) predicted by a model trained on every other compound of the pool, beside the baselines of
/// <see cref="Transfer.Baselines"/> fitted on the same rows. One fit per compound serves both the compound's own sites
/// and any transfer sites of the same formula (the paper's Fig. 4 oxides, computed elsewhere): a model that never saw
/// the formula, trained on everything else.
/// </summary>
public static class TransferByCompound
{
    /// <summary>Every site's rows in the matrices, its material (inner validation holds materials out) and formula.</summary>
    public sealed record Sites(Matrix Inputs, Matrix Conduction, Matrix Targets, IReadOnlyList<string> Materials, IReadOnlyList<string> Formulas)
    {
        public Transfer.TrainingSet Training(int[] rows) => new Transfer.TrainingSet(Inputs, Conduction, Targets, Materials).Rows(rows);
    }

    /// <summary>One held-out compound: its sites among the held-out rows and among the transfer rows, the rows it was
    /// trained without it on, and each predictor's prediction of its held-out rows (the model first; none if it has no
    /// held-out rows) and the model's of its transfer rows (null if it has none).</summary>
    public sealed record Fold(string Formula, int[] HeldOut, int[] Transfer, int[] Training,
        IReadOnlyList<(string Name, string Kind, Matrix Predicted)> HeldOutPredictions, Matrix? TransferPredicted);

    /// <summary>
    /// The compounds to hold out, by formula in ordinal order: every formula among <paramref name="heldOut"/> or
    /// <paramref name="transfer"/>, with its rows in each.
    /// </summary>
    public static IReadOnlyList<(string Formula, int[] HeldOut, int[] Transfer)> Compounds(IReadOnlyList<string> formulas, int[] heldOut, int[] transfer) =>
        [.. heldOut.Concat(transfer).Select(i => formulas[i]).Distinct().Order(StringComparer.Ordinal)
            .Select(f => (f, heldOut.Where(i => formulas[i] == f).ToArray(), transfer.Where(i => formulas[i] == f).ToArray()))];

    /// <summary>The rows of <paramref name="pool"/> a model holding out <paramref name="formula"/> trains on: every other formula's.</summary>
    public static int[] TrainingRows(IReadOnlyList<string> formulas, int[] pool, string formula) => [.. pool.Where(i => formulas[i] != formula)];

    /// <param name="pool">The rows models train on; the held-out rows are among them.</param>
    /// <param name="model">An unfitted model for a fold (its seed fixed by the caller).</param>
    /// <param name="progress">Called with each compound as its fold starts, and the fold's number and count.</param>
    public static IReadOnlyList<Fold> Run(Sites sites, int[] pool, int[] heldOut, int[] transfer, Func<ISpectrumModel> model, string modelName,
        int seed, Action<string, int, int>? progress = null)
    {
        if (heldOut.Except(pool).Any()) throw new ArgumentException("held-out rows must be in the pool they are held out of", nameof(heldOut));
        var compounds = Compounds(sites.Formulas, heldOut, transfer);
        return [.. compounds.Select((c, n) =>
        {
            progress?.Invoke(c.Formula, n + 1, compounds.Count);
            var training = TrainingRows(sites.Formulas, pool, c.Formula);
            if (training.Length == 0) throw new InputError($"holding out {c.Formula} leaves no site to train on");
            var fitted = model();
            var set = sites.Training(training);
            fitted.Fit(set.Inputs, set.Targets, set.Groups);
            Matrix Predict(int[] rows) => fitted.Predict(Rows.Select(sites.Inputs, rows)).Mean;
            IReadOnlyList<(string, string, Matrix)> predictions = c.HeldOut.Length == 0 ? [] :
                [(modelName, fitted.Kind, Predict(c.HeldOut)), .. Transfer.Baselines(set, Rows.Select(sites.Inputs, c.HeldOut), Rows.Select(sites.Conduction, c.HeldOut), seed)];
            return new Fold(c.Formula, c.HeldOut, c.Transfer, training, predictions, c.Transfer.Length == 0 ? null : Predict(c.Transfer));
        })];
    }
}
