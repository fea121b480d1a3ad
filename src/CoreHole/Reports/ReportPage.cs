using System.Text;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>
/// The static report page, <c>index.html</c>, made from a run's result files alone (<see cref="ResultFiles"/>), with
/// every figure of the paper in its own section. A small script marks images that failed to load on the body
/// (<c>data-images</c>, <c>data-broken</c>), so a headless browser can check the page.
/// </summary>
public static class ReportPage
{
    public const string FileName = "index.html";

    /// <summary>Writes the page and its figures into <paramref name="folder"/>; returns the headline numbers.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        var results = new ResultFiles(folder);
        var summary = results.ReadSummary();
        var report = new ReportContext(results, summary, new ReportFigures(folder));
        var sections = new Func<ReportContext, string>[]
        {
            CrystallineSections.Fig2, LearningSections.GroupCv, AcquisitionSections.Section, CrystallineSections.PeakShiftSection, StructureSections.AmorphousCells, TransferSections.Fig3, TransferSections.SuppFig1,
            TransferSections.Fig4, TransferSections.SuppFig3, CompoundTransferSections.Section, ModelSections.Search, ModelSections.Cost,
        }.Select(section => section(report)).ToList();
        var page = new StringBuilder($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>CoreHole: reproduction of Kiyohara et al. 2020</title>
            <style>body{font-family:sans-serif;max-width:900px;margin:2em auto;line-height:1.4}img{max-width:100%;border:1px solid #ddd}
            table{border-collapse:collapse;margin:1em 0;font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px}
            .missing{background:#fff4e0;padding:.5em}.files{font-size:85%}figure{margin:1em 0}</style>
            <script>window.addEventListener('load',function(){var broken=[].filter.call(document.images,function(i){return !i.complete||i.naturalWidth===0});
            document.body.setAttribute('data-images',document.images.length);document.body.setAttribute('data-broken',broken.map(function(i){return i.getAttribute('src')}).join(' '));});</script>
            </head><body>
            <h1>Learning excited states from ground states: our reproduction</h1>
            <p>Kiyohara, Tsubaki &amp; Mizoguchi, npj Comput. Mater. 6, 68 (2020), redone by <code>corehole reproduce</code> on
            {{Html.Text(summary.Source)}}: {{summary.CrystallineSites}} crystalline SiO2, {{summary.AmorphousSites}} amorphous SiO2 and
            {{summary.OxideSites}} transfer-oxide O sites, and {{summary.OtherOxideSites}} O sites of other oxides; {{Html.Text(summary.Grid)}} search grid; finished {{summary.Finished:yyyy-MM-dd HH:mm}} UTC in {{summary.Seconds:0}} s.</p>

            """);
        page.Append(Html.Table(["notes"], summary.Notes.Select(n => (IReadOnlyList<string>)[n])));
        page.Append("<h2>Headline numbers</h2>\n<ul>\n")
            .Append(report.Headlines.Count == 0 ? "<li>none yet: no model could be trained on the data so far (see the sections)</li>\n"
                : string.Concat(report.Headlines.Select(h => $"<li>{Html.Text(h)}</li>\n")))
            .Append("</ul>\n");
        foreach (var section in sections) page.Append(section);
        page.Append("</body></html>\n");
        File.WriteAllText(Path.Combine(folder, FileName), page.ToString());
        return report.Headlines;
    }
}
