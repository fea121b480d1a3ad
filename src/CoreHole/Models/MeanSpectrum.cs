using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>The simplest baseline: every input gets the mean training spectrum. Skill is measured against it.</summary>
public sealed class MeanSpectrum : ISpectrumModel
{
    public const string KindName = "mean";
    float[]? mean;

    public string Kind => KindName;
    public ISpectrumModel Unfitted() => new MeanSpectrum();

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        mean = Rows.ColumnMeans(targets);
    }

    public SpectrumPrediction Predict(Matrix inputs)
    {
        var m = mean ?? throw ModelChecks.NotFitted(Kind);
        var result = new Matrix(inputs.Rows, m.Length);
        for (int i = 0; i < inputs.Rows; i++) m.CopyTo(result.Row(i));
        return SpectrumPrediction.WithoutSpread(result);
    }

    public ModelState State() => new(Kind, new Dictionary<string, double>(),
        new Dictionary<string, Matrix> { ["mean"] = new(1, (mean ?? throw ModelChecks.NotFitted(Kind)).Length, [.. mean]) });

    public static MeanSpectrum FromState(ModelState state) => new() { mean = state.Array("mean").Data };
}
