using System.Text;
using static CoreHole.Reports.Evaluations;

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
            $"Sorted per-spectrum MSE of the {test.Count} crystalline test spectra; {ReportContext.Percent(fraction)} lie below the paper's mark of {ReportContext.PaperMseMark}.",
            [("crystalline test", test, "#e08214")]));
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
        var shifts = test.SelectMany(PeakShifts.Of).ToList();
        var calculated = shifts.Where(s => s.CalculatedShiftEv is not null).Select(s => (s.PdosPeakEv, s.CalculatedShiftEv!.Value)).ToList();
        var predicted = shifts.Where(s => s.PredictedShiftEv is not null).Select(s => (s.PdosPeakEv, s.PredictedShiftEv!.Value)).ToList();
        if (calculated.Count == 0) return text + Html.NotYet("no PDOS peak of the test set has a spectrum peak within 3 eV.");
        text.Append($"<p>Each PDOS peak (aligned at the CBM) of the {test.Count} test sites is matched to the nearest peak within {PeakShifts.MatchWindowEv} eV of the calculated and of the predicted spectrum (aligned at their threshold); a negative shift is a move to lower energy. The paper: peaks shift to lower energy, the lower ones more, and the model reproduces it.</p>\n");
        var figure = new PlotFigure("PDOS peak energy relative to the CBM (eV)", "Shift of the matched spectrum peak (eV)", "Peak shifts vs energy (crystalline test set)")
        {
            Markers = [new PlotMarkers("calculated spectrum", [.. calculated.Select(p => p.Item1)], [.. calculated.Select(p => p.Item2)], "#7fbf7b"),
                new PlotMarkers("predicted spectrum", [.. predicted.Select(p => p.Item1)], [.. predicted.Select(p => p.Item2)], "#1b7837")],
            HorizontalLine = (0, "no shift"),
        };
        text.Append(report.Figures.Add("peak-shifts", figure, "Shift of each matched peak against the energy of its PDOS peak.",
            "material,site,pdos_peak_ev,calculated_shift_ev,predicted_shift_ev",
            shifts.Select(s => ReportFigures.Row(s.Material, s.Site, s.PdosPeakEv, (object?)s.CalculatedShiftEv ?? "", (object?)s.PredictedShiftEv ?? ""))));
        var trends = new[] { ("calculated", PeakShifts.Trend(calculated), calculated), ("predicted", PeakShifts.Trend(predicted), predicted) };
        text.Append(Html.Table(["spectrum", "matched peaks", "mean shift (eV)", "slope (eV per eV)", "lower peaks shift more?"],
            trends.Select(t => (IReadOnlyList<string>)[t.Item1, $"{t.Item3.Count}", t.Item3.Count > 0 ? Html.Number(t.Item3.Average(p => p.Item2)) : "-",
                t.Item2 is { } f ? Html.Number(f.Slope) : "-", t.Item2 is { } g ? (g.LowerPeaksShiftMore ? "yes" : "no") : "-"])));
        var (calc, pred) = (trends[0].Item2, trends[1].Item2);
        var verdict = calc is null || pred is null ? "too few matched peaks to fit a trend"
            : calc.LowerPeaksShiftMore == pred.LowerPeaksShiftMore
                ? $"the model reproduces the calculated trend (lower peaks shift {(calc.LowerPeaksShiftMore ? "more" : "less")})"
                : "the model does not reproduce the calculated trend";
        report.Headlines.Add($"Peak shifts: mean calculated shift {Html.Number(calculated.Average(p => p.Item2))} eV over {calculated.Count} peaks; {verdict}");
        return text.Append($"<p><strong>Verdict:</strong> {Html.Text(verdict)}.</p>\n").ToString();
    }
}
