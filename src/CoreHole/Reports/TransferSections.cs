using System.Text;
using static CoreHole.Paper.Evaluations;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>The transfers: crystalline to amorphous SiO2 (Fig. 3), amorphous to crystalline (Supp. Fig. 1), SiO2 to other oxides (Fig. 4, Supp. Fig. 3).</summary>
public static class TransferSections
{
    public static string Fig3(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"fig3\">Fig. 3: transfer to amorphous SiO2</h2>\n");
        var series = new (string Label, string Evaluation, string Color)[]
        {
            ("amorphous, without band gap", AmorphousConduction, "#888888"), ("crystalline test, with band gap", CrystallineBandGap, "#e08214"),
            ("amorphous, with band gap", AmorphousBandGap, "#1b7837"), ("amorphous, with valence", AmorphousValence, "#762a83"),
        }.Select(s => (s.Label, Sites: report.Results.ReadPredictions(s.Evaluation), s.Color)).Where(s => s.Sites is { Count: > 0 })
            .Select(s => (s.Label, (IReadOnlyList<SitePrediction>)s.Sites!, s.Color)).ToList();
        if (report.Summary.Missing.ContainsKey(Evaluations.Fig3)) text.Append(report.NotYet(Evaluations.Fig3));
        if (series.Count == 0) return text.ToString();
        series.AddRange(report.BaselineSeries(AmorphousConduction, " (amorphous)"));
        text.Append(report.SortedMse("fig3a", "Fig. 3a: sorted MSE, models trained on crystalline SiO2",
            "Gray: amorphous without band-gap input; orange and green: crystalline test and amorphous with the band-gap input; purple: amorphous with the valence input; the baselines fitted on every crystalline site, on the amorphous sites.", series));
        if (report.Results.ReadPredictions(AmorphousConduction) is { Count: > 0 } amorphousSites)
            text.Append(CrystallineSections.BaselineVerdict(amorphousSites, report.BaselineSeries(AmorphousConduction), "the amorphous sites (conduction input)"));
        foreach (var (label, sites, _) in series.Where(s => s.Label.StartsWith("amorphous")))
            report.Headlines.Add($"Fig. 3a: {label}: median MSE {Html.Number(ReportContext.Median(sites.Select(p => p.Mse)))}, {ReportContext.Percent(ReportContext.FractionBelowMark(sites))} below {ReportContext.PaperMseMark}");
        if (report.Results.ReadPredictions(AmorphousConduction) is { Count: > 0 } withoutGap)
        {
            var examples = ReportContext.LowMedianHigh(withoutGap);
            foreach (var (name, label, site) in new[] { ("fig3b", "D (lowest MSE)", examples[0]), ("fig3c", "E (median MSE)", examples[1]), ("fig3d", "F (highest MSE)", examples[2]) })
                text.Append(report.Spectrum(name, $"Fig. {name[3..]}, {label}, without band gap", $"Amorphous spectrum {label}, model without band-gap input; arrows from PDOS peaks to calculated peaks as in Fig. 2b.", site, withPdos: true, "#1b7837", "#7fbf7b"));
            if (report.Results.ReadPredictions(AmorphousBandGap)?.FirstOrDefault(p => p.Id == examples[1].Id) is { } sameWithGap)
                text.Append(report.Spectrum("fig3e", "Fig. 3e, E with band gap", "The same site as Fig. 3c, predicted by the model with the band-gap input; arrows as in Fig. 2b.", sameWithGap, withPdos: true, "#1b7837", "#7fbf7b"));
            text.Append(MainPeakLine(withoutGap, "the crystalline model on amorphous sites (paper: underestimated)"));
        }
        return text.ToString();
    }

    public static string SuppFig1(ReportContext report)
    {
        var text = new StringBuilder("<h2 id=\"suppfig1\">Supp. Fig. 1: trained on amorphous, applied to crystalline SiO2</h2>\n");
        if (report.Results.ReadPredictions(CrystallineByAmorphousModel) is not { Count: > 0 } sites) return text + report.NotYet(Evaluations.SuppFig1);
        text.Append(report.SortedMse("suppfig1", "Supp. Fig. 1: sorted MSE, amorphous-trained model on crystalline SiO2",
            "Every crystalline site predicted by the model trained on amorphous SiO2 (conduction-band PDOS input).", [("crystalline, amorphous-trained model", sites, "#888888")]));
        return text.Append(MainPeakLine(sites, "the amorphous model on crystalline sites (paper: overestimated)")).ToString();
    }

    public static string Fig4(ReportContext report) =>
        Oxides(report, "fig4", "Fig. 4: other oxides, model with band-gap and valence input", Evaluations.Oxides, Evaluations.Fig4,
            "the paper: correctly reproduced");

    public static string SuppFig3(ReportContext report) =>
        Oxides(report, "suppfig3", "Supp. Fig. 3: SrTiO3", SrTiO3, Evaluations.SuppFig3, "the paper: the model fails (an excitonic, BSE treatment is needed)");

    static string Oxides(ReportContext report, string name, string title, string evaluation, string section, string paper)
    {
        var text = new StringBuilder($"<h2 id=\"{name}\">{Html.Text(title)}</h2>\n");
        if (report.Results.ReadPredictions(evaluation) is not { Count: > 0 } sites) return text + report.NotYet(section);
        foreach (var site in sites)
            text.Append(report.Spectrum($"{name}-{Safe(site.Material)}-{Safe(site.Site)}", $"{title[..title.IndexOf(':')]}", $"{site.Id}: predicted (deep red), calculated (light red) and the ground-state O-p PDOS (blue, aligned at the CBM), with arrows from PDOS peaks to calculated peaks as in Fig. 2b; {paper}.",
                site, withPdos: true, "#b2182b", "#f4a582"));
        report.Headlines.Add($"{title[..title.IndexOf(':')]}: " + string.Join(", ", sites.Select(s => $"{s.Id} MSE {Html.Number(s.Mse)}")));
        var baselines = report.BaselineSeries(evaluation);
        if (baselines.Count > 0)
            text.Append("<p>MSE of the paper's MLP and of the baselines fitted on every crystalline site (same input):</p>\n")
                .Append(Html.Table(["site", "paper's MLP", .. baselines.Select(b => b.Label)],
                    sites.Select((s, i) => (IReadOnlyList<string>)[s.Id, Html.Number(s.Mse), .. baselines.Select(b => Html.Number(b.Sites[i].Mse))])));
        return text.ToString();
    }

    /// <summary>The paper's under/overestimation, as a number: the median ratio of predicted to calculated main-peak height.</summary>
    static string MainPeakLine(IReadOnlyList<SitePrediction> sites, string what)
    {
        var ratio = ReportContext.Median(sites.Select(s => s.Predicted.Max() / s.Calculated.Max()));
        return $"<p>Main-peak height, predicted / calculated, median over {sites.Count} sites: <strong>{Html.Number(ratio)}</strong> for {Html.Text(what)}.</p>\n";
    }

    static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' ? c : '_'));
}
