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
            "The default predictor is a deep ensemble of 5 networks with a smooth non-negative output (docs/learning.md).</p>\n");
        text.Append(Html.Table(["predictor", "MSE", "95% interval", "skill", "lowest value", "roughness / targets'"],
            cv.Scores.Select(s => (IReadOnlyList<string>)[s.Name, Html.Number(s.Mse.Estimate), $"{Html.Number(s.Mse.Low)} - {Html.Number(s.Mse.High)}",
                Html.Number(s.Skill), Html.Number(s.Minimum), Html.Number(s.RoughnessRatio)])));
        var verdict = Evaluation.Comparison.Verdict(cv.Scores);
        report.Headlines.Add($"Group CV: {verdict}");
        var model = cv.Scores[0];
        return text.Append($"<p><strong>Verdict:</strong> {Html.Text(verdict)}. Its lowest predicted value is {Html.Number(model.Minimum)}; " +
            $"held-out coverage of its ±1σ and ±2σ bands (spread scaled on the other folds): {ReportContext.Percent(cv.OneSigmaCoverage)} and {ReportContext.Percent(cv.TwoSigmaCoverage)} (goals 68% and 95%).</p>\n").ToString();
    }
}
