using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// The baselines where a model is applied outside its cross-validation: each fitted on the rows the model was trained
/// on, then predicting the rows the model predicted (a test part, the amorphous sites, the oxides of Fig. 4).
/// </summary>
public static class Transfer
{
    /// <summary>A training set for the baselines: the model's input, the conduction input (the PDOS-as-spectrum
    /// baseline's), the targets and the material of each row.</summary>
    public sealed record TrainingSet(Matrix Inputs, Matrix Conduction, Matrix Targets, IReadOnlyList<string> Groups)
    {
        public TrainingSet Rows(int[] rows) => new(Models.Rows.Select(Inputs, rows), Models.Rows.Select(Conduction, rows),
            Models.Rows.Select(Targets, rows), [.. rows.Select(i => Groups[i])]);
    }

    /// <summary>Each baseline's name, kind and predictions for <paramref name="inputs"/> (with their conduction inputs), fitted on <paramref name="training"/>.</summary>
    public static IReadOnlyList<(string Name, string Kind, Matrix Predicted)> Baselines(TrainingSet training, Matrix inputs, Matrix conduction, int seed) =>
        [.. Comparison.Baselines(seed).Select(b =>
        {
            b.Model.Fit(b.OnConductionInput ? training.Conduction : training.Inputs, training.Targets, training.Groups);
            return (b.Name, b.Model.Kind, b.Model.Predict(b.OnConductionInput ? conduction : inputs).Mean);
        })];

    /// <summary>Per predictor, the model first: the MSE of each of <paramref name="rows"/>, the baselines fitted on <paramref name="training"/>.</summary>
    public static IReadOnlyList<(string Name, double[] Mse)> Errors(string modelName, SpectrumPrediction modelPrediction, Matrix inputs,
        Matrix conductionInputs, Matrix targets, IReadOnlyList<string> materials, int[] training, int[] rows, int seed)
    {
        var heldTargets = Rows.Select(targets, rows);
        double[] Of(Matrix predicted) => [.. Enumerable.Range(0, rows.Length).Select(i => Rows.MeanSquaredDifference(predicted.Row(i), heldTargets.Row(i)))];
        var all = new TrainingSet(inputs, conductionInputs, targets, materials);
        return [(modelName, Of(Rows.Select(modelPrediction.Mean, rows))),
            .. Baselines(all.Rows(training), Rows.Select(inputs, rows), Rows.Select(conductionInputs, rows), seed).Select(b => (b.Name, Of(b.Predicted)))];
    }
}
