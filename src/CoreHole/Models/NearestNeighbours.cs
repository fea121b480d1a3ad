using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// k nearest neighbours in input space (Euclidean): the prediction is the mean spectrum of the k training inputs
/// closest to the input. k is chosen from <see cref="CandidateK"/> by group cross-validation on the training data.
/// </summary>
public sealed class NearestNeighbours : ISpectrumModel
{
    public const string KindName = "knn";
    Matrix? inputs, targets;

    public NearestNeighbours(IReadOnlyList<int>? candidateK = null, int innerFolds = 4, int seed = 0)
    {
        CandidateK = [.. candidateK ?? [1, 2, 3, 5, 8, 12]];
        ModelChecks.Require(CandidateK.Count > 0 && CandidateK.All(k => k > 0), $"k must be positive, got [{string.Join(", ", CandidateK)}]");
        (InnerFolds, Seed) = (innerFolds, seed);
    }

    public IReadOnlyList<int> CandidateK { get; }
    public int InnerFolds { get; }
    public int Seed { get; }
    /// <summary>The k chosen by <see cref="Fit"/>.</summary>
    public int K { get; private set; }

    public string Kind => KindName;
    public ISpectrumModel Unfitted() => new NearestNeighbours(CandidateK, InnerFolds, Seed);

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        var usable = CandidateK.Where(k => k <= inputs.Rows).DefaultIfEmpty(inputs.Rows).ToList();
        K = GroupFolds.SelectByCrossValidation(usable, inputs, targets, groups, InnerFolds, Seed,
            (k, x, y, held) => Average(x, y, held, Math.Min(k, x.Rows)));
        (this.inputs, this.targets) = (inputs, targets);
    }

    public SpectrumPrediction Predict(Matrix x)
    {
        if (inputs is null || targets is null) throw ModelChecks.NotFitted(Kind);
        ModelChecks.RequireWidth(x, inputs.Columns, Kind);
        return SpectrumPrediction.WithoutSpread(Average(inputs, targets, x, K));
    }

    /// <summary>For each row of <paramref name="query"/>, the mean target of its <paramref name="k"/> nearest training rows (ties: the earlier row).</summary>
    static Matrix Average(Matrix trainX, Matrix trainY, Matrix query, int k)
    {
        var result = new Matrix(query.Rows, trainY.Columns);
        var distances = new double[trainX.Rows];
        for (int q = 0; q < query.Rows; q++)
        {
            for (int i = 0; i < trainX.Rows; i++) distances[i] = Rows.SquaredDistance(trainX.Row(i), query.Row(q));
            var row = result.Row(q);
            foreach (var i in Enumerable.Range(0, trainX.Rows).OrderBy(i => distances[i]).Take(k))
                for (int j = 0; j < row.Length; j++) row[j] += trainY[i, j] / k;
        }
        return result;
    }

    public ModelState State() => new(Kind,
        new Dictionary<string, double> { ["k"] = K, ["inner_folds"] = InnerFolds, ["seed"] = Seed },
        new Dictionary<string, Matrix> { ["inputs"] = inputs ?? throw ModelChecks.NotFitted(Kind), ["targets"] = targets! });

    public static NearestNeighbours FromState(ModelState state)
    {
        int k = (int)state.Parameter("k");
        return new NearestNeighbours([k], (int)state.Parameter("inner_folds"), (int)state.Parameter("seed"))
        {
            K = k, inputs = state.Array("inputs"), targets = state.Array("targets"),
        };
    }
}
