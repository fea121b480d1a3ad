using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// The paper's network (<see cref="MlpRegressor"/>: linear output, dropout, Adam) behind the model seam, so that it
/// is cross-validated and compared exactly as the other models are. Fitting holds out half of the training
/// materials to stop on, as the paper halves its training data into train and validation.
/// </summary>
public sealed class PaperMlp : ISpectrumModel
{
    public const string KindName = "paper-mlp";
    readonly MlpRegressor settings;
    MlpRegressor? fitted;

    /// <param name="patience">Epochs without a lower validation loss before stopping (corehole train's default: 20).</param>
    public PaperMlp(MlpRegressor settings, int patience = 20)
    {
        ModelChecks.Require(patience > 0, $"patience must be positive, got {patience}");
        (this.settings, Patience) = (settings, patience);
    }

    /// <summary>A model file of the paper's network (<see cref="ModelFile"/>), already fitted.</summary>
    public static PaperMlp Fitted(MlpRegressor regressor, int patience = 20) => new(regressor, patience) { fitted = regressor };

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

    /// <summary>The paper's network keeps its own file format (<see cref="ModelFile"/>), which the paper's figures use.</summary>
    public ModelState State() => throw new InvalidOperationException("the paper's MLP is saved with ModelFile, not ModelArchive");
}
