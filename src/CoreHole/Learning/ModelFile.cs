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
        using var stream = File.Create(path);
        HeaderedFile.Write(stream, Magic, header, [network.Parameters]);
    }

    /// <summary>Loads a model; with <paramref name="data"/>, also requires that data to be prepared as the model's was.</summary>
    public static (MlpRegressor Regressor, Preprocessing Preprocessing) Load(string path, Preprocessing? data = null)
    {
        void Require(bool condition, string problem)
        {
            if (!condition) throw new InputError(path, null, problem);
        }

        var (header, parameters) = HeaderedFile.Read<Header>(path, Magic, "CoreHole MLP model file");
        Require(header.FormatVersion == FormatVersion,
            $"model format version {header.FormatVersion}; this CoreHole reads version {FormatVersion}");
        Require(header.Widths is { Length: >= 2 } && header.Widths.All(w => w > 0), "the model header has no valid layer widths");
        Require(header.Preprocessing is { Name: not null, Parameters: not null, Grids: not null }, "the model header has no preprocessing");

        int count = 0;
        for (int i = 0; i + 1 < header.Widths.Length; i++) count += header.Widths[i] * header.Widths[i + 1] + header.Widths[i + 1];
        Require(header.ParameterCount == count,
            $"the header gives {header.ParameterCount} parameters, layers [{string.Join(", ", header.Widths)}] need {count}");
        Require(parameters.Length == count, $"expected {count * sizeof(float)} bytes of parameters, found {parameters.Length * sizeof(float)}");

        MlpRegressor settings;
        try
        {
            settings = new MlpRegressor(header.Widths[1..^1], header.LearningRate, header.WeightDecay, header.BatchSize,
                header.Epochs, header.Dropout, header.Seed);
        }
        catch (InputError e) { throw new InputError(path, null, $"invalid hyperparameters: {e.Problem}", e); }
        var network = new Network(header.Widths, header.Dropout, new SeededRandom(header.Seed), team: null);
        parameters.CopyTo(network.Parameters, 0);
        if (data is not null) header.Preprocessing.RequireSameAs(data, path);
        return (new MlpRegressor(settings, network), header.Preprocessing);
    }
}
