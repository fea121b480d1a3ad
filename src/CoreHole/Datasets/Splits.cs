
namespace CoreHole.Datasets;

/// <summary>Which part of a split a site belongs to.</summary>
public enum Part : byte { Train = 0, Validation = 1, Test = 2 }

/// <summary>
/// The two seeded ways of dividing a dataset. <b>Paper</b>: shuffle the sites, a tenth (rounded, at least one when
/// there are ten or more sites) is the test set, the rest is halved into train and validation (train gets the odd one).
/// <b>Group</b>: the same proportions, but whole materials are assigned, in shuffled order, so that the correlated sites
/// of one crystal never sit on both sides; its fractions are as close as whole materials allow.
/// </summary>
public static class Splits
{
    public const string Paper = "paper", Group = "group";
    public static IReadOnlyList<string> Names { get; } = [Paper, Group];

    public static Part[] Make(string name, IReadOnlyList<string> materials, int seed) => name switch
    {
        Paper => ByUnits(Enumerable.Range(0, materials.Count).Select(i => new[] { i }).ToList(), materials.Count, seed),
        Group => ByUnits(materials.Select((m, i) => (m, i)).GroupBy(p => p.m, StringComparer.Ordinal)
            .Select(g => g.Select(p => p.i).ToArray()).ToList(), materials.Count, seed),
        _ => throw new InputError($"unknown split '{name}': use {string.Join(" or ", Names)}"),
    };

    /// <summary>Assigns shuffled units (one site, or all sites of a material) to test, then validation, then train.</summary>
    static Part[] ByUnits(List<int[]> units, int sites, int seed)
    {
        var order = Enumerable.Range(0, units.Count).ToArray();
        new SeededRandom(seed).Shuffle(order);
        int testTarget = sites >= 10 ? Math.Max(1, (int)Math.Round(sites / 10.0)) : 0;
        int validationTarget = (sites - testTarget) / 2;
        var parts = new Part[sites];
        int test = 0, validation = 0;
        foreach (var unit in order.Select(u => units[u]))
        {
            Part part;
            if (test < testTarget) { part = Part.Test; test += unit.Length; }
            else if (validation < validationTarget) { part = Part.Validation; validation += unit.Length; }
            else part = Part.Train;
            foreach (var site in unit) parts[site] = part;
        }
        return parts;
    }

    /// <summary>
    /// <paramref name="folds"/> cross-validation folds over <paramref name="sites"/>, seeded: shuffled and dealt out in
    /// turn, or with <paramref name="byMaterial"/> whole materials dealt (largest first) to the fold with fewest sites.
    /// Returns the fold of every site of the dataset (<paramref name="materials"/> has one entry per site), -1 for
    /// sites not in <paramref name="sites"/>.
    /// </summary>
    public static int[] Folds(IReadOnlyList<int> sites, IReadOnlyList<string> materials, int folds, bool byMaterial, int seed)
    {
        var units = byMaterial
            ? sites.GroupBy(s => materials[s], StringComparer.Ordinal).Select(g => g.ToArray()).ToList()
            : sites.Select(s => new[] { s }).ToList();
        if (units.Count < folds)
            throw new InputError($"{folds}-fold cross-validation needs at least {folds} {(byMaterial ? "materials" : "sites")} outside the test set, the dataset has {units.Count}");
        var order = Enumerable.Range(0, units.Count).ToArray();
        new SeededRandom(seed).Shuffle(order);
        var fold = new int[materials.Count];
        Array.Fill(fold, -1);
        var sizes = new int[folds];
        var dealt = byMaterial ? order.OrderByDescending(u => units[u].Length).ToArray() : order; // stable: ties keep the shuffle
        for (int i = 0; i < dealt.Length; i++)
        {
            int target = byMaterial ? Array.IndexOf(sizes, sizes.Min()) : i % folds;
            foreach (var site in units[dealt[i]]) fold[site] = target;
            sizes[target] += units[dealt[i]].Length;
        }
        return fold;
    }
}
