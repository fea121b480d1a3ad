using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// CoreHole's default predictor: a deep ensemble of small ReLU networks on standardised inputs, each ending in a
/// <see cref="SmoothNonNegativeOutput"/> (so every prediction is ≥ 0 and as smooth as the σ = 0.5 eV targets), each
/// trained full-batch with Adam and stopped early on its own held-out fifth of the training materials.
/// The prediction is the members' mean; its per-energy spread is their standard deviation times
/// <see cref="SpreadScale"/> (fitted on held-out folds by the evaluation, 1 until then).
/// </summary>
/// <remarks>
/// How it differs from the paper's MLP (<see cref="MlpRegressor"/>), and why (docs/learning.md has the numbers):
/// the output layer (the paper's is linear, whose spectra are jagged and go negative); one hidden layer of
/// <see cref="Hidden"/> = 64 instead of 128-1024 (the data are 200 sites, not thousands); standardised inputs;
/// early stopping on held-out materials; and several members, whose spread is the uncertainty.
/// </remarks>
public sealed class DeepEnsemble : IEnsembleModel
{
    public const string KindName = "ensemble";
    InputStandardisation? standardisation;
    float[][]? members;
    int outputs;

    public DeepEnsemble(int members = 5, int hidden = 64, int epochs = 1500, float learningRate = 3e-3f, float weightDecay = 1e-4f,
        double outputSigmaPoints = 5, double validationFraction = 0.2, int seed = 0, double spreadScale = 1)
    {
        MemberTraining.RequireValid(members, hidden, epochs, learningRate, weightDecay, outputSigmaPoints, validationFraction, spreadScale);
        (Members, Hidden, Epochs, LearningRate, WeightDecay, OutputSigmaPoints, ValidationFraction, Seed, SpreadScale) =
            (members, hidden, epochs, learningRate, weightDecay, outputSigmaPoints, validationFraction, seed, spreadScale);
    }

    public int Members { get; }
    public int Hidden { get; }
    public int Epochs { get; }
    public float LearningRate { get; }
    public float WeightDecay { get; }
    /// <summary>σ of the output Gaussians in grid points (5 = 0.5 eV on the 0.1 eV target grid).</summary>
    public double OutputSigmaPoints { get; }
    /// <summary>Share of the training materials each member holds out to stop on.</summary>
    public double ValidationFraction { get; }
    public int Seed { get; }
    public double SpreadScale { get; }

    public string Kind => KindName;
    public ISpectrumModel Unfitted() => WithSpreadScale(SpreadScale);

    /// <summary>An unfitted copy whose spread is multiplied by <paramref name="scale"/> (a calibration).</summary>
    public DeepEnsemble WithSpreadScale(double scale) =>
        new(Members, Hidden, Epochs, LearningRate, WeightDecay, OutputSigmaPoints, ValidationFraction, Seed, scale);

    IEnsembleModel IEnsembleModel.WithSpreadScale(double scale) => WithSpreadScale(scale);

    MemberTraining Training => new(Hidden, Epochs, LearningRate, WeightDecay);

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        standardisation = InputStandardisation.Of(inputs);
        var x = standardisation.Apply(inputs);
        outputs = targets.Columns;
        var startBias = Array.ConvertAll(Rows.ColumnMeans(targets), m => SmoothNonNegativeOutput.InverseSoftplus(Math.Max(m, 1e-3f)));
        var head = new SmoothNonNegativeOutput(outputs, OutputSigmaPoints);
        members = [.. Enumerable.Range(0, Members).Select(m =>
        {
            var random = new SeededRandom(Seed * 1000L + m);
            var (train, validation) = GroupFolds.HoldOut(groups, ValidationFraction, random);
            return Training.Train(x, targets, train, validation, startBias, head, random);
        })];
    }

    public SpectrumPrediction Predict(Matrix inputs)
    {
        if (members is null || standardisation is null) throw ModelChecks.NotFitted(Kind);
        ModelChecks.RequireWidth(inputs, standardisation.Mean.Length, Kind);
        var x = standardisation.Apply(inputs);
        var head = new SmoothNonNegativeOutput(outputs, OutputSigmaPoints);
        return MemberTraining.MeanAndSpread([.. members.Select(p => Training.Predict(p, head, x, outputs))], SpreadScale);
    }

    public ModelState State()
    {
        if (members is null) throw ModelChecks.NotFitted(Kind);
        var arrays = new Dictionary<string, Matrix>
        {
            ["input_mean"] = new(1, standardisation!.Mean.Length, standardisation.Mean), ["input_scale"] = new(1, standardisation.Scale.Length, standardisation.Scale),
        };
        for (int m = 0; m < members.Length; m++) arrays[$"member_{m}"] = new(1, members[m].Length, members[m]);
        return new ModelState(Kind, new Dictionary<string, double>
        {
            ["members"] = Members, ["hidden"] = Hidden, ["epochs"] = Epochs, ["learning_rate"] = LearningRate,
            ["weight_decay"] = WeightDecay, ["output_sigma_points"] = OutputSigmaPoints, ["validation_fraction"] = ValidationFraction,
            ["seed"] = Seed, ["spread_scale"] = SpreadScale, ["outputs"] = outputs,
        }, arrays);
    }

    public static DeepEnsemble FromState(ModelState s)
    {
        var model = new DeepEnsemble((int)s.Parameter("members"), (int)s.Parameter("hidden"), (int)s.Parameter("epochs"),
            (float)s.Parameter("learning_rate"), (float)s.Parameter("weight_decay"), s.Parameter("output_sigma_points"),
            s.Parameter("validation_fraction"), (int)s.Parameter("seed"), s.Parameter("spread_scale"));
        model.outputs = (int)s.Parameter("outputs");
        model.standardisation = new(s.Array("input_mean").Data, s.Array("input_scale").Data);
        int expected = model.Training.ParameterCount(model.standardisation.Mean.Length, model.outputs);
        model.members = [.. Enumerable.Range(0, model.Members).Select(m => s.Array($"member_{m}").Data)];
        if (model.members.Any(p => p.Length != expected))
            throw new InputError($"an ensemble member has the wrong number of parameters (expected {expected})");
        return model;
    }
}
