using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>
/// Reads a crystal structure from any supported file. Detection is a table, as for spectra
/// (<see cref="SpectrumFiles"/>): each format has file-name patterns and a content sniffer over the first lines; a
/// content match outweighs a name match, so <c>mp-123_POSCAR</c>, <c>x.poscar</c> or <c>CONTCAR_relaxed</c> are read
/// for what they hold. Every structure read is validated (<see cref="Crystal.Validated"/>) and names its file.
/// </summary>
public static class StructureFiles
{
    /// <param name="Name">Short name, also accepted by <c>--format</c>.</param>
    /// <param name="Reads">What is read, in a few words (shown by the formats page).</param>
    /// <param name="Read">The reader: returns a validated <see cref="Crystal"/> whose <see cref="Crystal.Source"/> is the file.</param>
    public sealed record Format(string Name, string Reads, IReadOnlyList<string> FileNames, Sniffer Sniff, Func<string, Crystal> Read);

    const int HeadLines = 40;

    public static readonly IReadOnlyList<Format> Formats =
    [
        new("cif", "CIF: cell, symmetry operations, atom sites", ["*.cif"],
            new("a `data_` line and `_` tags", LooksLikeCif), CifReader.Read),
        new("poscar", "VASP POSCAR/CONTCAR: scale, lattice, element names, counts, direct or Cartesian positions",
            ["POSCAR*", "CONTCAR*", "*.vasp", "*.poscar", "*_POSCAR*", "*_CONTCAR*"],
            new("line 2 a scale, lines 3-5 three numbers, then counts (after element names, if any)", PoscarReader.LooksLikePoscar), PoscarReader.Read),
    ];

    /// <summary>Reads <paramref name="path"/> as the detected structure format, or the one named by <paramref name="format"/>.</summary>
    public static Crystal Read(string path, string? format = null)
    {
        var chosen = format is null
            ? Detect(path) ?? throw new InputError(path, null,
                $"not a structure file CoreHole knows ({string.Join(", ", Formats.Select(f => f.Name))}): neither its name nor its first lines match (name one with --format)")
            : ByName(format) ?? throw new InputError($"unknown structure format '{format}'; known: {string.Join(", ", Formats.Select(f => f.Name))}");
        return chosen.Read(path);   // each reader names the file as the source and validates what it read
    }

    public static Format? ByName(string name) =>
        Formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The structure format of a file by content, then by name; null when it is not a structure file.</summary>
    public static Format? Detect(string path)
    {
        var head = TextFile.Head(path, HeadLines);
        var name = TextFile.UncompressedName(path);
        return Formats.FirstOrDefault(f => f.Sniff.Matches(head))
            ?? Formats.FirstOrDefault(f => f.FileNames.Any(glob => FileFormat.Glob(glob, name)));
    }

    static bool LooksLikeCif(IReadOnlyList<string> head) =>
        head.Any(l => l.TrimStart().StartsWith("data_", StringComparison.OrdinalIgnoreCase))
        && head.Any(l => l.TrimStart().StartsWith("_", StringComparison.Ordinal));
}
