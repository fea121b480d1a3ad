using CoreHole.Learning;

namespace CoreHole.Evaluation;

/// <summary>
/// A percentile bootstrap over groups (materials): resample the materials with replacement, take the mean over all
/// their sites, repeat. Materials, not sites, are resampled because a material's sites are correlated; the interval
/// is how much the mean would move with another draw of materials like these.
/// </summary>
public static class Bootstrap
{
    public sealed record Interval(double Estimate, double Low, double High);

    public static Interval MeanOverGroups(IReadOnlyList<double> values, IReadOnlyList<string> groups, int resamples = 2000,
        double level = 0.95, int seed = 0)
    {
        if (values.Count == 0 || values.Count != groups.Count) throw new InputError($"{values.Count} values for {groups.Count} group labels");
        var units = groups.Select((g, i) => (g, i)).GroupBy(p => p.g, StringComparer.Ordinal)
            .Select(u => (Sum: u.Sum(p => values[p.i]), Count: u.Count())).ToArray();
        var random = new SeededRandom(seed);
        var means = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < units.Length; i++)
            {
                var unit = units[random.NextInt(units.Length)];
                (sum, count) = (sum + unit.Sum, count + unit.Count);
            }
            means[b] = sum / count;
        }
        Array.Sort(means);
        double tail = (1 - level) / 2;
        return new Interval(values.Average(), Quantile(means, tail), Quantile(means, 1 - tail));
    }

    /// <summary>Linear interpolation between order statistics (numpy's default percentile).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
