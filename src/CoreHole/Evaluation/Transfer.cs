using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// The baselines beside the model outside the training set (the paper's amorphous test and Fig. 4's oxides): each
/// baseline fitted on every crystalline site, then every site of the other sets predicted, as the model was.
/// </summary>
public static class Transfer
{
    /// <summary>Per predictor: the MSE of each of <paramref name="sites"/> (rows of the dataset), the model first.</summary>
    public static IReadOnlyList<(string Name, double[] Mse)> Run(string modelName, SpectrumPrediction modelPrediction, Matrix inputs,
        Matrix conductionInputs, Matrix targets, IReadOnlyList<string> materials, int[] crystalline, int[] sites, int seed)
    {
        var groups = crystalline.Select(i => materials[i]).ToArray();
        var heldTargets = Rows.Select(targets, sites);
        double[] Errors(Matrix predicted) => [.. Enumerable.Range(0, sites.Length).Select(i => Rows.MeanSquaredDifference(predicted.Row(i), heldTargets.Row(i)))];
        var result = new List<(string, double[])> { (modelName, Errors(Rows.Select(modelPrediction.Mean, sites))) };
        foreach (var (name, baseline, onConduction) in Comparison.Baselines(seed))
        {
            var x = onConduction ? conductionInputs : inputs;
            baseline.Fit(Rows.Select(x, crystalline), Rows.Select(targets, crystalline), groups);
            result.Add((name, Errors(baseline.Predict(Rows.Select(x, sites)).Mean)));
        }
        return result;
    }
}
