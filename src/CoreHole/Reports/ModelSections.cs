using System.Text;
using static CoreHole.Paper.Evaluations;
using CoreHole.Plotting;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>The search results (the CV table and the chosen architectures) and the cost of a prediction against a core-hole simulation.</summary>
public static class ModelSections
{
    const int RowsShown = 10;

    public static string Search(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"search\">Search: 5-fold cross-validation and the chosen architectures</h2>\n");
        if (report.Summary.Models.Count == 0) return text + report.NotYet(Evaluations.Search);
        text.Append(Html.Table(["model", "input", "trained on (sites)", "grid", "chosen hidden layers", "weight decay", "CV MSE (mean ± std)", "epochs", "validation MSE", "test MSE"],
            report.Summary.Models.Select(m => (IReadOnlyList<string>)[m.Name, m.Variant, $"{m.TrainedOn} ({m.Sites})", m.Grid, m.Hidden, m.WeightDecay,
                $"{Html.Number(m.CvMeanMse)} ± {Html.Number(m.CvStdMse)}", $"{m.Epochs}", Html.Number(m.ValidationMse), m.TestMse is { } t ? Html.Number(t) : "-"])));
        if (report.Summary.Models.Min(m => m.Sites) < Reproduction.MeaningfulSites)
            text.Append($"<p class=\"missing\"><strong>Not meaningful yet:</strong> a model here was trained on fewer than {Reproduction.MeaningfulSites} sites (the paper: 1171); its scores and chosen architecture say little.</p>\n");
        foreach (var model in report.Summary.Models)
        {
            if (report.Results.ReadCv(model.Name) is not { Length: > 1 } cv) continue;
            var header = cv[0];
            int mean = Array.IndexOf(header, "mean_mse");
            var best = cv.Skip(1).OrderBy(r => double.Parse(r[mean], System.Globalization.CultureInfo.InvariantCulture)).Take(RowsShown);
            text.Append($"<h3>{Html.Text(model.Name)}: the {Math.Min(RowsShown, cv.Length - 1)} best of {cv.Length - 1} combinations (<a href=\"cv/{Html.Text(model.Name)}.csv\">all, CSV</a>)</h3>\n")
                .Append(Html.Table(header, best.Select(r => (IReadOnlyList<string>)r)));
        }
        var first = report.Summary.Models[0];
        report.Headlines.Add($"Search ({first.Grid} grid): {first.Name} chose hidden {first.Hidden}, weight decay {first.WeightDecay} (CV MSE {Html.Number(first.CvMeanMse)})");
        return text.ToString();
    }

    public static string Cost(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"cost\">Cost: ground state + prediction vs core-hole simulation</h2>\n");
        var costs = report.Results.ReadCosts();
        if (costs.Count == 0) return text + report.NotYet(Evaluations.Cost);
        var predict = report.Summary.PredictionSecondsPerSite ?? 0;
        // One ground-state run gives the PDOS of every site of its material: each site bears its share of it.
        var sitesOf = costs.CountBy(c => c.Material).ToDictionary();
        double Shared(SiteCost c) => c.GroundStateSeconds / sitesOf[c.Material];
        double Ratio(SiteCost c) => c.CoreHoleSeconds / (Shared(c) + predict);
        double RatioInFull(SiteCost c) => c.CoreHoleSeconds / (c.GroundStateSeconds + predict);
        var sorted = costs.OrderBy(Ratio).ToList();
        var figure = new PlotFigure("Site (sorted by ratio)", "Core-hole time / (ground state share + prediction)", "Cost ratio per site")
        {
            Markers = [new PlotMarkers("ground state shared by the material's sites", [.. Enumerable.Range(1, sorted.Count).Select(i => (double)i)], [.. sorted.Select(Ratio)], "#2166ac"),
                new PlotMarkers("ground state charged in full to each site", [.. Enumerable.Range(1, sorted.Count).Select(i => (double)i)], [.. sorted.Select(RatioInFull)], "#b2182b")],
            Ranked = true,
        };
        text.Append(report.Figures.Add("cost", figure,
            "Per site: wall time of its core-hole simulation over its share of its material's ground state (PDOS; one run serves every site of the material in the dataset) plus one prediction, from the dataset's provenance; in red the ground state charged in full to each site.",
            "material,site,ground_state_s,sites_sharing_it,core_hole_s,prediction_s,ratio,ratio_ground_state_in_full",
            sorted.Select(c => ReportFigures.Row(c.Material, c.Site, c.GroundStateSeconds, sitesOf[c.Material], c.CoreHoleSeconds, predict, Ratio(c), RatioInFull(c)))));
        var median = ReportContext.Median(costs.Select(Ratio));
        var total = costs.Sum(c => c.CoreHoleSeconds) / costs.Sum(c => Shared(c) + predict);
        text.Append($"<p>Over {costs.Count} sites of {sitesOf.Count} materials: ground state {Html.Number(costs.Average(c => c.GroundStateSeconds), "0")} s on average, core hole {Html.Number(costs.Average(c => c.CoreHoleSeconds), "0")} s, "
            + (predict > 0 ? $"prediction {Html.Number(predict * 1e6, "0.#")} µs per site. " : "prediction not timed (no model trained yet; it takes microseconds). ")
            + $"Ratio: median <strong>{Html.Number(median)}</strong>, totals {Html.Number(total)}; with the ground state charged in full to every site, median {Html.Number(ReportContext.Median(costs.Select(RatioInFull)))}. "
            + "The paper claims several thousand times. Here the ground state is the material's whole run (scf, nscf up to CBM + 20 eV, projwfc), "
            + "shared by as many of its sites as the dataset holds (fewer than it will once the material is finished).</p>\n");
        report.Headlines.Add($"Cost: core-hole simulation / (ground-state share + prediction) = {Html.Number(median)} (median over {costs.Count} sites; paper: several thousand)");
        return text.ToString();
    }
}
