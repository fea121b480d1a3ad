using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// The spectrum without a core hole: the input PDOS itself, returned as the prediction. It only makes sense for an
/// input on the target's grid and scale; CoreHole's conduction input is (both are sampled on the same 0.1 eV grid
/// from -1 to 15 eV, broadened by the same σ and normalised to the same unit area, the PDOS aligned at the CBM and
/// the spectrum at its threshold), so this baseline measures what the core hole changes.
/// </summary>
public sealed class InputAsSpectrum : ISpectrumModel
{
    public const string KindName = "input";
    int? width;

    public string Kind => KindName;
    public ISpectrumModel Unfitted() => new InputAsSpectrum();

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        if (inputs.Columns != targets.Columns)
            throw new InputError($"the input as spectrum needs inputs on the target grid: {inputs.Columns} input values, {targets.Columns} target values");
        width = targets.Columns;
    }

    public SpectrumPrediction Predict(Matrix inputs)
    {
        int w = width ?? throw ModelChecks.NotFitted(Kind);
        ModelChecks.RequireWidth(inputs, w, Kind);
        return SpectrumPrediction.WithoutSpread(new Matrix(inputs.Rows, w, [.. inputs.Data]));
    }

    public ModelState State() => new(Kind, new Dictionary<string, double> { ["width"] = width ?? throw ModelChecks.NotFitted(Kind) },
        new Dictionary<string, Matrix>());

    public static InputAsSpectrum FromState(ModelState state) => new() { width = (int)state.Parameter("width") };
}
