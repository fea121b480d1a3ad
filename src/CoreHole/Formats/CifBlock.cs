using System.Globalization;
using System.Text;

namespace CoreHole.Formats;

/// <summary>A value of a CIF file with the line it came from, so that errors can point at it.</summary>
public readonly record struct CifValue(string Text, int Line);

/// <summary>
/// The tags and loops of the first <c>data_</c> block of a CIF 1.1 file: single values and loop columns by tag.
/// Handles comments, quoted strings and semicolon text fields; tags are case-insensitive.
/// </summary>
public sealed class CifBlock
{
    readonly Dictionary<string, List<CifValue>> _values = new(StringComparer.OrdinalIgnoreCase);
    public string Name { get; private set; } = "";
    public string Path { get; }

    CifBlock(string path) => Path = path;

    public IReadOnlyList<CifValue>? Column(string tag) => _values.GetValueOrDefault(tag);

    public double Number(string tag)
    {
        var values = Column(tag) is { Count: > 0 } column ? column : throw new InputError(Path, null, $"missing {tag}");
        return ToNumber(values[0], Path);
    }

    /// <summary>A CIF number, its standard uncertainty in parentheses dropped.</summary>
    public static double ToNumber(CifValue value, string path)
    {
        var text = value.Text;
        var paren = text.IndexOf('(');
        if (paren >= 0) text = text[..paren];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new InputError(path, value.Line, $"'{value.Text}' is not a number");
        return v;
    }

    public static CifBlock Parse(string path)
    {
        var block = new CifBlock(path);
        var tokens = Tokenize(path).GetEnumerator();
        var pending = new List<CifValue>();
        var seenData = false;
        List<string>? loopTags = null;
        var loopIndex = 0;
        string? openTag = null;
        while (tokens.MoveNext())
        {
            var (text, line, quoted) = tokens.Current;
            if (!quoted && text.StartsWith("data_", StringComparison.OrdinalIgnoreCase))
            {
                if (seenData) break; // first block only
                seenData = true;
                block.Name = text[5..];
                continue;
            }
            if (!seenData) throw new InputError(path, line, $"'{text}' before the first data_ block: not a CIF");
            if (!quoted && text.Equals("loop_", StringComparison.OrdinalIgnoreCase))
            {
                CheckComplete(block, loopTags, loopIndex, openTag, path, line);
                loopTags = []; loopIndex = 0; openTag = null;
                continue;
            }
            if (!quoted && text.StartsWith('_'))
            {
                if (loopTags != null && loopIndex == 0 && (loopTags.Count == 0 || block._values[loopTags[^1]].Count == 0))
                {
                    loopTags.Add(text);
                    block._values[text] = [];
                    continue;
                }
                CheckComplete(block, loopTags, loopIndex, openTag, path, line);
                loopTags = null; openTag = text;
                block._values[text] = [];
                continue;
            }
            var value = new CifValue(text, line);
            if (loopTags is { Count: > 0 })
            {
                block._values[loopTags[loopIndex]].Add(value);
                loopIndex = (loopIndex + 1) % loopTags.Count;
            }
            else if (openTag != null)
            {
                block._values[openTag].Add(value);
                openTag = null;
            }
            else throw new InputError(path, line, $"value '{text}' belongs to no tag or loop");
        }
        if (!seenData) throw new InputError(path, null, "no data_ block: not a CIF (or empty)");
        CheckComplete(block, loopTags, loopIndex, openTag, path, null);
        return block;
    }

    static void CheckComplete(CifBlock block, List<string>? loopTags, int loopIndex, string? openTag, string path, int? line)
    {
        if (openTag != null) throw new InputError(path, line, $"tag {openTag} has no value");
        if (loopTags is { Count: > 0 } && loopIndex != 0)
            throw new InputError(path, line, $"loop of {loopTags[0]} ... ends part-way through a row: truncated or a value is missing");
    }

    static IEnumerable<(string Text, int Line, bool Quoted)> Tokenize(string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.StartsWith(';'))
            {
                var start = n + 1;
                var text = new StringBuilder(line[1..]);
                while (++n < lines.Length && !lines[n].StartsWith(';')) text.AppendLine(lines[n]);
                if (n >= lines.Length) throw new InputError(path, start, "semicolon text field is never closed");
                yield return (text.ToString().Trim(), start, true);
                continue;
            }
            var i = 0;
            while (i < line.Length)
            {
                if (char.IsWhiteSpace(line[i])) { i++; continue; }
                if (line[i] == '#') break;
                if (line[i] is '\'' or '"')
                {
                    var quote = line[i];
                    var end = i + 1;
                    // A quote closes only when followed by white space or the end of the line (CIF 1.1).
                    while (end < line.Length && !(line[end] == quote && (end + 1 == line.Length || char.IsWhiteSpace(line[end + 1])))) end++;
                    if (end >= line.Length) throw new InputError(path, n + 1, "quoted string is never closed");
                    yield return (line[(i + 1)..end], n + 1, true);
                    i = end + 1;
                    continue;
                }
                var s = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                yield return (line[s..i], n + 1, false);
            }
        }
    }
}
