using System.Globalization;

namespace CoreHole.Training;

/// <summary>One grid point of the search: hidden layer widths and a weight decay.</summary>
public sealed record Combination(int Index, int[] Hidden, float WeightDecay)
{
    public string HiddenText => string.Join("x", Hidden);
    public string WeightDecayText => WeightDecay == 0 ? "0" : WeightDecay.ToString("0.#####E+0", CultureInfo.InvariantCulture);
    public override string ToString() => $"#{Index} hidden {HiddenText}, weight decay {WeightDecayText}";
}

/// <summary>
/// The paper's 108 combinations: 18 architectures × weight decay {1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 0}. The paper lists its
/// architectures only in a supplementary table; here they are 1, 2 or 3 hidden layers of equal width, each width one of
/// 32, 64, 128, 256, 512, 1024: from far fewer parameters than samples to about 2.4 million (3 × 1024).
/// </summary>
public static class SearchSpace
{
    public static IReadOnlyList<int> Widths { get; } = [32, 64, 128, 256, 512, 1024];
    public static IReadOnlyList<float> WeightDecays { get; } = [1e-5f, 1e-6f, 1e-7f, 1e-8f, 1e-9f, 0f];

    /// <summary>Depth first, then width: 32, 64, ..., 1024, 32x32, ..., 1024x1024x1024.</summary>
    public static IReadOnlyList<int[]> Architectures { get; } =
        [.. Enumerable.Range(1, 3).SelectMany(depth => Widths.Select(w => Enumerable.Repeat(w, depth).ToArray()))];

    /// <summary>Architecture-major: combination i has architecture i / 6 and weight decay i % 6.</summary>
    public static IReadOnlyList<Combination> Combinations { get; } =
        [.. Architectures.SelectMany(a => WeightDecays.Select(d => (a, d))).Select((p, i) => new Combination(i, p.a, p.d))];

    public const string Paper = "paper", Quick = "quick";

    /// <summary>
    /// The combinations of a named grid. <see cref="Paper"/>: all 108. <see cref="Quick"/>: 8 of them (1 or 2 layers of
    /// 64 or 256, weight decay 1e-6 or 0) for a search that finishes in minutes; they keep their indices in the full
    /// table, so the two grids' results can be set side by side.
    /// </summary>
    public static IReadOnlyList<Combination> Grid(string name) => name switch
    {
        Paper => Combinations,
        Quick => [.. Combinations.Where(c => c.Hidden.Length <= 2 && c.Hidden[0] is 64 or 256 && c.WeightDecay is 1e-6f or 0f)],
        _ => throw new InputError($"unknown search grid '{name}': use {Paper} or {Quick}"),
    };
}
