using System.Globalization;
using System.Text.RegularExpressions;

namespace CoreHole.Formats;

/// <summary>QE's clock format (Modules/clocks_handler.f90): "41.03s", "1m36.72s", "1m 0.42s", "1h 2m".</summary>
internal static partial class QeClock
{
    public static double? Seconds(string text)
    {
        var m = Clock().Match(text.Trim());
        if (!m.Success || m.Length == 0) return null;
        double Part(int g) => m.Groups[g].Success ? double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        return 3600 * Part(1) + 60 * Part(2) + Part(3);
    }

    [GeneratedRegex(@"^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+(?:\.\d*)?)s)?$")] private static partial Regex Clock();
}

/// <summary>
/// QE's error report (Modules/error_handler.f90): the message between two rules of '%' characters, e.g.
/// "Error in routine readpp (1):" / "file ... not found". Every QE program prints it the same way.
/// </summary>
internal static class QeErrorBlock
{
    public static bool IsRule(string line)
    {
        var t = line.AsSpan().Trim();
        return t.Length >= 20 && !t.ContainsAnyExcept('%');
    }

    /// <summary>The message after the rule at <paramref name="rule"/>, and the index of the closing rule (or the last line).</summary>
    public static (string Text, int End) Read(string[] lines, int rule)
    {
        var i = rule + 1;
        var text = new List<string>();
        for (; i < lines.Length && !IsRule(lines[i]); i++)
            if (!string.IsNullOrWhiteSpace(lines[i])) text.Add(lines[i].Trim());
        return (string.Join('\n', text), Math.Min(i, lines.Length - 1));
    }
}
