namespace CoreHole.Formats;

/// <summary>
/// A content test over a file's first lines, with the words that describe it: detection is data, so the formats page
/// (docs/formats.md, <see cref="FormatTable"/>) is written from the same rows the readers are chosen by.
/// </summary>
public sealed record Sniffer(string Description, Func<IReadOnlyList<string>, bool> Test)
{
    public bool Matches(IReadOnlyList<string> head) => Test(head);

    /// <summary>Some line of the head holds <paramref name="text"/>.</summary>
    public static Sniffer Contains(string text) =>
        new($"`{text}` in the first lines", head => head.Any(l => l.Contains(text, StringComparison.Ordinal)));

    /// <summary>The first line starts with <paramref name="prefix"/> (leading blanks aside).</summary>
    public static Sniffer FirstLine(string prefix) =>
        new($"first line `{prefix}…`", head => head.Count > 0 && head[0].TrimStart().StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Both tests hold.</summary>
    public Sniffer And(Sniffer other) => new($"{Description} and {other.Description}", head => Test(head) && other.Test(head));
}
