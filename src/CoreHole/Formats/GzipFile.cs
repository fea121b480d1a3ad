using System.IO.Compression;

namespace CoreHole.Formats;

/// <summary>
/// Reads a gzip file whole and checks it as <c>gzip -t</c> does: .NET's <see cref="GZipStream"/> returns what it could
/// decompress from a file cut short without complaint, so the trailer (RFC 1952: CRC-32 and length of the data,
/// the last eight bytes) is compared with what came out. Files of one gzip member, as gzip and the campaign write
/// them, are checked; a file of several concatenated members fails the check and is refused rather than half-read.
/// </summary>
internal static class GzipFile
{
    public static byte[] Decompress(string path)
    {
        var compressed = File.ReadAllBytes(path);
        if (compressed.Length < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b)
            throw new InputError(path, null, "not gzip data (the name ends in .gz but the gzip signature is missing)");
        byte[] data;
        try
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress)) gzip.CopyTo(output);
            data = output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InputError(path, null, $"damaged gzip data: the compressed stream is corrupt (gzip -t {System.IO.Path.GetFileName(path)} says where)", e);
        }
        var crc = BitConverter.ToUInt32(compressed, compressed.Length - 8);
        var size = BitConverter.ToUInt32(compressed, compressed.Length - 4);
        if (size != (uint)data.Length || crc != Crc32(data))
            throw new InputError(path, null,
                $"truncated or damaged gzip file: its trailer does not match the {data.Length} bytes it decompresses to (gzip -t {System.IO.Path.GetFileName(path)} says why)");
        return data;
    }

    static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The CRC-32 of RFC 1952 (the polynomial of zip and PNG).</summary>
    static uint Crc32(byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
