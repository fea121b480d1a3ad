using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// The paper's network (<see cref="MlpRegressor"/>: linear output, dropout, Adam) behind the model seam, so that it
/// is cross-validated and compared exactly as the other models are. Fitting holds out half of the training
/// materials to stop on, as the paper halves its training data into train and validation. The paper's figures keep
/// its own file (<see cref="ModelFile"/>); a <see cref="ModelArchive"/> holds it too.
/// </summary>
public sealed class PaperMlp : ISpectrumModel
{
    public const string KindName = "paper-mlp";
    readonly MlpRegressor settings;
    MlpRegressor? fitted;

    /// <param name="patience">Epochs without a lower validation loss before stopping.</param>
    public PaperMlp(MlpRegressor settings, int patience = MlpRegressor.DefaultPatience)
    {
        ModelChecks.Require(patience > 0, $"patience must be positive, got {patience}");
        (this.settings, Patience) = (settings, patience);
    }

    /// <summary>A model file of the paper's network (<see cref="ModelFile"/>), already fitted.</summary>
    public static PaperMlp Fitted(MlpRegressor regressor, int patience = MlpRegressor.DefaultPatience) => new(regressor, patience) { fitted = regressor };

    public int Patience { get; }
    public string Kind => KindName;

    public ISpectrumModel Unfitted() => new PaperMlp(settings, Patience);

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        var (kept, held) = GroupFolds.HoldOut(groups, 0.5, new SeededRandom(settings.Seed));
        var model = new MlpRegressor(settings.HiddenWidths, settings.LearningRate, settings.WeightDecay, settings.BatchSize,
            settings.Epochs, settings.Dropout, settings.Seed);
        if (held.Length == 0) model.Fit(inputs, targets);
        else model.Fit(Rows.Select(inputs, kept), Rows.Select(targets, kept), Rows.Select(inputs, held), Rows.Select(targets, held), Patience);
        fitted = model;
    }

    public SpectrumPrediction Predict(Matrix inputs) =>
        SpectrumPrediction.WithoutSpread((fitted ?? throw ModelChecks.NotFitted(Kind)).Predict(inputs));

    public ModelState State()
    {
        var network = (fitted ?? throw ModelChecks.NotFitted(Kind)).Network!;
        var parameters = new Dictionary<string, double>
        {
            ["hidden_layers"] = settings.HiddenWidths.Count, ["learning_rate"] = settings.LearningRate, ["weight_decay"] = settings.WeightDecay,
            ["batch_size"] = settings.BatchSize, ["epochs"] = settings.Epochs, ["dropout"] = settings.Dropout, ["seed"] = settings.Seed,
            ["patience"] = Patience, ["inputs"] = network.Widths[0], ["outputs"] = network.Widths[^1],
        };
        for (int i = 0; i < settings.HiddenWidths.Count; i++) parameters[$"hidden_{i}"] = settings.HiddenWidths[i];
        return new ModelState(Kind, parameters, new Dictionary<string, Matrix> { ["parameters"] = new(1, network.Parameters.Length, network.Parameters) });
    }

    public static PaperMlp FromState(ModelState s)
    {
        int[] hidden = [.. Enumerable.Range(0, (int)s.Parameter("hidden_layers")).Select(i => (int)s.Parameter($"hidden_{i}"))];
        var settings = new MlpRegressor(hidden, (float)s.Parameter("learning_rate"), (float)s.Parameter("weight_decay"), (int)s.Parameter("batch_size"),
            (int)s.Parameter("epochs"), (float)s.Parameter("dropout"), (int)s.Parameter("seed"));
        var network = new Network([(int)s.Parameter("inputs"), .. hidden, (int)s.Parameter("outputs")], settings.Dropout, new SeededRandom(settings.Seed), team: null);
        var values = s.Array("parameters").Data;
        if (values.Length != network.Parameters.Length)
            throw new InputError($"the paper MLP has {values.Length} parameters, its layers need {network.Parameters.Length}");
        values.CopyTo(network.Parameters, 0);
        return Fitted(new MlpRegressor(settings, network), (int)s.Parameter("patience"));
    }
}
