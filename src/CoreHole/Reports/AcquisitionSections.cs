using System.Text;
using CoreHole.Evaluation;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>
/// New data chosen by uncertainty (<see cref="Acquisition"/>): learning curves of the random, largest-spread and
/// spread-per-hour orders on the crystalline sites already computed, and whether the goal is met.
/// </summary>
public static class AcquisitionSections
{
    public static string Section(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"acquisition\">New data chosen by uncertainty: a retrospective study</h2>\n");
        if (report.Summary.Acquisition is not { } study) return text + report.NotYet(Evaluations.AcquisitionStudy);
        var s = study.Settings;
        var minutes = study.SiteMinutes;
        text.Append($"<p>Does <code>corehole simulate --order uncertainty</code> pay? On the {study.Sites} crystalline SiO2 sites of {study.Materials} materials " +
            $"(conduction input), {s.Folds} outer group folds hold whole materials out, {s.Repeats} repeat(s) dealing new folds. Inside each fold's training pool " +
            $"({study.SmallestPool}-{study.LargestPool} sites) an acquisition starts from {s.Start} random sites and adds {s.Step} at a time, each time fitting " +
            "the default predictor's ridge part (λ by inner group CV, then 5 ridges each on 80% of the chosen materials: mean and spread) on the sites chosen so far, " +
            $"scoring it on the held-out materials, and choosing the next {s.Step} from the rest of the pool: at random, by the largest spread (the members' ±1σ " +
            "averaged over the energy grid, as the campaign ranks sites), by the largest spread per hour of the site's measured core-hole run " +
            $"({Html.Number(minutes[0], "0.#")}-{Html.Number(minutes[^1], "0.#")} min a site here), or by the largest spread with at most one site per material " +
            "in a batch (a material's sites are near-copies, which the ensemble learns together). All orders share the starting sites and end with the whole pool, " +
            $"so with one model: group-CV MSE {Html.Number(study.WholePoolMse, "0.0000")}.</p>\n");

        var verdicts = study.Verdicts();
        var wholePoolHours = study.Curves[0].Points[^1].Hours;
        var goal = ReportContext.Percent(Acquisition.GoalShare);
        text.Append(Html.Table(["order", $"sites to reach the whole pool's MSE", "share of the pool", "its compute / the pool's",
                $"MSE at {goal} of the pool ({study.GoalSites} sites), ± sd over repeats", $"sites (hours) to reach random's MSE at {goal}"],
            verdicts.Select(v => (IReadOnlyList<string>)[Acquisition.NameOf(v.Order), $"{v.ReachesWholePool.Sites}", ReportContext.Percent(v.ShareOfPool),
                ReportContext.Percent(v.ReachesWholePool.Hours / wholePoolHours), $"{Html.Number(v.AtGoalShare.Mse, "0.0000")} ± {Html.Number(v.AtGoalShare.MseSd, "0.0000")}",
                $"{v.ReachesRandomAtGoalShare.Sites} ({Html.Number(v.ReachesRandomAtGoalShare.Hours, "0.0")} h)"])));

        var random = verdicts.Single(v => v.Order == Acquisition.Order.Random);
        var uncertain = verdicts.Where(v => v.Order != Acquisition.Order.Random).ToList();
        var verdict = $"goal (the whole pool's MSE with at most {goal} of the sites) {(study.GoalMet ? "met" : "not met")}: " +
            string.Join(", ", uncertain.Select(v => $"{Acquisition.NameOf(v.Order)} first reaches it with {ReportContext.Percent(v.ShareOfPool)} of the pool")) +
            $"; at {goal} of the pool they are at {string.Join(" and ", uncertain.Select(v => Html.Number(v.AtGoalShare.Mse, "0.0000")))} against random's {Html.Number(random.AtGoalShare.Mse, "0.0000")}";
        text.Append($"<p><strong>Verdict:</strong> {Html.Text(verdict)}.</p>\n");
        report.Headlines.Add($"Acquisition by uncertainty ({s.Repeats} repeat(s)): {verdict}");

        foreach (var byHours in new[] { false, true })
        {
            var name = byHours ? "acquisition-hours" : "acquisition-sites";
            var caption = byHours ? "The same curves against the measured core-hole compute of the chosen sites."
                : "Group-CV MSE on the held-out materials against the number of sites chosen; the band is ±1 standard deviation over the repeats.";
            text.Append(report.Figures.Add(name, Acquisition.Figure(study, byHours), caption, "order,sites,mse_mean,mse_sd,hours_mean,hours_sd",
                study.Curves.SelectMany(c => c.Points.Select(p => ReportFigures.Row(Acquisition.NameOf(c.Order), p.Sites, p.Mse, p.MseSd, p.Hours, p.HoursSd)))));
        }
        return text.ToString();
    }
}
