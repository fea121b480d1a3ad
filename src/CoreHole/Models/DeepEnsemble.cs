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
public sealed class DeepEnsemble : ISpectrumModel
{
    public const string KindName = "ensemble";
    const int ValidationEvery = 10;
    float[]? inputMean, inputScale;
    float[][]? members;
    int outputs;

    public DeepEnsemble(int members = 5, int hidden = 64, int epochs = 1500, float learningRate = 3e-3f, float weightDecay = 1e-4f,
        double outputSigmaPoints = 5, double validationFraction = 0.2, int seed = 0, double spreadScale = 1)
    {
        ModelChecks.Require(members >= 1, $"an ensemble needs at least one member, got {members}");
        ModelChecks.Require(hidden > 0 && epochs > 0, $"hidden width and epochs must be positive, got {hidden} and {epochs}");
        ModelChecks.Require(float.IsFinite(learningRate) && learningRate > 0, $"learning rate must be positive, got {learningRate}");
        ModelChecks.Require(float.IsFinite(weightDecay) && weightDecay >= 0, $"weight decay must be zero or positive, got {weightDecay}");
        ModelChecks.Require(outputSigmaPoints > 0, $"the output smoothing must be positive, got {outputSigmaPoints} points");
        ModelChecks.Require(validationFraction is > 0 and < 1, $"the validation fraction must be in (0, 1), got {validationFraction}");
        ModelChecks.Require(spreadScale > 0 && double.IsFinite(spreadScale), $"the spread scale must be positive, got {spreadScale}");
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

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        (inputMean, inputScale) = Standardisation(inputs);
        var x = Standardised(inputs);
        outputs = targets.Columns;
        var startBias = Array.ConvertAll(Rows.ColumnMeans(targets), m => SmoothNonNegativeOutput.InverseSoftplus(Math.Max(m, 1e-3f)));
        members = [.. Enumerable.Range(0, Members).Select(m => TrainMember(x, targets, groups, startBias, new SeededRandom(Seed * 1000L + m)))];
    }

    float[] TrainMember(Matrix x, Matrix y, IReadOnlyList<string> groups, float[] startBias, SeededRandom random)
    {
        var (train, validation) = GroupFolds.HoldOut(groups, ValidationFraction, random);
        var (trainX, trainY) = (Rows.Select(x, train), Rows.Select(y, train));
        var (validationX, validationY) = (Rows.Select(x, validation), Rows.Select(y, validation));
        var net = NewNetwork(x.Columns, random);
        startBias.CopyTo(net.Parameters.AsSpan(net.Parameters.Length - outputs));
        var head = new SmoothNonNegativeOutput(outputs, OutputSigmaPoints);
        var adam = new Adam(net.Parameters, net.Gradients, LearningRate, WeightDecay);
        net.Reserve(Math.Max(train.Length, validation.Length));
        var (output, outputGradient) = (new Matrix(train.Length, outputs), new Matrix(train.Length, outputs));
        var best = (float[])net.Parameters.Clone();
        double bestLoss = double.PositiveInfinity;
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            if (validation.Length > 0 && epoch % ValidationEvery == 0)
            {
                double loss = MeanSquaredError.Value(Forward(net, head, validationX), validationY, validation.Length);
                if (loss < bestLoss) (bestLoss, best) = (loss, (float[])net.Parameters.Clone());
            }
            trainX.Data.CopyTo(net.Input.Data, 0);
            var z = net.Forward(train.Length, training: true);
            head.Forward(z, output, train.Length);
            MeanSquaredError.Gradient(output, trainY, outputGradient, train.Length);
            head.Backward(z, outputGradient, net.OutputGradient, train.Length);
            net.Backward(train.Length);
            adam.Step(team: null);
        }
        if (validation.Length == 0) return net.Parameters;
        double last = MeanSquaredError.Value(Forward(net, head, validationX), validationY, validation.Length);
        return last < bestLoss ? net.Parameters : best;
    }

    Network NewNetwork(int inputs, SeededRandom random) => new([inputs, Hidden, outputs], 0, random, team: null);

    /// <summary>The member's spectra for standardised inputs <paramref name="x"/>; reuses the network's buffers.</summary>
    static Matrix Forward(Network net, SmoothNonNegativeOutput head, Matrix x)
    {
        net.Reserve(x.Rows);
        x.Data.CopyTo(net.Input.Data, 0);
        var result = new Matrix(x.Rows, net.Widths[^1]);
        head.Forward(net.Forward(x.Rows, training: false), result, x.Rows);
        return result;
    }

    public SpectrumPrediction Predict(Matrix inputs)
    {
        if (members is null || inputMean is null) throw ModelChecks.NotFitted(Kind);
        ModelChecks.RequireWidth(inputs, inputMean.Length, Kind);
        var x = Standardised(inputs);
        var head = new SmoothNonNegativeOutput(outputs, OutputSigmaPoints);
        var each = members.Select(parameters =>
        {
            var net = NewNetwork(inputMean.Length, new SeededRandom(0));
            parameters.CopyTo(net.Parameters, 0);
            return Forward(net, head, x);
        }).ToArray();
        var (mean, spread) = (new Matrix(inputs.Rows, outputs), new Matrix(inputs.Rows, outputs));
        for (int i = 0; i < mean.Data.Length; i++)
        {
            double m = each.Average(e => (double)e.Data[i]);
            mean.Data[i] = (float)m;
            spread.Data[i] = (float)(SpreadScale * Math.Sqrt(each.Average(e => (e.Data[i] - m) * (e.Data[i] - m))));
        }
        return new SpectrumPrediction(mean, spread);
    }

    /// <summary>Per input column: mean and standard deviation, the latter floored at a tenth of the mean deviation so that
    /// a column that is (nearly) constant in training, e.g. the PDOS below the gap, is not blown up.</summary>
    static (float[] Mean, float[] Scale) Standardisation(Matrix x)
    {
        var mean = Rows.ColumnMeans(x);
        var deviation = new float[x.Columns];
        for (int j = 0; j < x.Columns; j++)
            deviation[j] = (float)Math.Sqrt(Enumerable.Range(0, x.Rows).Average(i => Math.Pow(x[i, j] - mean[j], 2)));
        float floor = Math.Max(0.1f * deviation.Average(), 1e-12f);
        return (mean, Array.ConvertAll(deviation, d => Math.Max(d, floor)));
    }

    Matrix Standardised(Matrix x)
    {
        var result = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++) result[i, j] = (x[i, j] - inputMean![j]) / inputScale![j];
        return result;
    }

    public ModelState State()
    {
        if (members is null) throw ModelChecks.NotFitted(Kind);
        var arrays = new Dictionary<string, Matrix>
        {
            ["input_mean"] = new(1, inputMean!.Length, inputMean), ["input_scale"] = new(1, inputScale!.Length, inputScale),
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
        (model.inputMean, model.inputScale) = (s.Array("input_mean").Data, s.Array("input_scale").Data);
        int expected = (model.inputMean.Length + 1) * model.Hidden + (model.Hidden + 1) * model.outputs;
        model.members = [.. Enumerable.Range(0, model.Members).Select(m => s.Array($"member_{m}").Data)];
        if (model.members.Any(p => p.Length != expected))
            throw new InputError($"an ensemble member has the wrong number of parameters (expected {expected})");
        return model;
    }
}
