using System.Diagnostics;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Simulation;
using CoreHole.Spectra;

namespace CoreHole.Prediction;

/// <summary>What to predict: a structure (its ground state is computed) or an existing ground-state run, and where to write.</summary>
/// <param name="Structure">CIF or POSCAR; null when <paramref name="GroundStateRun"/> is given.</param>
/// <param name="GroundStateRun">The folder of a finished pw.x + projwfc.x run to start from instead.</param>
/// <param name="Preset">The ground state's settings: <see cref="Preset.Predict"/>, or settings changed from it.</param>
/// <param name="DomainDataset">The dataset the model was trained on, whose crystalline inputs are the domain that the
/// out-of-distribution distance is measured against when the model file records none (<see cref="PredictionDomain"/>).</param>
public sealed record StructurePredictionRequest(
    string? Structure, string? GroundStateRun, string Output, string ModelPath, string DomainDataset, Preset Preset, int Processes);

/// <summary>One O site's predicted spectrum (on <see cref="Featurizer.TargetGrid"/>), its ±1σ spread and its distance from the training domain.</summary>
public sealed record SitePrediction(GroundStateSite Site, Curve Mean, Curve Spread, OutOfDistribution.Score Domain);

/// <summary>
/// Every O site of a material predicted, and the material's spectrum: the multiplicity-weighted mean of its sites, what
/// a powder measurement sees. Its spread is the weighted mean of the sites' (their errors come from the same
/// networks, so they are taken as fully correlated rather than averaging down). <see cref="Chemistry"/> compares the
/// material with the model's training chemistry, where the model file records it.
/// </summary>
public sealed record MaterialPrediction(GroundState GroundState, LoadedModel Model, IReadOnlyList<SitePrediction> Sites,
    Curve Mean, Curve Spread, double PredictSeconds, ChemistryCheck? Chemistry);

/// <summary>
/// <c>corehole predict STRUCTURE</c>: the ground state alone (<see cref="GroundState"/>), then the model on every
/// inequivalent O site, the material spectrum, and the files of <see cref="PredictionFiles"/>.
/// </summary>
public static class StructurePrediction
{
    /// <summary>Where `corehole predict` writes the ground state it runs, inside its output folder.</summary>
    public const string GroundStateFolder = "ground-state";

    public static MaterialPrediction Run(StructurePredictionRequest request, IDftEngine engine, Action<string> progress, CancellationToken cancel = default)
    {
        // Model and domain first: a missing file fails before any DFT runs.
        var model = LoadedModel.Load(request.ModelPath);
        var domain = PredictionDomain.Of(model, request.DomainDataset);
        Directory.CreateDirectory(request.Output);
        var groundState = request.GroundStateRun is { } run ? GroundState.FromQeRun(run)
            : GroundState.Compute(request.Structure ?? throw new InputError("give a structure file or --ground-state DIR"),
                Path.Combine(request.Output, GroundStateFolder), request.Preset, request.Processes, engine, progress, cancel);
        progress($"predicting {groundState.Sites.Count} O sites with {Path.GetFileName(model.Path)} ({model.Model.Kind}, {model.Variant.Name()} input)");
        var result = Predict(groundState, model, domain);
        PredictionFiles.Write(request.Output, result);
        return result;
    }

    /// <summary>The model on every site of a ground state, and the multiplicity-weighted material spectrum.</summary>
    public static MaterialPrediction Predict(GroundState groundState, LoadedModel model, OutOfDistribution domain)
    {
        var clock = Stopwatch.StartNew();
        var rows = groundState.Sites.Select(s => model.Featurizer.Input(model.Variant, s.Pdos, groundState.Edges, s.PdosPath)).ToList();
        var inputs = new Matrix(rows.Count, rows[0].Length, [.. rows.SelectMany(r => r)]);
        var predicted = model.Model.Predict(inputs);
        var sites = groundState.Sites.Select((s, i) => new SitePrediction(s, OnTargetGrid(predicted.Mean.Row(i)), OnTargetGrid(predicted.Spread.Row(i)),
            domain.Of(inputs.Row(i), predicted.Spread.Row(i)))).ToList();
        var weights = groundState.Sites.Select(s => (double)s.Multiplicity).ToArray();
        return new MaterialPrediction(groundState, model, sites, WeightedMean(sites.Select(s => s.Mean).ToList(), weights),
            WeightedMean(sites.Select(s => s.Spread).ToList(), weights), clock.Elapsed.TotalSeconds, ChemistryCheck.Of(groundState, model.Domain));
    }

    /// <summary>The weighted mean of curves on one grid.</summary>
    public static Curve WeightedMean(IReadOnlyList<Curve> curves, IReadOnlyList<double> weights)
    {
        var sum = new double[curves[0].Count];
        for (int c = 0; c < curves.Count; c++)
            for (int j = 0; j < sum.Length; j++) sum[j] += weights[c] * curves[c].Intensities[j];
        var total = weights.Sum();
        return new Curve(curves[0].Energies, Array.ConvertAll(sum, v => v / total));
    }

    static Curve OnTargetGrid(ReadOnlySpan<float> values) =>
        new(Featurizer.TargetGrid.ToArray(), Array.ConvertAll(values.ToArray(), x => (double)x));
}
