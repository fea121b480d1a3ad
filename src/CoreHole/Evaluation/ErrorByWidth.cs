using System.Globalization;
using CoreHole.Datasets;
using CoreHole.Plotting;
using CoreHole.Simulation;

namespace CoreHole.Evaluation;

/// <summary>
/// A predictor's held-out error against the width of the core-hole supercell each site's label was computed in, beside
/// the label-width study's label changes (the same site in a narrow and a ≥ 10 Å cell): how much of the error is the
/// labels' own finite-size noise. Widths are binned below 8.5, 8.5-9, 9-9.5 and from 9.5 Å.
/// </summary>
public static class ErrorByWidth
{
    static readonly double[] Edges = [8.5, 9.0, 9.5];

    /// <param name="High">Null for the last, open bin.</param>
    public sealed record Bin(double? Low, double? High)
    {
        public string Label => (Low, High) switch
        {
            (null, { } h) => $"below {F(h)} Å",
            ({ } l, { } h) => $"{F(l)}-{F(h)} Å",
            ({ } l, null) => $"{F(l)} Å and wider",
            _ => "any width",
        };

        public bool Holds(double width) => (Low is null || width >= Low) && (High is null || width < High);

        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<Bin> Bins { get; } =
        [new(null, Edges[0]), .. Edges.Zip(Edges.Skip(1), (l, h) => new Bin(l, h)), new(Edges[^1], null)];

    /// <summary>Mean of <paramref name="values"/> over the widths in each bin (NaN where a bin is empty), with the count.</summary>
    public static IReadOnlyList<(Bin Bin, int Count, double Mean)> MeanPerBin(IReadOnlyList<double> widths, IReadOnlyList<double> values) =>
        [.. Bins.Select(b =>
        {
            var inside = Enumerable.Range(0, widths.Count).Where(i => b.Holds(widths[i])).Select(i => values[i]).ToArray();
            return (b, inside.Length, inside.Length == 0 ? double.NaN : inside.Average());
        })];

    /// <summary>
    /// Each site's core-hole supercell width (Å, the smallest perpendicular width) from the <c>plan.json</c> of the
    /// campaign material its source folder belongs to; null for a site not read from a campaign folder.
    /// </summary>
    public static double?[] SupercellWidths(IReadOnlyList<SiteRecord> records)
    {
        var byPlan = new Dictionary<string, double?>(StringComparer.Ordinal);
        return [.. records.Select(r =>
        {
            var plan = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(r.Provenance.Source)) ?? "", "plan.json");
            if (!byPlan.TryGetValue(plan, out var width))
                byPlan[plan] = width = File.Exists(plan) ? PlanFile.Read(plan).SupercellMinWidth : null;
            return width;
        })];
    }

    /// <summary>A predictor's held-out error per site against the width of the site's supercell.</summary>
    public sealed record Series(string Name, double[] Widths, double[] Errors);

    /// <summary>
    /// Each named predictor's held-out error of each site whose supercell width is known (<see cref="SupercellWidths"/>),
    /// from its cross-validation run over <paramref name="records"/>; empty when no width is known.
    /// </summary>
    public static IReadOnlyList<Series> Of(IReadOnlyList<SiteRecord> records, IEnumerable<(string Name, CrossValidation.Result Run)> runs)
    {
        var widths = SupercellWidths(records);
        var known = Enumerable.Range(0, records.Count).Where(i => widths[i] is not null).ToArray();
        if (known.Length == 0) return [];
        return [.. runs.Select(r =>
        {
            var errors = r.Run.SiteErrors();
            return new Series(r.Name, [.. known.Select(i => widths[i]!.Value)], [.. known.Select(i => errors[i])]);
        })];
    }

    /// <summary>One row of the label-width study's table: a site's label change between its narrow and its wide cell.</summary>
    public sealed record LabelChange(string Material, string Site, double NarrowWidth, double LabelMse);

    /// <summary>Reads the label-width study's <c>summary.tsv</c> (bench/label-width.sh): columns <c>material</c>,
    /// <c>site</c>, <c>width_narrow_A</c> and <c>label_mse</c>, by name.</summary>
    public static IReadOnlyList<LabelChange> ReadLabelChanges(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such file");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        if (lines.Length == 0) throw new InputError(path, null, "empty label-width table");
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new InputError(path, 1, $"no column '{name}' in the label-width table");
        var (material, site, width, mse) = (Column("material"), Column("site"), Column("width_narrow_A"), Column("label_mse"));
        return [.. lines.Skip(1).Select((line, k) =>
        {
            var cells = line.Split('\t');
            double Number(int column) => column < cells.Length && double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new InputError(path, k + 2, $"'{header[column]}' is not a number");
            return new LabelChange(cells[material], cells[site], Number(width), Number(mse));
        })];
    }

    /// <summary>
    /// The figure: each predictor's held-out per-site error (small markers) and its mean per width bin (a line through
    /// the bins' mean widths), and the label changes at their narrow cell's width, on a log y axis.
    /// </summary>
    public static PlotFigure Figure(IReadOnlyList<Series> predictors, IReadOnlyList<LabelChange> labels)
    {
        string[] colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"];
        var markers = new List<PlotMarkers>();
        var curves = new List<PlotSeries>();
        for (int p = 0; p < predictors.Count; p++)
        {
            var (name, widths, errors) = predictors[p];
            markers.Add(new PlotMarkers($"{name}: per site", widths, errors, colours[p % colours.Length]) { Size = 3 });
            var means = Bins.Select(b => Enumerable.Range(0, widths.Length).Where(i => b.Holds(widths[i])).ToArray())
                .Where(inside => inside.Length > 0).Select(inside => (inside.Average(i => widths[i]), inside.Average(i => errors[i]))).ToArray();
            curves.Add(new PlotSeries($"{name}: mean per width bin", new Spectra.Curve([.. means.Select(m => m.Item1)], [.. means.Select(m => m.Item2)]),
                colours[p % colours.Length]));
        }
        if (labels.Count > 0)
            markers.Add(new PlotMarkers("label change, narrow vs ≥ 10 Å cell (label-width study)", [.. labels.Select(l => l.NarrowWidth)],
                [.. labels.Select(l => l.LabelMse)], "#d62728") { Size = 9 });
        return new PlotFigure("core-hole supercell width (Å)", "MSE (log scale)") { Curves = curves, Markers = markers, LogY = true };
    }
}
