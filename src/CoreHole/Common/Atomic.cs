using System.IO.Compression;

namespace CoreHole.Common;

/// <summary>Writes that either complete or leave no file: a kill mid-write must never leave a half file that looks finished.</summary>
public static class Atomic
{
    public static void WriteAllText(string path, string text)
    {
        var part = PartName(path);
        File.WriteAllText(part, text);
        File.Move(part, path, overwrite: true);
    }

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var part = PartName(path);
        File.WriteAllBytes(part, bytes);
        File.Move(part, path, overwrite: true);
    }

    public static void Copy(string source, string destination)
    {
        var part = PartName(destination);
        File.Copy(source, part);
        File.Move(part, destination, overwrite: true);
    }

    /// <summary>A temporary name of its own per writer: cluster tasks may write the same file at the same time (a shared pseudopotential).</summary>
    public static string PartName(string path) => $"{path}.{Guid.NewGuid():N}.part";

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> gzip-compressed (the campaign keeps text outputs compressed).</summary>
    public static void CopyGzipped(string source, string destination)
    {
        var part = PartName(destination);
        using (var input = File.OpenRead(source))
        using (var output = File.Create(part))
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
            input.CopyTo(gzip);
        File.Move(part, destination, overwrite: true);
    }
}
