using System.Text;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>Whether the model learns: the default predictor against the baselines under repeated group cross-validation.</summary>
public static class LearningSections
{
    public static string GroupCv(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"group-cv\">Does the model learn? The default predictor against four baselines</h2>\n");
        if (report.Summary.GroupCv is not { } cv) return text + report.NotYet(Evaluations.GroupCv);
        text.Append($"<p>Repeated group cross-validation on the {cv.Sites} crystalline SiO2 sites of {cv.Materials} materials ({cv.Folds} folds x {cv.Repeats} repeats): " +
            "whole materials are held out, each site's MSE is averaged over the repeats, and the interval is a 95% bootstrap over materials. " +
            "Skill is 1 - MSE / MSE(mean training spectrum); roughness is the mean squared second difference of the predictions over that of the targets. " +
            "The default predictor is ridge regression plus 5 small networks fitted to its residual through a smooth output, clipped at zero (docs/learning.md).</p>\n");
        text.Append(Html.Table(["predictor", "MSE", "95% interval", "skill", "lowest value", "roughness / targets'"],
            cv.Scores.Select(s => (IReadOnlyList<string>)[s.Name, Html.Number(s.Mse.Estimate), $"{Html.Number(s.Mse.Low)} - {Html.Number(s.Mse.High)}",
                Html.Number(s.Skill), Html.Number(s.Minimum), Html.Number(s.RoughnessRatio)])));
        var verdict = Evaluation.Comparison.Verdict(cv.Scores);
        report.Headlines.Add($"Group CV: {verdict}");
        var model = cv.Scores[0];
        text.Append($"<p><strong>Verdict:</strong> {Html.Text(verdict)}. Its lowest predicted value is {Html.Number(model.Minimum)}; " +
            $"held-out coverage of its ±1σ and ±2σ bands (spread scaled on the other folds): {ReportContext.Percent(cv.OneSigmaCoverage)} and {ReportContext.Percent(cv.TwoSigmaCoverage)} (goals 68% and 95%).</p>\n");
        return text.Append(ErrorByWidth(report, cv)).ToString();
    }

    /// <summary>The held-out error against the width of each site's supercell, beside the label changes of the label-width study.</summary>
    static string ErrorByWidth(ReportContext report, GroupCvSummary cv)
    {
        if (cv.ErrorsByWidth is not { Count: > 0 } series) return "";
        var labels = cv.LabelChanges ?? [];
        var bins = series.Select(p => Evaluation.ErrorByWidth.MeanPerBin(p.Widths, p.Errors)).ToList();
        var labelBins = Evaluation.ErrorByWidth.MeanPerBin([.. labels.Select(l => l.NarrowWidth)], [.. labels.Select(l => l.LabelMse)]);
        static string Cell((Evaluation.ErrorByWidth.Bin Bin, int Count, double Mean) b) => b.Count == 0 ? "-" : $"{Html.Number(b.Mean)} ({b.Count})";
        var text = new StringBuilder("<h3 id=\"error-by-width\">Error against supercell width, beside the label noise</h3>\n");
        text.Append($"<p>Each crystalline site's held-out error (the cross-validation above) against the smallest width of the core-hole supercell its label was computed in, " +
            $"and the label-width study's label change: the MSE between the same site's spectrum in that narrow cell and in one at least 10 Å wide ({labels.Count} sites). " +
            "Where the labels themselves move by as much as the model's error, no model can do better from the PDOS.</p>\n");
        text.Append(Html.Table(["supercell width", .. series.Select(p => $"{p.Name}: MSE (sites)"), "label change (sites)"],
            Evaluation.ErrorByWidth.Bins.Select((bin, k) => (IReadOnlyList<string>)[bin.Label, .. bins.Select(b => Cell(b[k])), Cell(labelBins[k])])));
        var rows = series.SelectMany(p => p.Widths.Select((w, i) => ReportFigures.Row(p.Name, w, p.Errors[i])))
            .Concat(labels.Select(l => ReportFigures.Row($"label change {l.Material}/{l.Site}", l.NarrowWidth, l.LabelMse)));
        return text.Append(report.Figures.Add("error-by-width", Evaluation.ErrorByWidth.Figure(series, labels),
            "Held-out MSE of each crystalline site against its core-hole supercell width (log scale), the lines the mean per width bin, and the label change of the label-width study's sites at their narrow cell's width.",
            "series,supercell_width_A,mse", rows)).ToString();
    }
}
