using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// Ridge regression with an ensemble of small networks fitted to its residuals. λ is chosen once by group CV on all the
/// training data. Each member holds out its own share of the training materials and trains a one-hidden-layer ReLU
/// network on standardised inputs to ridge's residual on the rest, through a <see cref="SmoothLinearOutput"/> (so the
/// correction is a sum of σ = 0.5 eV Gaussians, as smooth as the targets), stopping on the held-out materials. With
/// <see cref="RidgePerMember"/> each member's ridge is fitted on its kept materials only (so the held-out residual it
/// stops on is out of sample, and the members' ridges differ); without, every member shares the ridge fitted on all the
/// training data. A member predicts max(0, ridge(x) + B·z(x)): the clip, applied at prediction only, can only bring a
/// prediction closer to a non-negative target. The prediction is the members' mean, its spread their standard
/// deviation times <see cref="SpreadScale"/>.
/// </summary>
/// <remarks>Each member is a plain feed-forward graph: a linear map (ridge), and standardisation, linear, ReLU, linear,
/// the fixed Gaussian matrix; their sum through a ReLU.</remarks>
public sealed class RidgeResidualEnsemble : IEnsembleModel
{
    public const string KindName = "ridge-residual";
    InputStandardisation? standardisation;
    (Matrix Weights, float[] Intercept)[]? ridges;
    float[][]? networks;
    int outputs;

    public RidgeResidualEnsemble(int members = 5, int hidden = 64, int epochs = 1500, float learningRate = 3e-3f, float weightDecay = 1e-4f,
        double outputSigmaPoints = 5, double validationFraction = 0.2, int seed = 0, double spreadScale = 1, bool ridgePerMember = true)
    {
        MemberTraining.RequireValid(members, hidden, epochs, learningRate, weightDecay, outputSigmaPoints, validationFraction, spreadScale);
        (Members, Hidden, Epochs, LearningRate, WeightDecay, OutputSigmaPoints, ValidationFraction, Seed, SpreadScale, RidgePerMember) =
            (members, hidden, epochs, learningRate, weightDecay, outputSigmaPoints, validationFraction, seed, spreadScale, ridgePerMember);
    }

    public int Members { get; }
    public int Hidden { get; }
    public int Epochs { get; }
    public float LearningRate { get; }
    public float WeightDecay { get; }
    public double OutputSigmaPoints { get; }
    public double ValidationFraction { get; }
    public int Seed { get; }
    public double SpreadScale { get; }
    /// <summary>Whether each member fits ridge on its own kept materials (true) or all members share one ridge (false).</summary>
    public bool RidgePerMember { get; }
    /// <summary>Ridge's λ, chosen by <see cref="Fit"/>.</summary>
    public double Lambda { get; private set; }

    public string Kind => KindName;
    public ISpectrumModel Unfitted() => WithSpreadScale(SpreadScale);

    /// <summary>An unfitted copy whose spread is multiplied by <paramref name="scale"/> (a calibration).</summary>
    public RidgeResidualEnsemble WithSpreadScale(double scale) =>
        new(Members, Hidden, Epochs, LearningRate, WeightDecay, OutputSigmaPoints, ValidationFraction, Seed, scale, RidgePerMember);

    IEnsembleModel IEnsembleModel.WithSpreadScale(double scale) => WithSpreadScale(scale);

    MemberTraining Training => new(Hidden, Epochs, LearningRate, WeightDecay);

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        var ridge = new RidgeRegression(seed: Seed);
        ridge.Fit(inputs, targets, groups);
        Lambda = ridge.Lambda;
        standardisation = InputStandardisation.Of(inputs);
        var x = standardisation.Apply(inputs);
        outputs = targets.Columns;
        var head = new SmoothLinearOutput(outputs, OutputSigmaPoints);
        var shared = RidgeRegression.Solve(inputs, targets, Lambda);
        var fitted = Enumerable.Range(0, Members).Select(m =>
        {
            var random = new SeededRandom(Seed * 1000L + m);
            var (train, validation) = GroupFolds.HoldOut(groups, ValidationFraction, random);
            var memberRidge = RidgePerMember ? RidgeRegression.Solve(Rows.Select(inputs, train), Rows.Select(targets, train), Lambda) : shared;
            var residual = Residual(targets, RidgeRegression.Apply(memberRidge, inputs));
            return (memberRidge, Training.Train(x, residual, train, validation, new float[outputs], head, random));
        }).ToArray();
        (ridges, networks) = ([.. fitted.Select(f => f.memberRidge)], [.. fitted.Select(f => f.Item2)]);
    }

    static Matrix Residual(Matrix targets, Matrix predicted)
    {
        var result = new Matrix(targets.Rows, targets.Columns);
        for (int i = 0; i < result.Data.Length; i++) result.Data[i] = targets.Data[i] - predicted.Data[i];
        return result;
    }

    public SpectrumPrediction Predict(Matrix inputs)
    {
        if (ridges is null || networks is null || standardisation is null) throw ModelChecks.NotFitted(Kind);
        ModelChecks.RequireWidth(inputs, standardisation.Mean.Length, Kind);
        var x = standardisation.Apply(inputs);
        var head = new SmoothLinearOutput(outputs, OutputSigmaPoints);
        var each = Enumerable.Range(0, Members).Select(m =>
        {
            var spectra = RidgeRegression.Apply(ridges[m], inputs);
            var correction = Training.Predict(networks[m], head, x, outputs);
            for (int i = 0; i < spectra.Data.Length; i++) spectra.Data[i] = Math.Max(0, spectra.Data[i] + correction.Data[i]);
            return spectra;
        }).ToArray();
        return MemberTraining.MeanAndSpread(each, SpreadScale);
    }

    public ModelState State()
    {
        if (ridges is null || networks is null) throw ModelChecks.NotFitted(Kind);
        var arrays = new Dictionary<string, Matrix>
        {
            ["input_mean"] = new(1, standardisation!.Mean.Length, standardisation.Mean), ["input_scale"] = new(1, standardisation.Scale.Length, standardisation.Scale),
        };
        for (int m = 0; m < Members; m++)
        {
            arrays[$"member_{m}_ridge_weights"] = ridges[m].Weights;
            arrays[$"member_{m}_ridge_intercept"] = new(1, outputs, ridges[m].Intercept);
            arrays[$"member_{m}_network"] = new(1, networks[m].Length, networks[m]);
        }
        return new ModelState(Kind, new Dictionary<string, double>
        {
            ["members"] = Members, ["hidden"] = Hidden, ["epochs"] = Epochs, ["learning_rate"] = LearningRate,
            ["weight_decay"] = WeightDecay, ["output_sigma_points"] = OutputSigmaPoints, ["validation_fraction"] = ValidationFraction,
            ["seed"] = Seed, ["spread_scale"] = SpreadScale, ["outputs"] = outputs, ["lambda"] = Lambda, ["ridge_per_member"] = RidgePerMember ? 1 : 0,
        }, arrays);
    }

    public static RidgeResidualEnsemble FromState(ModelState s)
    {
        var model = new RidgeResidualEnsemble((int)s.Parameter("members"), (int)s.Parameter("hidden"), (int)s.Parameter("epochs"),
            (float)s.Parameter("learning_rate"), (float)s.Parameter("weight_decay"), s.Parameter("output_sigma_points"),
            s.Parameter("validation_fraction"), (int)s.Parameter("seed"), s.Parameter("spread_scale"), s.Parameter("ridge_per_member") != 0)
        { Lambda = s.Parameter("lambda"), outputs = (int)s.Parameter("outputs") };
        model.standardisation = new(s.Array("input_mean").Data, s.Array("input_scale").Data);
        int inputs = model.standardisation.Mean.Length, expected = model.Training.ParameterCount(inputs, model.outputs);
        model.ridges = [.. Enumerable.Range(0, model.Members).Select(m => (s.Array($"member_{m}_ridge_weights"), s.Array($"member_{m}_ridge_intercept").Data))];
        model.networks = [.. Enumerable.Range(0, model.Members).Select(m => s.Array($"member_{m}_network").Data)];
        if (model.networks.Any(p => p.Length != expected) || model.ridges.Any(r => r.Weights.Rows != inputs || r.Weights.Columns != model.outputs || r.Intercept.Length != model.outputs))
            throw new InputError($"a {KindName} member has arrays of the wrong shape (inputs {inputs}, outputs {model.outputs})");
        return model;
    }
}
