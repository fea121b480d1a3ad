using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// Saves any <see cref="ISpectrumModel"/> with the preprocessing its data went through, and loads it back as the
/// kind the file records. Which kinds exist is the table <see cref="Kinds"/>: one line per model.
/// </summary>
/// <remarks>
/// File layout (little-endian): the 8-byte magic <c>"CHMODEL\x1a"</c>; 4 bytes: the length H of the header; H bytes:
/// a UTF-8 JSON <see cref="Header"/> (format version, kind, hyper-parameters, the name and shape of each array, the
/// preprocessing with its energy grids, and optionally the <see cref="TrainingDomain"/>'s scalars); then each array's
/// float32 values, row-major, in the header's order. A training domain's inputs are the array named
/// <see cref="DomainInputs"/>, which a reader that knows no domain passes to the model as an unused array.
/// </remarks>
public static class ModelArchive
{
    public const int FormatVersion = 1;
    public const string DomainInputs = "training_domain_inputs";
    static readonly byte[] Magic = "CHMODEL\x1a"u8.ToArray();

    /// <summary>Every model kind a file can hold, and how to rebuild it from its state.</summary>
    public static IReadOnlyDictionary<string, Func<ModelState, ISpectrumModel>> Kinds { get; } = new Dictionary<string, Func<ModelState, ISpectrumModel>>
    {
        [MeanSpectrum.KindName] = MeanSpectrum.FromState,
        [InputAsSpectrum.KindName] = InputAsSpectrum.FromState,
        [NearestNeighbours.KindName] = NearestNeighbours.FromState,
        [RidgeRegression.KindName] = RidgeRegression.FromState,
        [DeepEnsemble.KindName] = DeepEnsemble.FromState,
        [RidgeResidualEnsemble.KindName] = RidgeResidualEnsemble.FromState,
        [PaperMlp.KindName] = PaperMlp.FromState,
    };

    public sealed record ArrayShape(string Name, int Rows, int Columns);

    /// <summary>The JSON header; its property names in the file are snake_case.</summary>
    public sealed record Header(int FormatVersion, string Kind, Dictionary<string, double> Parameters, ArrayShape[] Arrays, Preprocessing Preprocessing,
        DomainHeader? Domain = null);

    /// <summary>A <see cref="TrainingDomain"/> but its inputs, which are an array.</summary>
    public sealed record DomainHeader(double DistanceScale, double SpreadScale, string[] Elements, double MinBandGapEv, double MaxBandGapEv);

    /// <summary>A model as its file holds it.</summary>
    public sealed record Archived(ISpectrumModel Model, Preprocessing Preprocessing, TrainingDomain? Domain);

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

    public static void Save(string path, ISpectrumModel model, Preprocessing preprocessing, TrainingDomain? domain = null)
    {
        var state = model.State();
        if (state.Arrays.ContainsKey(DomainInputs)) throw new InvalidOperationException($"a model's array may not be named {DomainInputs}");
        var arrays = state.Arrays.OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        if (domain is not null) arrays = [.. arrays, new(DomainInputs, domain.Inputs)];
        var domainHeader = domain is null ? null
            : new DomainHeader(domain.DistanceScale, domain.SpreadScale, [.. domain.Elements], domain.MinBandGapEv, domain.MaxBandGapEv);
        var header = new Header(FormatVersion, state.Kind, new(state.Parameters),
            [.. arrays.Select(a => new ArrayShape(a.Key, a.Value.Rows, a.Value.Columns))], preprocessing, domainHeader);
        var part = path + ".part";
        using (var stream = File.Create(part)) HeaderedFile.Write(stream, Magic, header, arrays.Select(a => a.Value.Data));
        File.Move(part, path, overwrite: true);
    }

    public static Archived Load(string path)
    {
        var (header, values) = HeaderedFile.Read<Header>(path, Magic, "CoreHole model file");
        void Require(bool condition, string problem)
        {
            if (!condition) throw new InputError(path, null, problem);
        }
        if (header is not { Kind: { } kind, Parameters: { } parameters, Arrays: { } shapes, Preprocessing: { } preprocessing })
            throw new InputError(path, null, "incomplete model header");
        Require(header.FormatVersion == FormatVersion, $"model format version {header.FormatVersion}; this CoreHole reads version {FormatVersion}");
        Require(Kinds.ContainsKey(kind), $"unknown model kind '{kind}' (known: {string.Join(", ", Kinds.Keys)})");
        var arrays = new Dictionary<string, Matrix>();
        int offset = 0;
        foreach (var shape in shapes)
        {
            Require(shape.Rows >= 0 && shape.Columns >= 0 && (long)shape.Rows * shape.Columns <= values.Length - offset,
                $"truncated model file (array '{shape.Name}')");
            arrays[shape.Name] = new Matrix(shape.Rows, shape.Columns, values[offset..(offset + shape.Rows * shape.Columns)]);
            offset += shape.Rows * shape.Columns;
        }
        Require(offset == values.Length, $"{(values.Length - offset) * sizeof(float)} bytes after the last array");
        TrainingDomain? domain = null;
        if (header.Domain is { Elements: { } elements } d)
        {
            Require(arrays.Remove(DomainInputs, out var inputs), $"a training domain without its array '{DomainInputs}'");
            domain = new TrainingDomain(inputs!, d.DistanceScale, d.SpreadScale, elements, d.MinBandGapEv, d.MaxBandGapEv);
        }
        try { return new Archived(Kinds[kind](new ModelState(kind, parameters, arrays)), preprocessing, domain); }
        catch (InputError e) { throw new InputError(path, null, e.Problem, e); }
    }
}
