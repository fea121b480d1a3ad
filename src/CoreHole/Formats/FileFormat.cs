using System.Text.RegularExpressions;

namespace CoreHole.Formats;

/// <summary>What a format holds, which decides the threshold policy of <see cref="SpectrumFiles.Read"/>.</summary>
public enum FileKind
{
    /// <summary>A core-loss spectrum: without a stated threshold, its onset is the (named) fallback.</summary>
    Spectrum,
    /// <summary>A density of states: its threshold is a band edge, which the DFT output of the same run gives.</summary>
    DensityOfStates,
    /// <summary>A program's log: levels and facts, no curves.</summary>
    RunOutput,
}

/// <summary>
/// One row of the format table (the model is ASE's io/formats.py): how a file is recognised and who reads it.
/// </summary>
/// <param name="Name">Short name, also accepted by <c>--format</c>.</param>
/// <param name="Reads">What is read, in a few words (shown by the formats page and by errors).</param>
/// <param name="FileNames">Glob patterns (* and ?) on the file name, case-insensitive.</param>
/// <param name="Sniff">The content test: true when the first lines of the file look like this format.</param>
/// <param name="Read">The reader.</param>
/// <param name="Generic">A catch-all format (plain columns) whose content match counts for less than a specific one's.</param>
/// <param name="RunOutputBeside">The program's stdout, kept beside the file, prints the threshold the file lacks (XSpectra).</param>
public sealed record FileFormat(
    string Name,
    FileKind Kind,
    string Reads,
    IReadOnlyList<string> FileNames,
    Sniffer Sniff,
    Func<string, SpectrumFile> Read,
    bool Generic = false,
    bool RunOutputBeside = false)
{
    public bool MatchesName(string path) => FileNames.Any(glob => Glob(glob, TextFile.UncompressedName(path)));

    /// <summary>True when <paramref name="name"/> matches the pattern (* and ?), case-insensitively.</summary>
    public static bool Glob(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase);
}
