using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// Cross-validation folds that never split a group (a material: its sites are near-copies of one another), seeded:
/// groups are shuffled, then dealt largest first to the fold with fewest rows so that folds are of similar size.
/// </summary>
public static class GroupFolds
{
    /// <summary>The fold (0 … <paramref name="folds"/> − 1) of every row, from its group label.</summary>
    public static int[] Assign(IReadOnlyList<string> groups, int folds, int seed)
    {
        var units = groups.Select((g, i) => (g, i)).GroupBy(p => p.g, StringComparer.Ordinal).Select(u => u.Select(p => p.i).ToArray()).ToArray();
        ModelChecks.Require(folds >= 2, $"cross-validation needs at least 2 folds, got {folds}");
        ModelChecks.Require(units.Length >= folds, $"{folds}-fold group cross-validation needs at least {folds} groups, got {units.Length}");
        var order = Enumerable.Range(0, units.Length).ToArray();
        new SeededRandom(seed).Shuffle(order);
        var fold = new int[groups.Count];
        var sizes = new int[folds];
        foreach (var u in order.OrderByDescending(u => units[u].Length)) // stable: ties keep the shuffle
        {
            int target = Array.IndexOf(sizes, sizes.Min());
            foreach (var row in units[u]) fold[row] = target;
            sizes[target] += units[u].Length;
        }
        return fold;
    }

    /// <summary>Row indices in fold <paramref name="k"/> and outside it.</summary>
    public static (int[] Inside, int[] Outside) Split(int[] fold, int k) =>
        ([.. Enumerable.Range(0, fold.Length).Where(i => fold[i] == k)], [.. Enumerable.Range(0, fold.Length).Where(i => fold[i] != k)]);

    /// <summary>
    /// The candidate with the lowest summed squared error over <paramref name="folds"/> group folds of the training
    /// data (ties: the first), as RidgeCV or GridSearchCV choose; <paramref name="predict"/> fits on the training rows
    /// it is given and predicts the held-out inputs.
    /// </summary>
    public static T SelectByCrossValidation<T>(IReadOnlyList<T> candidates, Matrix inputs, Matrix targets,
        IReadOnlyList<string> groups, int folds, int seed, Func<T, Matrix, Matrix, Matrix, Matrix> predict) =>
        SelectByCrossValidation(candidates, inputs, targets, groups, folds, seed,
            (trainX, trainY, heldX) => candidates.Select(c => predict(c, trainX, trainY, heldX)));

    /// <summary>
    /// As above, for a model that shares one fold's work among its candidates: <paramref name="predictEach"/> fits on
    /// the training rows it is given and yields the held-out predictions of every candidate, in order.
    /// </summary>
    public static T SelectByCrossValidation<T>(IReadOnlyList<T> candidates, Matrix inputs, Matrix targets,
        IReadOnlyList<string> groups, int folds, int seed, Func<Matrix, Matrix, Matrix, IEnumerable<Matrix>> predictEach)
    {
        if (candidates.Count == 1 || UsableFolds(groups, folds) < 2) return candidates[0];
        var errors = CrossValidationErrors(candidates.Count, inputs, targets, groups, folds, seed, predictEach);
        return candidates[Array.IndexOf(errors, errors.Min())];
    }

    /// <summary>
    /// Each of <paramref name="count"/> candidates' squared error summed over the held-out rows of min(folds, groups)
    /// group folds; <paramref name="predictEach"/> yields every candidate's held-out predictions, in order, from a fit
    /// on the fold's training rows.
    /// </summary>
    public static double[] CrossValidationErrors(int count, Matrix inputs, Matrix targets, IReadOnlyList<string> groups,
        int folds, int seed, Func<Matrix, Matrix, Matrix, IEnumerable<Matrix>> predictEach)
    {
        int usable = UsableFolds(groups, folds);
        var fold = Assign(groups, usable, seed);
        var errors = new double[count];
        for (int k = 0; k < usable; k++)
        {
            var (held, kept) = Split(fold, k);
            var heldY = Rows.Select(targets, held);
            int c = 0;
            foreach (var predicted in predictEach(Rows.Select(inputs, kept), Rows.Select(targets, kept), Rows.Select(inputs, held)))
            {
                for (int i = 0; i < held.Length; i++) errors[c] += Rows.SquaredDistance(predicted.Row(i), heldY.Row(i));
                c++;
            }
            if (c != count) throw new InvalidOperationException($"cross-validation: {c} predictions for {count} candidates");
        }
        return errors;
    }

    static int UsableFolds(IReadOnlyList<string> groups, int folds) => Math.Min(folds, groups.Distinct(StringComparer.Ordinal).Count());

    /// <summary>
    /// Row indices of the kept and the held-out groups: a random <paramref name="fraction"/> of the groups (at least
    /// one, never all) is held out; none when there is only one group.
    /// </summary>
    public static (int[] Kept, int[] Held) HoldOut(IReadOnlyList<string> groups, double fraction, SeededRandom random)
    {
        var distinct = groups.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length < 2) return ([.. Enumerable.Range(0, groups.Count)], []);
        var order = Enumerable.Range(0, distinct.Length).ToArray();
        random.Shuffle(order);
        int count = Math.Clamp((int)Math.Round(fraction * distinct.Length), 1, distinct.Length - 1);
        var held = order.Take(count).Select(i => distinct[i]).ToHashSet(StringComparer.Ordinal);
        return ([.. Enumerable.Range(0, groups.Count).Where(i => !held.Contains(groups[i]))],
            [.. Enumerable.Range(0, groups.Count).Where(i => held.Contains(groups[i]))]);
    }
}
