using System.Globalization;
using System.Text.RegularExpressions;

namespace CoreHole.Formats;

/// <summary>
/// A text file held as lines, plus the number parsing every reader shares, so that a bad value anywhere becomes one
/// <see cref="InputError"/> naming the file, the 1-based line and the problem.
/// </summary>
internal sealed partial class TextFile
{
    public string Path { get; }
    public string[] Lines { get; }
    /// <summary>False when the last line has no line end: a file written by a program and then cut short.</summary>
    public bool EndsWithLineEnd { get; }

    TextFile(string path, string[] lines, bool endsWithLineEnd)
    {
        Path = path;
        Lines = lines;
        EndsWithLineEnd = endsWithLineEnd;
    }

    /// <summary>Loads a file; a missing, unreadable or blank file is an input error, never an empty result.</summary>
    public static TextFile Load(string path)
    {
        var text = ReadText(path);
        var lines = SplitLines(text);
        if (lines.All(string.IsNullOrWhiteSpace)) throw new InputError(path, null, "empty file");
        return new TextFile(path, lines, text.EndsWith('\n') || text.EndsWith('\r'));
    }

    /// <summary>
    /// The first <paramref name="count"/> lines, for format detection: a plain file is read no further; a <c>.gz</c>
    /// file is decompressed and checked whole, so that a damaged one is refused before any reader sees it.
    /// </summary>
    public static string[] Head(string path, int count) =>
        IsGzip(path) ? SplitLines(ReadText(path)).Take(count).ToArray() : Guarded(path, () => File.ReadLines(path).Take(count).ToArray());

    /// <summary>
    /// The text of a file, decompressed when its name ends in <c>.gz</c>: CoreHole's campaigns keep their outputs
    /// gzip-compressed, and every reader reads them as they are.
    /// </summary>
    public static string ReadText(string path) => Guarded(path, () =>
    {
        if (!IsGzip(path)) return File.ReadAllText(path);
        using var reader = new StreamReader(new MemoryStream(GzipFile.Decompress(path)));
        return reader.ReadToEnd();
    });

    /// <summary>Runs a read, turning a missing or unreadable file into an <see cref="InputError"/> naming it.</summary>
    static T Guarded<T>(string path, Func<T> read)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such file");
        try { return read(); }
        catch (IOException e) { throw new InputError(path, null, $"cannot read: {e.Message}", e); }
        catch (UnauthorizedAccessException e) { throw new InputError(path, null, $"cannot read: {e.Message}", e); }
    }

    /// <summary>Lines as <see cref="StreamReader.ReadLine"/> splits them (\n, \r\n or \r), without a last empty one.</summary>
    static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines.ToArray();
    }

    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name that says what a file is: without a <c>.gz</c> suffix.</summary>
    public static string UncompressedName(string path) => System.IO.Path.GetFileName(IsGzip(path) ? path[..^3] : path);

    /// <summary>An error at a 0-based line index (reported 1-based, as editors count).</summary>
    public InputError ErrorAt(int index, string problem) => new(Path, index + 1, problem);

    public InputError Error(string problem) => new(Path, null, problem);

    /// <summary>The index of the first line at or after <paramref name="from"/> containing <paramref name="text"/>, or -1.</summary>
    public int Find(string text, int from = 0)
    {
        for (var i = from; i < Lines.Length; i++)
            if (Lines[i].Contains(text, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>
    /// Parses one finite number. Accepts Fortran's D exponent (1.0D-03); rejects NaN, Inf and Fortran's overflow
    /// marker (****), which mean the program that wrote the file had already gone wrong.
    /// </summary>
    public double ParseDouble(string token, int index, string what)
    {
        if (token.Contains('*')) throw ErrorAt(index, $"{what}: '{token}' overflowed its print field");
        var normal = token.Replace('D', 'E').Replace('d', 'e');
        if (!double.TryParse(normal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw ErrorAt(index, $"{what}: '{token}' is not a number");
        if (!double.IsFinite(value)) throw ErrorAt(index, $"{what}: '{token}' is not finite");
        return value;
    }

    public int ParseInt(string token, int index, string what) =>
        int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ErrorAt(index, $"{what}: '{token}' is not an integer");

    /// <summary>Whitespace-separated fields of a line.</summary>
    public static string[] Fields(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The numbers of a line, each checked; <paramref name="expected"/> (when given) is the exact count required.</summary>
    public double[] ParseNumbers(int index, string what, int? expected = null)
    {
        var fields = Fields(Lines[index]);
        if (expected is { } n && fields.Length != n)
            throw ErrorAt(index, $"{what}: expected {n} numbers, found {fields.Length}");
        var values = new double[fields.Length];
        for (var i = 0; i < fields.Length; i++) values[i] = ParseDouble(fields[i], index, what);
        return values;
    }

    /// <summary>
    /// The numbers in a run of fixed-format Fortran fields that may touch ("-10.0617-11.5836"): each match of a
    /// decimal number. Anything else on the line (letters, ****) is reported, so corrupt output is never half-read.
    /// </summary>
    public double[] ParseGluedNumbers(string text, int index, string what)
    {
        if (text.Contains("**")) throw ErrorAt(index, $"{what}: a value overflowed its print field (****)");
        var matches = GluedNumber().Matches(text);
        var rest = GluedNumber().Replace(text, " ");
        if (!string.IsNullOrWhiteSpace(rest))
            throw ErrorAt(index, $"{what}: '{rest.Trim()}' is not a number");
        var values = new double[matches.Count];
        for (var i = 0; i < matches.Count; i++) values[i] = ParseDouble(matches[i].Value, index, what);
        return values;
    }

    [GeneratedRegex(@"[-+]?(?:\d+\.\d*|\.\d+)(?:[eEdD][-+]?\d+)?")]
    private static partial Regex GluedNumber();
}
