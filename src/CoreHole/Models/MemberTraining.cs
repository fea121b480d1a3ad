using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// How an ensemble member's network is built and trained: inputs → one hidden ReLU layer of <see cref="Hidden"/> →
/// a linear layer z → an <see cref="IOutputHead"/>; full-batch Adam with coupled L2 weight decay for at most
/// <see cref="Epochs"/> epochs, keeping the weights of the epoch with the lowest loss on the held-out rows (checked
/// every 10 epochs).
/// </summary>
internal sealed record MemberTraining(int Hidden, int Epochs, float LearningRate, float WeightDecay)
{
    const int ValidationEvery = 10;

    /// <summary>The hyper-parameters every ensemble of such members shares, checked in one place.</summary>
    public static void RequireValid(int members, int hidden, int epochs, float learningRate, float weightDecay, double outputSigmaPoints,
        double validationFraction, double spreadScale)
    {
        ModelChecks.Require(members >= 1, $"an ensemble needs at least one member, got {members}");
        ModelChecks.Require(hidden > 0 && epochs > 0, $"hidden width and epochs must be positive, got {hidden} and {epochs}");
        ModelChecks.Require(float.IsFinite(learningRate) && learningRate > 0, $"learning rate must be positive, got {learningRate}");
        ModelChecks.Require(float.IsFinite(weightDecay) && weightDecay >= 0, $"weight decay must be zero or positive, got {weightDecay}");
        ModelChecks.Require(outputSigmaPoints > 0, $"the output smoothing must be positive, got {outputSigmaPoints} points");
        ModelChecks.Require(validationFraction is > 0 and < 1, $"the validation fraction must be in (0, 1), got {validationFraction}");
        ModelChecks.Require(spreadScale > 0 && double.IsFinite(spreadScale), $"the spread scale must be positive, got {spreadScale}");
    }

    public int ParameterCount(int inputs, int outputs) => (inputs + 1) * Hidden + (Hidden + 1) * outputs;

    /// <summary>The network's parameters after training on rows <paramref name="train"/> of (x, y), stopped on rows
    /// <paramref name="validation"/> (none: the last epoch's). <paramref name="startBias"/> is z's initial bias.</summary>
    public float[] Train(Matrix x, Matrix y, int[] train, int[] validation, float[] startBias, IOutputHead head, SeededRandom random)
    {
        int outputs = y.Columns;
        var (trainX, trainY) = (Rows.Select(x, train), Rows.Select(y, train));
        var (validationX, validationY) = (Rows.Select(x, validation), Rows.Select(y, validation));
        var net = NewNetwork(x.Columns, outputs, random);
        startBias.CopyTo(net.Parameters.AsSpan(net.Parameters.Length - outputs));
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

    /// <summary>The spectra of a trained member (its <paramref name="parameters"/>) for inputs <paramref name="x"/>.</summary>
    public Matrix Predict(float[] parameters, IOutputHead head, Matrix x, int outputs)
    {
        var net = NewNetwork(x.Columns, outputs, new SeededRandom(0));
        parameters.CopyTo(net.Parameters, 0);
        return Forward(net, head, x);
    }

    Network NewNetwork(int inputs, int outputs, SeededRandom random) => new([inputs, Hidden, outputs], 0, random, team: null);

    /// <summary>The member's spectra for inputs <paramref name="x"/>; reuses the network's buffers.</summary>
    static Matrix Forward(Network net, IOutputHead head, Matrix x)
    {
        net.Reserve(x.Rows);
        x.Data.CopyTo(net.Input.Data, 0);
        var result = new Matrix(x.Rows, net.Widths[^1]);
        head.Forward(net.Forward(x.Rows, training: false), result, x.Rows);
        return result;
    }

    /// <summary>Per energy: the members' mean, and their standard deviation times <paramref name="spreadScale"/>.</summary>
    public static SpectrumPrediction MeanAndSpread(IReadOnlyList<Matrix> each, double spreadScale)
    {
        var (mean, spread) = (new Matrix(each[0].Rows, each[0].Columns), new Matrix(each[0].Rows, each[0].Columns));
        for (int i = 0; i < mean.Data.Length; i++)
        {
            double m = each.Average(e => (double)e.Data[i]);
            mean.Data[i] = (float)m;
            spread.Data[i] = (float)(spreadScale * Math.Sqrt(each.Average(e => (e.Data[i] - m) * (e.Data[i] - m))));
        }
        return new SpectrumPrediction(mean, spread);
    }
}

/// <summary>
/// Per input column: (x − mean) / scale, the scale the standard deviation floored at a tenth of the mean deviation so
/// that a column that is (nearly) constant in training, e.g. the PDOS below the gap, is not blown up.
/// </summary>
internal sealed record InputStandardisation(float[] Mean, float[] Scale)
{
    public static InputStandardisation Of(Matrix x)
    {
        var mean = Rows.ColumnMeans(x);
        var deviation = new float[x.Columns];
        for (int j = 0; j < x.Columns; j++)
            deviation[j] = (float)Math.Sqrt(Enumerable.Range(0, x.Rows).Average(i => Math.Pow(x[i, j] - mean[j], 2)));
        float floor = Math.Max(0.1f * deviation.Average(), 1e-12f);
        return new(mean, Array.ConvertAll(deviation, d => Math.Max(d, floor)));
    }

    public Matrix Apply(Matrix x)
    {
        var result = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++) result[i, j] = (x[i, j] - Mean[j]) / Scale[j];
        return result;
    }
}
