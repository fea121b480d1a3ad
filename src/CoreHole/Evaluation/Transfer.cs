using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// The baselines where a model is applied outside its cross-validation: each fitted on the rows the model was trained
/// on, then predicting the rows the model predicted (a test part, the amorphous sites, the oxides of Fig. 4).
/// </summary>
public static class Transfer
{
    /// <summary>Each baseline's name, kind and predictions for <paramref name="rows"/>, fitted on <paramref name="training"/>.</summary>
    public static IReadOnlyList<(string Name, string Kind, Matrix Predicted)> Baselines(Matrix inputs, Matrix conductionInputs, Matrix targets,
        IReadOnlyList<string> materials, int[] training, int[] rows, int seed)
    {
        var groups = training.Select(i => materials[i]).ToArray();
        return [.. Comparison.Baselines(seed).Select(b =>
        {
            var x = b.OnConductionInput ? conductionInputs : inputs;
            b.Model.Fit(Rows.Select(x, training), Rows.Select(targets, training), groups);
            return (b.Name, b.Model.Kind, b.Model.Predict(Rows.Select(x, rows)).Mean);
        })];
    }

    /// <summary>Per predictor, the model first: the MSE of each of <paramref name="rows"/>, the baselines fitted on <paramref name="training"/>.</summary>
    public static IReadOnlyList<(string Name, double[] Mse)> Errors(string modelName, SpectrumPrediction modelPrediction, Matrix inputs,
        Matrix conductionInputs, Matrix targets, IReadOnlyList<string> materials, int[] training, int[] rows, int seed)
    {
        var heldTargets = Rows.Select(targets, rows);
        double[] Of(Matrix predicted) => [.. Enumerable.Range(0, rows.Length).Select(i => Rows.MeanSquaredDifference(predicted.Row(i), heldTargets.Row(i)))];
        return [(modelName, Of(Rows.Select(modelPrediction.Mean, rows))),
            .. Baselines(inputs, conductionInputs, targets, materials, training, rows, seed).Select(b => (b.Name, Of(b.Predicted)))];
    }
}
