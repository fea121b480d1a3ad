namespace CoreHole.Formats;

/// <summary>
/// Plain text columns: energy (eV) then one or more intensities per row, '#' comment lines. The format of hand-made
/// or exported curves (two columns is the common case). Curves are named "column 2", "column 3", ...; a file with
/// a single intensity column names it "intensity".
/// </summary>
public static class ColumnsReader
{
    public static SpectrumFile Read(string path)
    {
        var table = NumericTable.Read(TextFile.Load(path));
        var names = table.Columns.Length == 2
            ? ["intensity"]
            : Enumerable.Range(2, table.Columns.Length - 1).Select(c => $"column {c}").ToArray();
        return new SpectrumFile { Path = path, Format = "columns", Curves = table.NamedCurves(names) };
    }

    /// <summary>True when every data line among <paramref name="head"/> has the same count (at least 2) of numbers.</summary>
    public static bool LooksLikeColumns(IReadOnlyList<string> head)
    {
        var widths = head.Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#'))
            .Select(l => TextFile.Fields(l))
            .Select(f => f.All(t => double.TryParse(t, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out _)) ? f.Length : -1)
            .ToArray();
        return widths.Length >= 2 && widths[0] >= 2 && widths.All(w => w == widths[0]);
    }
}
