namespace CoreHole.Learning;

/// <summary>
/// How curves were turned into the network's input and output vectors: a method name, its numeric parameters
/// (e.g. a Gaussian broadening in eV) and the energy grids the values are sampled on (e.g. "input" and "output").
/// A model file stores it, so that a prediction can refuse data prepared differently.
/// </summary>
public sealed record Preprocessing(
    string Name, IReadOnlyDictionary<string, double> Parameters, IReadOnlyDictionary<string, double[]> Grids)
{
    /// <summary>
    /// Throws an <see cref="InputError"/> naming <paramref name="modelFile"/> and the first difference unless
    /// <paramref name="data"/> was prepared exactly as the model's training data (grids to 1e-9 eV).
    /// </summary>
    public void RequireSameAs(Preprocessing data, string modelFile)
    {
        void Fail(string problem) => throw new InputError(modelFile, null, problem);

        if (data.Name != Name) Fail($"model trained on '{Name}' preprocessing, data prepared with '{data.Name}'");
        foreach (var key in Parameters.Keys.Union(data.Parameters.Keys).Order(StringComparer.Ordinal))
        {
            bool inModel = Parameters.TryGetValue(key, out double model), inData = data.Parameters.TryGetValue(key, out double given);
            if (!inModel || !inData || model != given)
                Fail($"preprocessing parameter '{key}' is {(inModel ? model : "absent")} in the model, {(inData ? given : "absent")} for the data");
        }
        foreach (var key in Grids.Keys.Union(data.Grids.Keys).Order(StringComparer.Ordinal))
        {
            if (!Grids.TryGetValue(key, out var model)) Fail($"the model has no '{key}' grid; the data have one");
            if (!data.Grids.TryGetValue(key, out var given)) Fail($"the data have no '{key}' grid; the model was trained on one");
            bool same = model!.Length == given!.Length && model.Zip(given).All(p => Math.Abs(p.First - p.Second) <= 1e-9);
            if (!same) Fail($"model trained on the '{key}' grid {Describe(model)}, data are on {Describe(given)}");
        }
    }

    static string Describe(double[] grid) => grid.Length == 0
        ? "(empty)"
        : $"{grid[0]:G6} .. {grid[^1]:G6} eV ({grid.Length} points)";
}
