namespace CoreHole.Cli.Commands;

/// <summary>A manifest: one structure file per line, relative to the manifest's folder; blank lines and # comments ignored.</summary>
static class Manifest
{
    public static IEnumerable<string> Read(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such manifest");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var entry = lines[i].Split('#')[0].Trim();
            if (entry.Length == 0) continue;
            var file = Path.GetFullPath(Path.Combine(folder, entry));
            if (!File.Exists(file)) throw new InputError(path, i + 1, $"'{entry}' does not exist");
            yield return file;
        }
    }
}
