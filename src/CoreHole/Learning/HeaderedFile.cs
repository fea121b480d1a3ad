using System.Buffers.Binary;
using System.Text.Json;

namespace CoreHole.Learning;

/// <summary>
/// The container of CoreHole's model files (<see cref="ModelFile"/>, Models.ModelArchive): magic bytes, a 4-byte
/// little-endian length H, H bytes of UTF-8 JSON header (snake_case names), then little-endian float32 values.
/// Anything wrong with a file is an <see cref="InputError"/> naming it.
/// </summary>
internal static class HeaderedFile
{
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Writes the magic, the header and <paramref name="values"/>, in that order.</summary>
    public static void Write<THeader>(Stream stream, ReadOnlySpan<byte> magic, THeader header, IEnumerable<float[]> values)
    {
        byte[] headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        stream.Write(magic);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)headerBytes.Length);
        stream.Write(length);
        stream.Write(headerBytes);
        foreach (var block in values)
        {
            var bytes = new byte[block.Length * sizeof(float)];
            for (int i = 0; i < block.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), block[i]);
            stream.Write(bytes);
        }
    }

    /// <summary>The header and the float32 values after it; <paramref name="what"/> names the format in errors.</summary>
    public static (THeader Header, float[] Values) Read<THeader>(string path, ReadOnlySpan<byte> magic, string what) where THeader : class
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputError(path, null, $"cannot read the model file: {e.Message}", e);
        }
        if (bytes.Length < magic.Length + 4 || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
            throw new InputError(path, null, $"not a {what} (wrong magic bytes)");
        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(magic.Length));
        int start = magic.Length + 4;
        if (headerLength > bytes.Length - start) throw new InputError(path, null, "truncated model file (header)");
        THeader? header;
        try { header = JsonSerializer.Deserialize<THeader>(bytes.AsSpan(start, (int)headerLength), Json); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable model header: {e.Message}", e); }
        if (header is null) throw new InputError(path, null, "empty model header");
        int valuesStart = start + (int)headerLength;
        if ((bytes.Length - valuesStart) % sizeof(float) != 0) throw new InputError(path, null, "truncated model file (values)");
        var values = new float[(bytes.Length - valuesStart) / sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(valuesStart + i * sizeof(float)));
            if (!float.IsFinite(values[i])) throw new InputError(path, null, $"value {i} after the header is not a finite number");
        }
        return (header, values);
    }
}
