using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>
/// Reads a crystal structure from any supported file. Detection is a table (format name, how a file is recognised,
/// reader), tried in order: a new format is one more row.
/// </summary>
public static class StructureFiles
{
    public sealed record Format(string Name, Func<string, bool> Recognises, Func<string, Crystal> Read);

    public static readonly IReadOnlyList<Format> Formats =
    [
        new("cif", path => path.EndsWith(".cif", StringComparison.OrdinalIgnoreCase), CifReader.Read),
        new("poscar", path => Path.GetFileName(path) is var name
                && (name.StartsWith("POSCAR", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("CONTCAR", StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith(".vasp", StringComparison.OrdinalIgnoreCase)),
            PoscarReader.Read),
    ];

    public static Crystal Read(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such file");
        var format = Formats.FirstOrDefault(f => f.Recognises(path))
            ?? throw new InputError(path, null,
                $"not a structure file CoreHole knows ({string.Join(", ", Formats.Select(f => f.Name))}); name it *.cif, POSCAR* or *.vasp");
        return format.Read(path);
    }
}
