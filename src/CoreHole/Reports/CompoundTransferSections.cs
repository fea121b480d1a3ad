using System.Text;
using CoreHole.Datasets;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>
/// Transfer beyond the paper (<see cref="CompoundTransfer"/>): the oxide campaign's compounds each predicted by a model
/// that never saw their formula, beside the baselines; and the transfer oxides by the silica-only and the all-oxide model.
/// </summary>
public static class CompoundTransferSections
{
    public static string Section(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"compounds\">Beyond the paper: leave-one-compound-out transfer over the oxides</h2>\n");
        var materials = report.Results.ReadCompounds();
        if (report.Results.ReadPredictions(Evaluations.ByCompound) is not { Count: > 0 } sites) return text + report.NotYet(Evaluations.Compounds);
        var formulaOf = materials.ToDictionary(m => m.Material, m => m.Formula);
        var heldOut = materials.Where(m => m.Set == MaterialSets.Oxides).ToList();
        var compounds = heldOut.GroupBy(m => m.Formula).ToList();
        int fits = heldOut.Select(m => m.Fit).Distinct().Count();
        string how = fits == compounds.Count ? "every other compound" : $"the compounds outside its group ({compounds.Count} compounds dealt into {fits} groups, as --quick does)";
        string model = report.Summary.Grid == Training.SearchSpace.Quick ? "the default predictor's design with 2 networks (--quick)" : "the default predictor";
        text.Append($"<p>{compounds.Count} compounds ({heldOut.Count} structures, {sites.Count} O sites) of the oxide campaign are finished. " +
            $"Each is predicted by {model} trained on crystalline SiO2 and {how}, polymorphs (the same reduced formula) held out together, " +
            $"with the valence input (Fig. 4's); the baselines are fitted on the same sites. {Html.Text(Caveat)}</p>\n");

        var predictors = new List<(string Label, IReadOnlyList<SitePrediction> Sites, string Color)> { ("default predictor", sites, "#b2182b") };
        predictors.AddRange(report.BaselineSeries(Evaluations.ByCompound));
        // Per compound, per predictor: the mean of its sites' MSE (the files list the sites in the same order).
        var mse = predictors.Select(p => p.Sites.GroupBy(s => formulaOf[s.Material]).ToDictionary(g => g.Key, g => g.Average(s => s.Mse))).ToList();
        var order = compounds.Select(c => c.Key).OrderBy(f => mse[0][f]).ToList();
        text.Append(Html.Table(["compound", "structures", "sites", "training sites", .. predictors.Select(p => p.Label)],
            order.Select(f => (IReadOnlyList<string>)[f, string.Join(", ", compounds.Single(c => c.Key == f).Select(m => m.Material)),
                sites.Count(s => formulaOf[s.Material] == f).ToString(), compounds.Single(c => c.Key == f).First().TrainingSites.ToString(),
                .. mse.Select(m => Html.Number(m[f]))])
            .Append(["every site", "", sites.Count.ToString(), "", .. predictors.Select(p => Html.Number(p.Sites.Average(s => s.Mse)))])));

        var figure = new Plotting.PlotFigure("Compound (sorted by the default predictor's MSE)", "MSE, mean over the compound's sites", "Leave-one-compound-out transfer")
        {
            Markers = [.. predictors.Select((p, i) => new Plotting.PlotMarkers(p.Label, [.. Enumerable.Range(1, order.Count).Select(x => (double)x)],
                [.. order.Select(f => mse[i][f])], p.Color))],
            HorizontalLine = (ReportContext.PaperMseMark, $"MSE {ReportContext.PaperMseMark} (paper's mark)"),
            Ranked = true,
            LogY = true, // the predictors' errors on one compound span decades
        };
        text.Append(report.Figures.Add("compounds-mse", figure, "Per compound (numbered in the table's order), the MSE of each predictor on its sites when the compound and its polymorphs were left out of training.",
            "rank,compound,predictor,mse", order.SelectMany((f, rank) => predictors.Select((p, i) => ReportFigures.Row(rank + 1, f, p.Label, mse[i][f])))));
        var baselines = predictors.Skip(1).Select(p => (p.Label, Mse: p.Sites.Average(s => s.Mse))).OrderBy(p => p.Mse).ToList();
        report.Headlines.Add($"Leave-one-compound-out over {compounds.Count} oxide compounds ({sites.Count} sites): mean MSE {Html.Number(sites.Average(s => s.Mse))} (default predictor)" +
            (baselines.Count == 0 ? "" : $", best baseline {baselines[0].Label} {Html.Number(baselines[0].Mse)}"));
        return text.Append(TransferOxides(report)).ToString();
    }

    /// <summary>The transfer oxides of Fig. 4 and Supp. Fig. 3 by the silica-only and the all-oxide model: a table and an overlay per site.</summary>
    static string TransferOxides(ReportContext report)
    {
        if (report.Results.ReadPredictions(Evaluations.TransferSilicaOnly) is not { Count: > 0 } silica
            || report.Results.ReadPredictions(Evaluations.TransferAllOxides) is not { Count: > 0 } all) return "";
        var allById = all.ToDictionary(s => s.Id);
        var text = new StringBuilder("<h3 id=\"compounds-transfer\">The paper's transfer oxides: silica-only against all-oxide training</h3>\n" +
            "<p>The same default predictor (valence input) trained on crystalline SiO2 alone, and on crystalline SiO2 and every oxide-campaign compound " +
            "except the site's own formula (its polymorphs at the wider preset included), applied to the transfer oxides of the silica campaign.</p>\n");
        text.Append(Html.Table(["site", "silica-only MSE", "all-oxide MSE"],
            silica.Select(s => (IReadOnlyList<string>)[s.Id, Html.Number(s.Mse), Html.Number(allById[s.Id].Mse)])));
        report.Headlines.Add("Transfer oxides, silica-only -> all-oxide default predictor: " +
            string.Join(", ", silica.Select(s => $"{s.Id} {Html.Number(s.Mse)} -> {Html.Number(allById[s.Id].Mse)}")));
        foreach (var site in silica)
        {
            var other = allById[site.Id];
            var figure = new Plotting.PlotFigure(ReportContext.EnergyLabel, ReportContext.IntensityLabel, $"{site.Id}: silica-only MSE {Html.Number(site.Mse, "0.###")}, all-oxide {Html.Number(other.Mse, "0.###")}")
            {
                Curves = [new Plotting.PlotSeries("calculated (core hole)", new Spectra.Curve(site.Energies, site.Calculated), "#f4a582"),
                    new Plotting.PlotSeries("silica-only model", new Spectra.Curve(site.Energies, site.Predicted), "#888888"),
                    new Plotting.PlotSeries("all-oxide model", new Spectra.Curve(site.Energies, other.Predicted), "#b2182b")],
            };
            text.Append(report.Figures.Add($"compounds-{Safe(site.Material)}-{Safe(site.Site)}", figure,
                $"{Html.Text(site.Id)}: calculated spectrum (light red), predicted by the silica-only model (gray) and by the all-oxide model (deep red).",
                "energy_ev,calculated,silica_only,all_oxide", site.Energies.Select((e, i) => ReportFigures.Row(e, site.Calculated[i], site.Predicted[i], other.Predicted[i]))));
        }
        return text.ToString();
    }

    /// <summary>What the numbers rest on: the few compounds a young campaign has, and the presets' difference.</summary>
    const string Caveat =
        "The oxide campaign runs at the wide preset (supercells at least 10 Å wide), the silica campaign at the fast one; " +
        "a compound whose formula appears once is an extrapolation in chemistry, and with few compounds each mean MSE is a handful of spectra.";

    static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' ? c : '_'));
}
