using System.Globalization;
using System.Net;
using System.Text;
using CoreHole.Plotting;

namespace CoreHole.Reports;

/// <summary>
/// Writes the report's figures into its <c>figures/</c> folder: each as NAME.png and NAME.svg with its numbers as
/// NAME.csv beside them, and gives back the HTML that shows the PNG and links all three.
/// </summary>
public sealed class ReportFigures(string reportFolder)
{
    public const string Folder = "figures";

    public string Add(string name, PlotFigure figure, string caption, string csvHeader, IEnumerable<string> csvRows)
    {
        var folder = Path.Combine(reportFolder, Folder);
        Directory.CreateDirectory(folder);
        Plots.Save(Path.Combine(folder, name + ".png"), figure);
        Plots.Save(Path.Combine(folder, name + ".svg"), figure);
        File.WriteAllText(Path.Combine(folder, name + ".csv"), csvHeader + "\n" + string.Concat(csvRows.Select(r => r + "\n")));
        var link = $"{Folder}/{name}";
        return $"""
            <figure id="{name}"><img src="{link}.png" alt="{Html.Text(figure.Title ?? name)}" width="800">
            <figcaption>{caption} <span class="files"><a href="{link}.png">PNG</a> <a href="{link}.svg">SVG</a> <a href="{link}.csv">CSV</a></span></figcaption></figure>

            """;
    }

    /// <summary>A CSV row of invariant-culture values (numbers round-trip); a text with a comma or quote is quoted (RFC 4180).</summary>
    public static string Row(params object[] values) => string.Join(',', values.Select(v => v switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Field(v.ToString() ?? ""),
    }));

    static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}

/// <summary>Small pieces of HTML, escaped.</summary>
public static class Html
{
    public static string Text(string text) => WebUtility.HtmlEncode(text);

    public static string Number(double value, string format = "G3") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The sentence a section shows instead of its figures when its data does not exist yet.</summary>
    public static string NotYet(string reason) => $"<p class=\"missing\"><strong>Not in the dataset yet.</strong> {Text(reason)}</p>\n";

    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder("<table><tr>");
        foreach (var h in header) text.Append("<th>").Append(Text(h)).Append("</th>");
        text.Append("</tr>\n");
        foreach (var row in rows)
        {
            text.Append("<tr>");
            foreach (var cell in row) text.Append("<td>").Append(Text(cell)).Append("</td>");
            text.Append("</tr>\n");
        }
        return text.Append("</table>\n").ToString();
    }
}
