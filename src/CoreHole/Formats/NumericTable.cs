using CoreHole.Spectra;

namespace CoreHole.Formats;

/// <summary>
/// The shared tokenizer of every column format: whitespace-separated numbers, one row per line, comment lines and
/// blank lines skipped. Every row must have the same number of columns and every value must be finite; each error
/// names its line. A file with several blocks (DOSCAR, OptaDOS) reads each block as a table of its own line range.
/// </summary>
internal sealed class NumericTable
{
    readonly TextFile file;
    readonly int[] rowLines;

    /// <summary>Column-major: <c>Columns[c][row]</c>.</summary>
    public double[][] Columns { get; }
    public int RowCount => rowLines.Length;

    NumericTable(TextFile file, double[][] columns, int[] rowLines)
    {
        this.file = file;
        Columns = columns;
        this.rowLines = rowLines;
    }

    /// <summary>Reads lines [<paramref name="from"/>, <paramref name="to"/>) (to the end when null).</summary>
    /// <param name="columns">The exact number of columns required, or null to take the first row's.</param>
    /// <param name="comment">The prefix of comment lines (after leading blanks), or null when there are none.</param>
    public static NumericTable Read(TextFile file, int from = 0, int? to = null, int? columns = null, string? comment = "#")
    {
        var end = Math.Min(to ?? file.Lines.Length, file.Lines.Length);   // a block cut short ends at the file's end
        var rows = new List<double[]>();
        var lines = new List<int>();
        for (var i = from; i < end; i++)
        {
            var text = file.Lines[i].AsSpan().TrimStart();
            if (text.IsEmpty || (comment is not null && text.StartsWith(comment))) continue;
            var values = file.ParseNumbers(i, "data row");
            if (columns is { } required && values.Length != required)
                throw file.ErrorAt(i, $"expected {required} columns, found {values.Length} (truncated or malformed row)");
            if (rows.Count > 0 && values.Length != rows[0].Length)
                throw file.ErrorAt(i, $"{values.Length} columns, but the first row (line {lines[0] + 1}) has {rows[0].Length}: truncated or malformed row");
            rows.Add(values);
            lines.Add(i);
        }
        if (lines.Count >= 2 && lines[^1] == file.Lines.Length - 1 && !file.EndsWithLineEnd) CheckNotCut(file, lines);
        if (rows.Count < 2)
            throw rows.Count == 0
                ? file.ErrorAt(Math.Max(from, Math.Min(end, file.Lines.Length) - 1), "no data rows")
                : file.ErrorAt(lines[0], "only one data row: a curve needs at least two");
        var width = rows[0].Length;
        var table = new double[width][];
        for (var c = 0; c < width; c++)
        {
            table[c] = new double[rows.Count];
            for (var r = 0; r < rows.Count; r++) table[c][r] = rows[r][c];
        }
        return new NumericTable(file, table, lines.ToArray());
    }

    /// <summary>
    /// A file that ends without a line end was cut short, perhaps inside its last number ("0.12345E-02" cut to
    /// "0.12345E-0" still parses, a hundred times too large): programs write columns of fixed width, so when the rows
    /// above agree on the width of the last value, a narrower one is the cut, and the row is refused rather than read
    /// wrong. Hand-made columns, whose widths vary, are left alone.
    /// </summary>
    static void CheckNotCut(TextFile file, List<int> lines)
    {
        var cut = TextFile.Fields(file.Lines[lines[^1]])[^1];
        var above = lines.SkipLast(1).TakeLast(4).Select(l => TextFile.Fields(file.Lines[l])[^1]).ToArray();
        if (above.All(a => a.Length == above[0].Length) && cut.Length < above[0].Length)
            throw file.ErrorAt(lines[^1], $"the file ends inside this row: '{cut}' is narrower than the '{above[^1]}' above it (truncated file)");
    }

    /// <summary>Column <paramref name="column"/> against the energies of <paramref name="energyColumn"/>, which must increase.</summary>
    public Curve Curve(int column, int energyColumn = 0) => CurveOf(Columns[energyColumn], Columns[column]);

    /// <summary>A curve of derived intensities (e.g. a sum of columns) on this table's energies.</summary>
    public Curve CurveOf(double[] energies, double[] intensities)
    {
        for (var r = 1; r < energies.Length; r++)
            if (!(energies[r] > energies[r - 1]))
                throw file.ErrorAt(rowLines[r], $"energies must increase: {energies[r]} follows {energies[r - 1]}");
        return new Curve(energies, intensities);
    }

    /// <summary>Named curves for columns 1.. against column 0.</summary>
    public IReadOnlyList<NamedCurve> NamedCurves(IReadOnlyList<string> names)
    {
        if (names.Count != Columns.Length - 1)
            throw file.ErrorAt(rowLines[0], $"expected {names.Count + 1} columns, found {Columns.Length}");
        return names.Select((name, i) => new NamedCurve(name, Curve(i + 1))).ToArray();
    }
}
