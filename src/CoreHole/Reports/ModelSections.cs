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
        // A material as `corehole simulate` computes it (its ground state and every site's core hole) against what
        // `corehole predict` computes (a ground state and one prediction a site): bench/predict-speedup.sh's definition.
        var materials = costs.GroupBy(c => c.Material)
            .Select(g => new MaterialCost(g.Key, g.Count(), g.First().GroundStateSeconds, g.Sum(c => c.CoreHoleSeconds))).ToList();
        double Simulate(MaterialCost m) => m.GroundStateSeconds + m.CoreHoleSeconds;
        double Predict(MaterialCost m) => m.GroundStateSeconds + m.Sites * predict;
        double Ratio(MaterialCost m) => Simulate(m) / Predict(m);
        var sorted = materials.OrderBy(Ratio).ToList();
        var figure = new PlotFigure("Material (sorted by ratio)", "Simulation / (ground state + prediction)", "Cost ratio per material")
        {
            Markers = [new PlotMarkers("ground state + every site's core hole, over ground state + predictions", [.. Enumerable.Range(1, sorted.Count).Select(i => (double)i)], [.. sorted.Select(Ratio)], "#2166ac")],
            Ranked = true,
        };
        text.Append(report.Figures.Add("cost", figure,
            "Per material: the wall time of its ground state and of every core-hole site the dataset holds, over its ground state plus one prediction a site, from the dataset's provenance.",
            "material,sites,ground_state_s,core_hole_s,prediction_s,simulate_s,predict_s,ratio",
            sorted.Select(m => ReportFigures.Row(m.Material, m.Sites, m.GroundStateSeconds, m.CoreHoleSeconds, predict, Simulate(m), Predict(m), Ratio(m)))));
        var median = ReportContext.Median(materials.Select(Ratio));
        var total = materials.Sum(Simulate) / materials.Sum(Predict);
        text.Append($"<p>Over {materials.Count} materials ({costs.Count} sites): ground state {Html.Number(materials.Average(m => m.GroundStateSeconds), "0")} s on average, core hole {Html.Number(costs.Average(c => c.CoreHoleSeconds), "0")} s a site, "
            + (predict > 0 ? $"prediction {Html.Number(predict * 1e6, "0.#")} µs a site. " : "prediction not timed (no model trained yet; it takes microseconds). ")
            + $"Ratio: median <strong>{Html.Number(median)}</strong>, totals {Html.Number(total)}. "
            + "Both sides are at the dataset's own preset (data/campaign's: <code>fast</code>, core-hole supercells about 8 Å wide, and its ground-state recipe: scf, nscf up to CBM + 20 eV, projwfc). "
            + "<code>corehole predict</code> runs a trimmed ground state (the <code>predict</code> recipe), so the prediction side here is an upper bound and the ratio a lower bound; "
            + "<code>bash bench/predict-speedup.sh</code> measures the ratio end to end, against <code>fast</code> and against the <code>converged</code> preset (docs/learning.md). "
            + "The paper claims several thousand times.</p>\n");
        report.Headlines.Add($"Cost: a material's core-hole simulation (ground state + sites, preset fast) / (ground state + prediction) = {Html.Number(median)} (median over {materials.Count} materials; paper: several thousand)");
        return text.ToString();
    }

    sealed record MaterialCost(string Material, int Sites, double GroundStateSeconds, double CoreHoleSeconds);
}
