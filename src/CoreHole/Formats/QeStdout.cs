using System.Globalization;
using System.Text.RegularExpressions;

namespace CoreHole.Formats;

/// <summary>
/// What every Quantum ESPRESSO program's standard output shares: the banner ("Program PWSCF v.6.7MaX starts", or
/// "Program PWSCF v.6.1 (svn rev. 13369) starts" from builds of QE's svn era, Modules/environment.f90),
/// the error report between two rules of '%' (Modules/error_handler.f90), and the clock format.
/// </summary>
internal static partial class QeStdout
{
    /// <summary>Loads the log of <paramref name="program"/> (as its banner spells it) and finds its banner line.</summary>
    public static (TextFile File, int Banner, string Version) Open(string path, string program, string executable)
    {
        var file = TextFile.Load(path);
        for (var i = 0; i < file.Lines.Length; i++)
        {
            var m = Banner().Match(file.Lines[i]);
            if (m.Success && m.Groups[1].Value == program)
                return (file, i, m.Groups[3].Success ? $"{m.Groups[2].Value} (svn rev. {m.Groups[3].Value})" : m.Groups[2].Value);
        }
        throw file.ErrorAt(0, $"not {executable} output: no 'Program {program} v.' banner");
    }

    /// <summary>The message of the first '%%%%' error block, lines joined by newlines; null when the run reported none.</summary>
    public static string? ErrorText(TextFile file)
    {
        var start = Array.FindIndex(file.Lines, IsRule);
        if (start < 0) return null;
        var text = file.Lines.Skip(start + 1).TakeWhile(l => !IsRule(l))
            .Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim());
        return string.Join('\n', text);
    }

    static bool IsRule(string line)
    {
        var t = line.AsSpan().Trim();
        return t.Length >= 20 && !t.ContainsAnyExcept('%');
    }

    /// <summary>Seconds of a QE clock reading (Modules/clocks_handler.f90): "41.03s", "1m36.72s", "1m 0.42s", "1h 2m".</summary>
    public static double? Seconds(string text)
    {
        var m = Clock().Match(text.Trim());
        if (!m.Success || m.Length == 0) return null;
        double Part(int g) => m.Groups[g].Success ? double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        return 3600 * Part(1) + 60 * Part(2) + Part(3);
    }

    [GeneratedRegex(@"Program (\S+) v\.(\S+)(?:\s+\(svn rev\.\s*([^)]*)\))?\s+starts")] private static partial Regex Banner();
    [GeneratedRegex(@"^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+(?:\.\d*)?)s)?$")] private static partial Regex Clock();
}
