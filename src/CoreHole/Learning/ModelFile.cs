using System.Buffers.Binary;
using System.Text.Json;

namespace CoreHole.Learning;

/// <summary>
/// Saves and loads a trained <see cref="MlpRegressor"/> with the preprocessing its data went through.
/// </summary>
/// <remarks>
/// File layout (all little-endian):
/// <list type="number">
/// <item>8 bytes: the magic <c>"CHMLP\r\n\x1a"</c> (the CR LF and Ctrl-Z catch text-mode transfers, as PNG's do);</item>
/// <item>4 bytes: unsigned length H of the header;</item>
/// <item>H bytes: a UTF-8 JSON header, <see cref="Header"/>: format version, layer widths, dropout, the training
/// hyperparameters, the parameter count and layout, and the <see cref="Preprocessing"/> with its energy grids;</item>
/// <item>4 × count bytes: the float32 parameters, for each dense layer its weights as [inputs][outputs] row-major,
/// then its bias [outputs] (the weights are the transpose of PyTorch's nn.Linear.weight).</item>
/// </list>
/// Anything wrong with a file is an <see cref="InputError"/> naming it.
/// </remarks>
public static class ModelFile
{
    public const int FormatVersion = 1;
    const string ParameterLayout = "per dense layer: weights [inputs][outputs] row-major float32, then bias [outputs]";
    static readonly byte[] Magic = "CHMLP\r\n\x1a"u8.ToArray();
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>The JSON header; its property names in the file are snake_case.</summary>
    public sealed record Header(
        int FormatVersion, int[] Widths, float Dropout, string Activation, string ParameterLayout, int ParameterCount,
        float LearningRate, float WeightDecay, int BatchSize, int Epochs, int Seed, Preprocessing Preprocessing);

    public static void Save(string path, MlpRegressor regressor, Preprocessing preprocessing)
    {
        var network = regressor.Network ?? throw new InvalidOperationException("only a fitted model can be saved");
        var header = new Header(FormatVersion, network.Widths, network.DropoutRate, "relu", ParameterLayout,
            network.Parameters.Length, regressor.LearningRate, regressor.WeightDecay, regressor.BatchSize,
            regressor.Epochs, regressor.Seed, preprocessing);
        byte[] headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        using var stream = File.Create(path);
        stream.Write(Magic);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)headerBytes.Length);
        stream.Write(length);
        stream.Write(headerBytes);
        var parameters = new byte[network.Parameters.Length * sizeof(float)];
        for (int i = 0; i < network.Parameters.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(parameters.AsSpan(i * sizeof(float)), network.Parameters[i]);
        stream.Write(parameters);
    }

    /// <summary>Loads a model; with <paramref name="data"/>, also requires that data to be prepared as the model's was.</summary>
    public static (MlpRegressor Regressor, Preprocessing Preprocessing) Load(string path, Preprocessing? data = null)
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

        Require(bytes.Length >= Magic.Length + 4 && bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic),
            "not a CoreHole MLP model file (wrong magic bytes)");
        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Magic.Length));
        int headerStart = Magic.Length + 4;
        Require(headerLength <= bytes.Length - headerStart, "truncated model file (header)");
        Header? header;
        try { header = JsonSerializer.Deserialize<Header>(bytes.AsSpan(headerStart, (int)headerLength), Json); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable model header: {e.Message}", e); }
        Require(header is not null, "empty model header");
        Require(header!.FormatVersion == FormatVersion,
            $"model format version {header.FormatVersion}; this CoreHole reads version {FormatVersion}");
        Require(header.Widths is { Length: >= 2 } && header.Widths.All(w => w > 0), "the model header has no valid layer widths");
        Require(header.Preprocessing is { Name: not null, Parameters: not null, Grids: not null }, "the model header has no preprocessing");

        int count = 0;
        for (int i = 0; i + 1 < header.Widths.Length; i++) count += header.Widths[i] * header.Widths[i + 1] + header.Widths[i + 1];
        Require(header.ParameterCount == count,
            $"the header gives {header.ParameterCount} parameters, layers [{string.Join(", ", header.Widths)}] need {count}");
        int dataStart = headerStart + (int)headerLength;
        Require(bytes.Length - dataStart == count * sizeof(float),
            $"expected {count * sizeof(float)} bytes of parameters, found {bytes.Length - dataStart}");

        MlpRegressor settings;
        try
        {
            settings = new MlpRegressor(header.Widths[1..^1], header.LearningRate, header.WeightDecay, header.BatchSize,
                header.Epochs, header.Dropout, header.Seed);
        }
        catch (InputError e) { throw new InputError(path, null, $"invalid hyperparameters: {e.Problem}", e); }
        var network = new Network(header.Widths, header.Dropout, new SeededRandom(header.Seed), team: null);
        for (int i = 0; i < count; i++)
        {
            float value = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataStart + i * sizeof(float)));
            Require(float.IsFinite(value), $"parameter {i} is not a finite number");
            network.Parameters[i] = value;
        }
        if (data is not null) header.Preprocessing.RequireSameAs(data, path);
        return (new MlpRegressor(settings, network), header.Preprocessing);
    }
}
