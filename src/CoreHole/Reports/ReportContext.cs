using CoreHole.Spectra;
using CoreHole.Plotting;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>
/// What the sections of the page share: the result files, the run's summary, the figure writer, and the headline
/// numbers each section found (printed by <c>corehole reproduce</c> and shown at the top of the page).
/// </summary>
public sealed class ReportContext(ResultFiles results, ReproductionSummary summary, ReportFigures figures)
{
    /// <summary>The paper's mark in Fig. 2a: "more than 90% of the test samples had MSEs below 0.4".</summary>
    public const double PaperMseMark = 0.4;
    public const string IntensityLabel = "Intensity (unit area over -1 to 15 eV, x16)";
    public const string EnergyLabel = "Energy relative to the threshold (eV)";

    public ResultFiles Results { get; } = results;
    public ReproductionSummary Summary { get; } = summary;
    public ReportFigures Figures { get; } = figures;
    public List<string> Headlines { get; } = [];

    /// <summary>The section's "not in the dataset yet" sentence, from the run's summary (or a generic one).</summary>
    public string NotYet(string section) =>
        Html.NotYet(Summary.Missing.TryGetValue(section, out var reason) ? reason : "this run produced no results for it.");

    /// <summary>The baselines' kinds as the report names and colours them, in the order of Evaluation.Comparison.</summary>
    static readonly (string Kind, string Label, string Color)[] BaselineStyles =
    [
        ("mean", "mean training spectrum", "#bababa"), ("knn", "k nearest neighbours", "#80cdc1"),
        ("ridge", "ridge regression", "#01665e"), ("input", "PDOS as spectrum (no core hole)", "#92c5de"),
    ];

    /// <summary>The baselines' predictions beside <paramref name="evaluation"/> (those the run made), as plot series.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<SitePrediction> Sites, string Color)> BaselineSeries(string evaluation, string suffix = "") =>
        [.. BaselineStyles.Select(b => (Label: b.Label + suffix, Sites: Results.ReadPredictions(Evaluations.Baseline(evaluation, b.Kind)), b.Color))
            .Where(b => b.Sites is { Count: > 0 }).Select(b => (b.Label, (IReadOnlyList<SitePrediction>)b.Sites!, b.Color))];

    /// <summary>Sorted per-spectrum MSEs of several evaluations in one plot (Fig. 2a, 3a, Supp. Fig. 1), with the 0.4 mark.</summary>
    public string SortedMse(string name, string title, string caption, IReadOnlyList<(string Label, IReadOnlyList<SitePrediction> Sites, string Color)> series)
    {
        var figure = new PlotFigure("Data index (sorted by MSE)", "MSE", title)
        {
            Markers = [.. series.Select(s =>
            {
                var sorted = s.Sites.Select(p => p.Mse).Order().ToArray();
                return new PlotMarkers(s.Label, [.. Enumerable.Range(1, sorted.Length).Select(i => (double)i)], sorted, s.Color);
            })],
            HorizontalLine = (PaperMseMark, $"MSE {PaperMseMark} (paper's mark)"),
            Ranked = true,
        };
        var rows = series.SelectMany(s => s.Sites.OrderBy(p => p.Mse).Select((p, i) => ReportFigures.Row(s.Label, i + 1, p.Material, p.Site, p.Mse)));
        var stats = Html.Table(["series", "spectra", "mean MSE", "median MSE", $"fraction below {PaperMseMark}"],
            series.Select(s => (IReadOnlyList<string>)[s.Label, $"{s.Sites.Count}", Html.Number(s.Sites.Average(p => p.Mse)),
                Html.Number(Median(s.Sites.Select(p => p.Mse))), Percent(FractionBelowMark(s.Sites))]));
        return Figures.Add(name, figure, caption, "series,rank,material,site,mse", rows) + stats;
    }

    /// <summary>One site's calculated and predicted spectrum, optionally with its ground-state PDOS overlaid (Fig. 2b-d).</summary>
    public string Spectrum(string name, string title, string caption, SitePrediction site, bool withPdos, string predictedColor, string calculatedColor)
    {
        var grid = site.Energies;
        var figure = new PlotFigure(EnergyLabel, IntensityLabel, $"{title}: {site.Id}, MSE {Html.Number(site.Mse, "0.###")}")
        {
            Curves = [new PlotSeries("predicted", new Curve(grid, site.Predicted), predictedColor),
                new PlotSeries("calculated (core hole)", new Curve(grid, site.Calculated), calculatedColor),
                .. withPdos ? [new PlotSeries("ground-state O-p PDOS (aligned at the CBM)", new Curve(grid, site.Pdos), "#2166ac")] : Array.Empty<PlotSeries>()],
            Arrows = withPdos ? PeakArrows(site) : [],
        };
        return Figures.Add(name, figure, caption, "energy_ev,calculated,predicted,pdos",
            grid.Select((e, i) => ReportFigures.Row(e, site.Calculated[i], site.Predicted[i], site.Pdos[i])));
    }

    /// <summary>The paper's arrows: from each PDOS peak (a', b', ...) to the calculated-spectrum peak it is matched to (a, b, ...).</summary>
    static IReadOnlyList<PlotArrow> PeakArrows(SitePrediction site)
    {
        Curve pdos = new(site.Energies, site.Pdos), calculated = new(site.Energies, site.Calculated);
        return [.. PeakShifts.Of(site).Where(s => s.CalculatedShiftEv is not null).Take(6).Select((s, i) =>
        {
            var to = s.PdosPeakEv + s.CalculatedShiftEv!.Value;
            return new PlotArrow(s.PdosPeakEv, pdos.ValueAt(s.PdosPeakEv), to, calculated.ValueAt(to), $"{(char)('a' + i)}'");
        })];
    }

    public static string Percent(double fraction) => $"{fraction * 100:0}%";

    public static double FractionBelowMark(IReadOnlyList<SitePrediction> sites) => sites.Count(p => p.Mse < PaperMseMark) / (double)sites.Count;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The sites of lowest, median and highest MSE (the paper's A, B, C).</summary>
    public static SitePrediction[] LowMedianHigh(IReadOnlyList<SitePrediction> sites)
    {
        var sorted = sites.OrderBy(p => p.Mse).ToArray();
        return [sorted[0], sorted[sorted.Length / 2], sorted[^1]];
    }
}
