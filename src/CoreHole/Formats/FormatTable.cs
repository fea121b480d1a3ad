namespace CoreHole.Formats;

/// <summary>
/// The formats page's tables, written from the detection tables themselves (<see cref="SpectrumFiles.Formats"/>,
/// <see cref="StructureFiles.Formats"/>): docs/formats.md holds this text between its two markers, and a test fails
/// when it differs, so the page cannot fall behind a new reader.
/// </summary>
public static class FormatTable
{
    public const string Begin = "<!-- format tables: written from src/CoreHole/Formats by FormatTable.Markdown; do not edit by hand -->";
    public const string End = "<!-- end of format tables -->";

    public static string Markdown()
    {
        var lines = new List<string>
        {
            "| format | holds | content test | file names | what is read |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(SpectrumFiles.Formats.Select(f =>
            Row(f.Name, Holds(f), f.Sniff.Description + (f.Generic ? " (counts for less than a specific format's test)" : ""), f.FileNames, f.Reads)));
        lines.AddRange(["", "| structure format | content test | file names | what is read |", "|---|---|---|---|"]);
        lines.AddRange(StructureFiles.Formats.Select(f => Row(f.Name, null, f.Sniff.Description, f.FileNames, f.Reads)));
        return string.Join('\n', lines) + '\n';
    }

    static string Holds(FileFormat f) => f.Kind switch
    {
        FileKind.Spectrum => f.RunOutputBeside ? "spectrum (threshold from its run's output beside it)" : "spectrum",
        FileKind.DensityOfStates => "density of states",
        _ => "program output",
    };

    static string Row(string name, string? holds, string test, IReadOnlyList<string> names, string reads) =>
        $"| `{name}` |{(holds is null ? "" : $" {holds} |")} {Cell(test)} | {string.Join(", ", names.Select(n => $"`{n}`"))} | {Cell(reads)} |";

    /// <summary>Markdown table cells cannot hold a bare pipe.</summary>
    static string Cell(string text) => text.Replace("|", "\\|");
}
