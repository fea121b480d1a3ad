using System.IO.Compression;

namespace CoreHole.Simulation;

/// <summary>Writes that either complete or leave no file: a kill mid-write must never leave a half file that looks finished.</summary>
public static class Atomic
{
    public static void WriteAllText(string path, string text)
    {
        File.WriteAllText(path + ".part", text);
        File.Move(path + ".part", path, overwrite: true);
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> gzip-compressed (the campaign keeps text outputs compressed).</summary>
    public static void CopyGzipped(string source, string destination)
    {
        using (var input = File.OpenRead(source))
        using (var output = File.Create(destination + ".part"))
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
            input.CopyTo(gzip);
        File.Move(destination + ".part", destination, overwrite: true);
    }
}
