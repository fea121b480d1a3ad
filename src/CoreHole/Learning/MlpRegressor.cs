namespace CoreHole.Learning;

/// <summary>
/// The paper's spectrum regressor (ReLU MLP, dropout, MSE, Adam with L2 weight decay) with scikit-learn's shape:
/// hyperparameters fixed and validated at construction, <see cref="Fit"/> to train from scratch,
/// <see cref="Predict"/> to apply. The same seed and data give bit-identical weights, for any thread count.
/// </summary>
public sealed class MlpRegressor
{
    // The paper's training settings: the defaults of every training (corehole train, reproduce, the model seam).
    public const float DefaultLearningRate = 1e-3f, DefaultDropout = 0.5f;
    public const int DefaultBatchSize = 32, DefaultEpochs = 300;
    /// <summary>Early stopping's default: epochs without a lower validation loss before a fit stops.</summary>
    public const int DefaultPatience = 20;

    Network? network;

    /// <param name="hiddenWidths">Nodes in each hidden layer, input side first (the paper used 1 to 3 layers).</param>
    /// <param name="learningRate">Adam's step size.</param>
    /// <param name="weightDecay">L2 coefficient added to the gradient as PyTorch's Adam does (paper: 1e-5 … 1e-9, 0).</param>
    /// <param name="batchSize">Samples per Adam step; the last batch of an epoch may be smaller.</param>
    /// <param name="epochs">Passes over the (reshuffled) training set, at most.</param>
    /// <param name="dropout">Drop probability after each hidden layer not linked to the output layer (paper: 0.5).</param>
    /// <param name="seed">Seeds initialisation, shuffling and dropout.</param>
    /// <param name="threads">Threads inside one training; prefer 1 and run independent trainings side by side.</param>
    public MlpRegressor(IReadOnlyList<int> hiddenWidths, float learningRate = DefaultLearningRate, float weightDecay = 0f,
        int batchSize = DefaultBatchSize, int epochs = DefaultEpochs, float dropout = DefaultDropout, int seed = 0, int threads = 1)
    {
        Require(hiddenWidths.All(w => w > 0), $"hidden layer widths must be positive, got [{string.Join(", ", hiddenWidths)}]");
        Require(float.IsFinite(learningRate) && learningRate > 0, $"learning rate must be positive, got {learningRate}");
        Require(float.IsFinite(weightDecay) && weightDecay >= 0, $"weight decay must be zero or positive, got {weightDecay}");
        Require(batchSize > 0, $"batch size must be positive, got {batchSize}");
        Require(epochs > 0, $"epochs must be positive, got {epochs}");
        Require(dropout is >= 0 and < 1, $"dropout must be in [0, 1), got {dropout}");
        Require(threads > 0, $"threads must be positive, got {threads}");
        HiddenWidths = [.. hiddenWidths];
        (LearningRate, WeightDecay, BatchSize, Epochs, Dropout, Seed, Threads) =
            (learningRate, weightDecay, batchSize, epochs, dropout, seed, threads);
    }

    internal MlpRegressor(MlpRegressor settings, Network trained) : this(settings.HiddenWidths, settings.LearningRate,
        settings.WeightDecay, settings.BatchSize, settings.Epochs, settings.Dropout, settings.Seed, settings.Threads) =>
        network = trained;

    public IReadOnlyList<int> HiddenWidths { get; }
    public float LearningRate { get; }
    public float WeightDecay { get; }
    public int BatchSize { get; }
    public int Epochs { get; }
    public float Dropout { get; }
    public int Seed { get; }
    public int Threads { get; }

    /// <summary>The trained network; null before <see cref="Fit"/>.</summary>
    internal Network? Network => network;

    /// <summary>
    /// Trains a new network on rows of <paramref name="x"/> → rows of <paramref name="y"/>. With a validation set
    /// and <paramref name="patience"/>, stops after that many epochs without a lower validation loss and keeps the
    /// best epoch's weights.
    /// </summary>
    public TrainingHistory Fit(Matrix x, Matrix y, Matrix? validationX = null, Matrix? validationY = null, int? patience = null)
    {
        RequireSamples(x, y, "training");
        Require((validationX is null) == (validationY is null), "give both validation inputs and targets, or neither");
        if (validationX is not null) RequireSamples(validationX, validationY!, "validation");
        Require(validationX is null || (validationX.Columns == x.Columns && validationY!.Columns == y.Columns),
            "validation samples must have as many values as training samples");
        Require(patience is null || (patience > 0 && validationX is not null), "early stopping needs a validation set and a positive patience");

        var random = new SeededRandom(Seed);
        using var team = Threads > 1 ? new WorkerTeam(Threads) : null;
        var net = new Network([x.Columns, .. HiddenWidths, y.Columns], Dropout, random, team);
        var adam = new Adam(net.Parameters, net.Gradients, LearningRate, WeightDecay);
        int batch = Math.Min(BatchSize, x.Rows);
        net.Reserve(batch);
        var target = new Matrix(batch, y.Columns);
        var order = Enumerable.Range(0, x.Rows).ToArray();
        float[] best = (float[])net.Parameters.Clone();
        var (trainingLoss, validationLoss) = (new List<double>(), new List<double>());
        int bestEpoch = 0;
        bool stoppedEarly = false;

        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            double lossSum = 0;
            for (int start = 0; start < x.Rows; start += batch)
            {
                int rows = Math.Min(batch, x.Rows - start);
                Gather(x, order.AsSpan(start, rows), net.Input);
                Gather(y, order.AsSpan(start, rows), target);
                var output = net.Forward(rows, training: true);
                lossSum += MeanSquaredError.Value(output, target, rows) * rows;
                MeanSquaredError.Gradient(output, target, net.OutputGradient, rows);
                net.Backward(rows);
                adam.Step(team);
            }
            trainingLoss.Add(lossSum / x.Rows);

            if (validationX is null) continue;
            validationLoss.Add(Loss(net, validationX, validationY!));
            if (validationLoss[^1] < validationLoss[bestEpoch] || epoch == 0)
            {
                bestEpoch = epoch;
                net.Parameters.CopyTo(best, 0);
            }
            else if (patience is int p && epoch - bestEpoch >= p)
            {
                stoppedEarly = true;
                break;
            }
        }
        if (validationX is not null) best.CopyTo(net.Parameters, 0);
        else bestEpoch = trainingLoss.Count - 1;
        network = net;
        return new TrainingHistory(trainingLoss, validationLoss, bestEpoch, stoppedEarly);
    }

    /// <summary>The network's output for each row of <paramref name="x"/> (inference mode: no dropout).</summary>
    public Matrix Predict(Matrix x) =>
        Predict(network ?? throw new InvalidOperationException("Predict needs a fitted or loaded model"), x);

    /// <summary>Mean squared error of the predictions for <paramref name="x"/> against <paramref name="y"/>.</summary>
    public double Score(Matrix x, Matrix y) =>
        Loss(network ?? throw new InvalidOperationException("Score needs a fitted or loaded model"), x, y);

    static Matrix Predict(Network net, Matrix x)
    {
        Require(x.Columns == net.Widths[0], $"the model takes {net.Widths[0]} input values per sample, got {x.Columns}");
        var result = new Matrix(x.Rows, net.Widths[^1]);
        const int chunk = 256;
        net.Reserve(Math.Min(chunk, Math.Max(x.Rows, 1)));
        for (int start = 0; start < x.Rows; start += chunk)
        {
            int rows = Math.Min(chunk, x.Rows - start);
            x.Data.AsSpan(start * x.Columns, rows * x.Columns).CopyTo(net.Input.Data);
            var output = net.Forward(rows, training: false).Data.AsSpan(0, rows * result.Columns);
            output.CopyTo(result.Data.AsSpan(start * result.Columns));
        }
        return result;
    }

    static double Loss(Network net, Matrix x, Matrix y) => MeanSquaredError.Value(Predict(net, x), y, y.Rows);

    static void Gather(Matrix source, ReadOnlySpan<int> rows, Matrix destination)
    {
        for (int i = 0; i < rows.Length; i++) source.Row(rows[i]).CopyTo(destination.Row(i));
    }

    static void RequireSamples(Matrix x, Matrix y, string what)
    {
        Require(x.Rows > 0, $"no {what} samples");
        Require(x.Rows == y.Rows, $"{x.Rows} {what} inputs but {y.Rows} targets");
    }

    static void Require(bool condition, string problem)
    {
        if (!condition) throw new InputError(problem);
    }
}
