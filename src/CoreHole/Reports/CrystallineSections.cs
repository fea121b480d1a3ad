using System.Text;
using static CoreHole.Paper.Evaluations;
using CoreHole.Plotting;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>Fig. 2 (the crystalline test set) and the peak-shift analysis of its arrows.</summary>
public static class CrystallineSections
{
    public static string Fig2(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"fig2\">Fig. 2: crystalline SiO2 test set</h2>\n");
        if (report.Results.ReadPredictions(CrystallineConduction) is not { Count: > 0 } test) return text + report.NotYet(Evaluations.Fig2);
        var fraction = ReportContext.FractionBelowMark(test);
        report.Headlines.Add($"Fig. 2a: {ReportContext.Percent(fraction)} of {test.Count} crystalline test spectra have MSE < {ReportContext.PaperMseMark} (paper: more than 90% of 118); median MSE {Html.Number(ReportContext.Median(test.Select(p => p.Mse)))}");
        text.Append(report.SortedMse("fig2a", "Fig. 2a: sorted test MSE (crystalline SiO2, conduction-band PDOS input)",
            $"Sorted per-spectrum MSE of the {test.Count} crystalline test spectra; {ReportContext.Percent(fraction)} lie below the paper's mark of {ReportContext.PaperMseMark}. The baselines are fitted on the same training sites (paper split) and predict the same test sites.",
            [("crystalline test (paper's MLP)", test, "#e08214"), .. report.BaselineSeries(CrystallineConduction)]));
        text.Append(BaselineVerdict(test, report.BaselineSeries(CrystallineConduction), "the crystalline test sites"));
        var labels = new[] { ("fig2b", "A (lowest MSE)"), ("fig2c", "B (median MSE)"), ("fig2d", "C (highest MSE)") };
        foreach (var ((name, label), site) in labels.Zip(ReportContext.LowMedianHigh(test)))
            text.Append(report.Spectrum(name, $"Fig. {name[3..]}, {label}", $"Test spectrum {label}: predicted (deep green), calculated (light green), ground-state PDOS (blue); arrows run from each PDOS peak (a', b', ...) to the calculated peak it shifts to.",
                site, withPdos: true, "#1b7837", "#7fbf7b"));
        return text.ToString();
    }

    public static string PeakShiftSection(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"peaks\">Peak shifts: ground-state PDOS peaks (a'-d') to spectrum peaks (a-d)</h2>\n");
        if (report.Results.ReadPredictions(CrystallineConduction) is not { Count: > 0 } test) return text + report.NotYet(Evaluations.Fig2);
        // The calculated shifts are physics, whatever the model: every crystalline site shows them. The predicted ones
        // are only a test where the model did not train, on the test sites.
        var everySite = report.Results.ReadPredictions(CrystallineAllConduction) ?? test;
        var everyShift = everySite.SelectMany(PeakShifts.Of).ToList();
        var testShifts = test.SelectMany(PeakShifts.Of).ToList();
        var testIds = test.Select(site => (site.Material, site.Site)).ToHashSet();
        var series = new (string Label, List<(double, double)> Points, string Color)[]
        {
            ($"calculated, all {everySite.Count} crystalline sites", Pairs(everyShift, s => s.CalculatedShiftEv), "#bdbdbd"),
            ($"calculated, {test.Count} test sites", Pairs(testShifts, s => s.CalculatedShiftEv), "#7fbf7b"),
            ($"predicted, {test.Count} test sites", Pairs(testShifts, s => s.PredictedShiftEv), "#1b7837"),
        };
        if (series[0].Points.Count == 0)
            return text + Html.NotYet($"no PDOS peak of a crystalline site has a spectrum peak from {PeakShifts.MaxDownShiftEv} eV below to {PeakShifts.MaxUpShiftEv} eV above it.");
        text.Append($"<p>Each PDOS peak (aligned at the CBM) is matched to a peak of the calculated and of the predicted spectrum (aligned at their threshold) by an order-preserving alignment: the n-th PDOS peak goes to a later spectrum peak than the (n-1)-th, each shift lies between -{PeakShifts.MaxDownShiftEv} and +{PeakShifts.MaxUpShiftEv} eV, and peaks of like height pair (main with main), the smaller shift winning among equals; peaks are maxima rising {PeakShifts.RelativeProminence:P0} of the curve's maximum above their surroundings. A negative shift is a move to lower energy. The paper: peaks shift to lower energy, the lower ones more, and the model reproduces it. The calculated shifts are shown for every crystalline site (they do not depend on the model), the predicted ones for the test sites only.</p>\n");
        var figure = new PlotFigure("PDOS peak energy relative to the CBM (eV)", "Shift of the matched spectrum peak (eV)", "Peak shifts vs energy (crystalline SiO2)")
        {
            Markers = [.. series.Select(s => new PlotMarkers(s.Label, [.. s.Points.Select(p => p.Item1)], [.. s.Points.Select(p => p.Item2)], s.Color))],
            HorizontalLine = (0, "no shift"),
        };
        text.Append(report.Figures.Add("peak-shifts", figure, "Shift of each matched peak against the energy of its PDOS peak.",
            "material,site,test_site,pdos_peak_ev,calculated_shift_ev,predicted_shift_ev",
            // The same model on the same inputs: a test site's shifts here are those of the test evaluation.
            everyShift.Select(s => Row(s, test: testIds.Contains((s.Material, s.Site))))));
        var trends = series.Select(s => (s.Label, Trend: PeakShifts.Trend(s.Points), s.Points)).ToList();
        text.Append(Html.Table(["shifts", "matched peaks", "mean shift (eV)", "slope (eV per eV)", "lower peaks shift more?"],
            trends.Select(t => (IReadOnlyList<string>)[t.Label, $"{t.Points.Count}", t.Points.Count > 0 ? Html.Number(t.Points.Average(p => p.Item2)) : "-",
                t.Trend is { } f ? Html.Number(f.Slope) : "-", t.Trend is { } g ? (g.LowerPeaksShiftMore ? "yes" : "no") : "-"])));
        var physics = trends[0].Trend is { } all
            ? $"in our calculated spectra the lower peaks shift {(all.LowerPeaksShiftMore ? "more, as the paper says" : "less, unlike the paper")} (slope {Html.Number(all.Slope)} over {all.Peaks} peaks)"
            : "too few matched peaks to fit a trend to the calculated shifts";
        var (calc, pred) = (trends[1].Trend, trends[2].Trend);
        var model = calc is null || pred is null ? "too few matched test peaks to say whether the model reproduces it"
            : calc.LowerPeaksShiftMore == pred.LowerPeaksShiftMore ? "on the test sites the model reproduces the calculated trend"
            : "on the test sites the model does not reproduce the calculated trend";
        report.Headlines.Add($"Peak shifts: mean calculated shift {Html.Number(series[0].Points.Average(p => p.Item2))} eV over {series[0].Points.Count} peaks; {physics}; {model}");
        return text.Append($"<p><strong>Verdict:</strong> {Html.Text(physics)}; {Html.Text(model)}.</p>\n").ToString();
    }

    static string Row(PeakShift s, bool test) =>
        ReportFigures.Row(s.Material, s.Site, test ? "yes" : "no", s.PdosPeakEv, (object?)s.CalculatedShiftEv ?? "", test ? (object?)s.PredictedShiftEv ?? "" : "");

    static List<(double, double)> Pairs(IEnumerable<PeakShift> shifts, Func<PeakShift, double?> shift) =>
        [.. shifts.Where(s => shift(s) is not null).Select(s => (s.PdosPeakEv, shift(s)!.Value))];

    /// <summary>The model's median MSE against the best baseline's, said plainly.</summary>
    public static string BaselineVerdict(IReadOnlyList<SitePrediction> model, IReadOnlyList<(string Label, IReadOnlyList<SitePrediction> Sites, string Color)> baselines, string where)
    {
        if (baselines.Count == 0) return "";
        var modelMedian = ReportContext.Median(model.Select(p => p.Mse));
        var best = baselines.MinBy(b => ReportContext.Median(b.Sites.Select(p => p.Mse)));
        var bestMedian = ReportContext.Median(best.Sites.Select(p => p.Mse));
        return $"<p><strong>Against the baselines</strong> on {Html.Text(where)}: the paper's MLP has median MSE {Html.Number(modelMedian)}, the best baseline ({Html.Text(best.Label)}) {Html.Number(bestMedian)}: the model is {(modelMedian < bestMedian ? "better" : "not better")} by this measure.</p>\n";
    }
}
