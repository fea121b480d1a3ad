using System.Buffers.Binary;
using System.Text.Json;
using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// Saves any <see cref="ISpectrumModel"/> with the preprocessing its data went through, and loads it back as the
/// kind the file records. Which kinds exist is the table <see cref="Kinds"/>: one line per model.
/// </summary>
/// <remarks>
/// File layout (little-endian): the 8-byte magic <c>"CHMODEL\x1a"</c>; 4 bytes: the length H of the header; H bytes:
/// a UTF-8 JSON <see cref="Header"/> (format version, kind, hyper-parameters, the name and shape of each array, the
/// preprocessing with its energy grids); then each array's float32 values, row-major, in the header's order.
/// </remarks>
public static class ModelArchive
{
    public const int FormatVersion = 1;
    static readonly byte[] Magic = "CHMODEL\x1a"u8.ToArray();
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Every model kind a file can hold, and how to rebuild it from its state.</summary>
    public static IReadOnlyDictionary<string, Func<ModelState, ISpectrumModel>> Kinds { get; } = new Dictionary<string, Func<ModelState, ISpectrumModel>>
    {
        [MeanSpectrum.KindName] = MeanSpectrum.FromState,
        [InputAsSpectrum.KindName] = InputAsSpectrum.FromState,
        [NearestNeighbours.KindName] = NearestNeighbours.FromState,
        [RidgeRegression.KindName] = RidgeRegression.FromState,
        [DeepEnsemble.KindName] = DeepEnsemble.FromState,
    };

    public sealed record ArrayShape(string Name, int Rows, int Columns);

    /// <summary>The JSON header; its property names in the file are snake_case.</summary>
    public sealed record Header(int FormatVersion, string Kind, Dictionary<string, double> Parameters, ArrayShape[] Arrays, Preprocessing Preprocessing);

    /// <summary>Whether <paramref name="path"/> starts like a model archive (as opposed to the paper MLP's own file).</summary>
    public static bool IsArchive(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var start = new byte[Magic.Length];
            return stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(Magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static void Save(string path, ISpectrumModel model, Preprocessing preprocessing)
    {
        var state = model.State();
        var arrays = state.Arrays.OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        var header = new Header(FormatVersion, state.Kind, new(state.Parameters),
            [.. arrays.Select(a => new ArrayShape(a.Key, a.Value.Rows, a.Value.Columns))], preprocessing);
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        var part = path + ".part";
        using (var stream = File.Create(part))
        {
            stream.Write(Magic);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)headerBytes.Length);
            stream.Write(length);
            stream.Write(headerBytes);
            foreach (var (_, matrix) in arrays)
            {
                var bytes = new byte[matrix.Data.Length * sizeof(float)];
                for (int i = 0; i < matrix.Data.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), matrix.Data[i]);
                stream.Write(bytes);
            }
        }
        File.Move(part, path, overwrite: true);
    }

    public static (ISpectrumModel Model, Preprocessing Preprocessing) Load(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputError(path, null, $"cannot read the model file: {e.Message}", e);
        }
        void Require(bool condition, string problem)
        {
            if (!condition) throw new InputError(path, null, problem);
        }
        Require(bytes.Length >= Magic.Length + 4 && bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic), "not a CoreHole model file (wrong magic bytes)");
        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Magic.Length));
        int offset = Magic.Length + 4;
        Require(headerLength <= bytes.Length - offset, "truncated model file (header)");
        Header? header;
        try { header = JsonSerializer.Deserialize<Header>(bytes.AsSpan(offset, (int)headerLength), Json); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable model header: {e.Message}", e); }
        if (header is not { Kind: { } kind, Parameters: { } parameters, Arrays: { } shapes, Preprocessing: { } preprocessing })
            throw new InputError(path, null, "incomplete model header");
        Require(header.FormatVersion == FormatVersion, $"model format version {header.FormatVersion}; this CoreHole reads version {FormatVersion}");
        Require(Kinds.ContainsKey(kind), $"unknown model kind '{kind}' (known: {string.Join(", ", Kinds.Keys)})");
        offset += (int)headerLength;
        var arrays = new Dictionary<string, Matrix>();
        foreach (var shape in shapes)
        {
            Require(shape.Rows >= 0 && shape.Columns >= 0 && (long)shape.Rows * shape.Columns * sizeof(float) <= bytes.Length - offset,
                $"truncated model file (array '{shape.Name}')");
            var matrix = new Matrix(shape.Rows, shape.Columns);
            for (int i = 0; i < matrix.Data.Length; i++, offset += sizeof(float))
            {
                matrix.Data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));
                Require(float.IsFinite(matrix.Data[i]), $"array '{shape.Name}' holds a value that is not a finite number");
            }
            arrays[shape.Name] = matrix;
        }
        Require(offset == bytes.Length, $"{bytes.Length - offset} bytes after the last array");
        try { return (Kinds[kind](new ModelState(kind, parameters, arrays)), preprocessing); }
        catch (InputError e) { throw new InputError(path, null, e.Problem, e); }
    }
}
