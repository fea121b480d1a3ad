using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// What every spectrum predictor offers, in scikit-learn's shape: hyper-parameters fixed and validated at
/// construction, <see cref="Fit"/> to learn rows of inputs → rows of target spectra, <see cref="Predict"/> to apply,
/// and <see cref="State"/> for <see cref="ModelArchive"/> to save. Arrays in, arrays out: what the rows mean (which
/// input, which energy grid) is the caller's business, and the archive records it beside the model.
/// </summary>
public interface ISpectrumModel
{
    /// <summary>The name a model file records, so that <see cref="ModelArchive.Load"/> knows what to rebuild.</summary>
    string Kind { get; }

    /// <summary>A new, unfitted model with the same hyper-parameters (scikit-learn's clone), for cross-validation.</summary>
    ISpectrumModel Unfitted();

    /// <param name="groups">The material of each row: inner validation splits (hyper-parameters, early stopping) hold
    /// whole materials out, as the outer evaluation does, so that a choice is not tuned on near-copies.</param>
    void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups);

    SpectrumPrediction Predict(Matrix inputs);

    /// <summary>Hyper-parameters and fitted arrays; an error before <see cref="Fit"/>.</summary>
    ModelState State();
}

/// <summary>Predicted spectra, one per input row, with a per-energy spread (one standard deviation; zero for a model
/// that gives no uncertainty).</summary>
public sealed record SpectrumPrediction(Matrix Mean, Matrix Spread)
{
    public bool HasSpread => Spread.Data.Any(s => s != 0);

    public static SpectrumPrediction WithoutSpread(Matrix mean) => new(mean, new Matrix(mean.Rows, mean.Columns));
}

/// <summary>A model as a file keeps it: its kind, its numeric hyper-parameters and its named arrays.</summary>
public sealed record ModelState(string Kind, IReadOnlyDictionary<string, double> Parameters, IReadOnlyDictionary<string, Matrix> Arrays)
{
    public double Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value
        : throw new InputError($"the {Kind} model has no parameter '{name}'");

    public Matrix Array(string name) => Arrays.TryGetValue(name, out var value) ? value
        : throw new InputError($"the {Kind} model has no array '{name}'");
}
