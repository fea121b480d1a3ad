using System.Globalization;
using System.Text;

namespace CoreHole.Structures;

/// <summary>One radial distribution function g(r) on the grid of its <see cref="RadialDistribution"/>: "Si-O", "O-O", ... or "total".</summary>
public sealed record PairDistribution(string Name, double[] G);

/// <summary>
/// Partial and total radial distribution functions of a periodic structure, each pair distance broadened by a Gaussian
/// of width sigma: a small amorphous cell has too few pairs for a histogram with bins fine enough to place the Si-O
/// peak to 0.01 Å, and a crystal's delta peaks then plot as lines of finite width.
/// </summary>
public sealed record RadialDistribution(double[] Radii, IReadOnlyList<PairDistribution> Functions)
{
    public PairDistribution this[string name] =>
        Functions.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"no g(r) named {name}");

    /// <summary>Every element pair (in order of first appearance) and the total, on r = (k + 1/2) step below <paramref name="radius"/>.</summary>
    public static RadialDistribution Of(Crystal crystal, double radius = 8.0, double step = 0.01, double sigma = 0.03)
    {
        var radii = Enumerable.Range(0, (int)Math.Round(radius / step)).Select(k => (k + 0.5) * step).ToArray();
        var elements = crystal.Atoms.Select(a => a.Element).Distinct().ToList();
        // Pairs reaching past the grid by up to 5 sigma still add their tails inside it.
        var neighbors = Neighbors.Within(crystal, radius + 5 * sigma);
        var functions = new List<PairDistribution>();
        for (var a = 0; a < elements.Count; a++)
            for (var b = a; b < elements.Count; b++)
            {
                var (ea, eb) = (elements[a], elements[b]);
                functions.Add(new PairDistribution($"{ea}-{eb}",
                    Broadened(crystal, StructureAnalysis.Bonds(crystal, neighbors, ea, eb, double.PositiveInfinity), ea, eb, radii, sigma)));
            }
        functions.Add(new PairDistribution("total", Broadened(crystal, neighbors, null, null, radii, sigma)));
        return new RadialDistribution(radii, functions);
    }

    /// <summary>g_ab(r) = V / (N_a N_b) sum over ordered pairs i in a, j in b of gauss(r - r_ij) / (4 pi r^2); null means every element.</summary>
    static double[] Broadened(Crystal crystal, IEnumerable<Neighbor> pairs, string? a, string? b, double[] radii, double sigma)
    {
        int Count(string? element) => crystal.Atoms.Count(atom => element is null || atom.Element == element);
        var step = radii[1] - radii[0];
        var g = new double[radii.Length];
        var norm = 1 / (sigma * Math.Sqrt(2 * Math.PI));
        foreach (var pair in pairs)
        {
            var first = Math.Max(0, (int)((pair.Distance - 5 * sigma) / step));
            var last = Math.Min(radii.Length - 1, (int)((pair.Distance + 5 * sigma) / step));
            for (var k = first; k <= last; k++)
            {
                var x = (radii[k] - pair.Distance) / sigma;
                g[k] += norm * Math.Exp(-0.5 * x * x);
            }
        }
        var scale = crystal.Lattice.Volume / ((double)Count(a) * Count(b));
        for (var k = 0; k < g.Length; k++) g[k] *= scale / (4 * Math.PI * radii[k] * radii[k]);
        return g;
    }

    /// <summary>
    /// Where g(r) of <paramref name="name"/> is highest below <paramref name="below"/> (Å): the grid point refined by
    /// the parabola through it and its two neighbours, so the peak is placed more finely than the grid.
    /// </summary>
    public double PeakPosition(string name, double below)
    {
        var g = this[name].G;
        var top = 1;
        for (var k = 1; k < Radii.Length - 1 && Radii[k] < below; k++)
            if (g[k] > g[top]) top = k;
        var curvature = g[top - 1] - 2 * g[top] + g[top + 1];
        var offset = curvature < 0 ? 0.5 * (g[top - 1] - g[top + 1]) / curvature : 0;
        return Radii[top] + offset * (Radii[1] - Radii[0]);
    }

    /// <summary>CSV with a header: r_angstrom, then one g(r) column per function.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder("r_angstrom");
        foreach (var f in Functions) text.Append(",g_").Append(f.Name.Replace('-', '_'));
        text.Append('\n');
        for (var k = 0; k < Radii.Length; k++)
        {
            text.Append(Radii[k].ToString("F3", CultureInfo.InvariantCulture));
            foreach (var f in Functions) text.Append(',').Append(f.G[k].ToString("G6", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }
}
