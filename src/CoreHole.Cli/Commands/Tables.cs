using System.Text;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary>
/// How every command prints a table. Into a file or a pipe: plain text, columns aligned with spaces, so that a log
/// stays readable and greppable. On a terminal: Spectre's boxed table when it fits the window, else one block of
/// "header: value" lines per row, so a narrow window shows whole names rather than "mat…" or words broken a letter
/// a line.
/// </summary>
public static class Tables
{
    /// <param name="header">Column names, or null for a name/value table without a header row.</param>
    /// <param name="console">Where to draw (tests); null: standard output, plain when it is redirected.</param>
    public static void Write(IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows, string? title = null, IAnsiConsole? console = null)
    {
        var body = rows.Select(r => r.Select(c => c.ReplaceLineEndings(" ")).ToArray()).ToList();
        var columns = header?.Count ?? body.Select(r => r.Length).DefaultIfEmpty(0).Max();
        var widths = Enumerable.Range(0, columns)
            .Select(c => body.Select(r => c < r.Length ? r[c].Length : 0).Append(header is null ? 0 : header[c].Length).Max())
            .ToArray();
        if (console is null && Console.IsOutputRedirected)
        {
            Console.Out.Write(Plain(header, body, title, widths));
            return;
        }
        var output = console ?? AnsiConsole.Console;
        if (widths.Sum() + 3 * columns + 1 > output.Profile.Width)
        {
            output.Write(new Text(Records(header, body, title)));
            return;
        }
        var table = new Table();
        if (title is not null) table.Title = new TableTitle(Markup.Escape(title));
        foreach (var name in header ?? Enumerable.Repeat("", columns)) table.AddColumn(new TableColumn(new Text(name)));
        if (header is null) table.HideHeaders();
        foreach (var row in body) table.AddRow(row.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
        output.Write(table);
    }

    /// <summary>Columns padded to their widest cell, two spaces apart; the header underlined with dashes.</summary>
    static string Plain(IReadOnlyList<string>? header, List<string[]> body, string? title, int[] widths)
    {
        var text = new StringBuilder();
        if (title is not null) text.AppendLine(title);
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        if (header is not null)
        {
            Line(header);
            Line(widths.Select(w => new string('-', w)).ToArray());
        }
        foreach (var row in body) Line(row);
        return text.ToString();
    }

    /// <summary>One "header: value" line per cell, rows separated by a blank line (a name/value table: "name: value").</summary>
    static string Records(IReadOnlyList<string>? header, List<string[]> body, string? title)
    {
        var text = new StringBuilder();
        if (title is not null) text.AppendLine(title);
        foreach (var row in body)
        {
            if (header is null) text.AppendLine($"{row[0]}: {string.Join("  ", row.Skip(1))}");
            else
            {
                for (var c = 0; c < row.Length; c++) text.AppendLine($"{header[c]}: {row[c]}");
                text.AppendLine();
            }
        }
        return text.ToString();
    }
}
