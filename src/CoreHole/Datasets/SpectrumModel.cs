using CoreHole.Learning;

namespace CoreHole.Datasets;

/// <summary>
/// A trained model file read back with the preprocessing it was trained on: its input variant and featurizer. Data is
/// prepared with that featurizer (raw PDOS files) or checked against it (datasets), so a model never sees inputs made
/// another way.
/// </summary>
public sealed class SpectrumModel
{
    SpectrumModel(string path, MlpRegressor regressor, InputVariant variant, Featurizer featurizer) =>
        (Path, Regressor, Variant, Featurizer) = (path, regressor, variant, featurizer);

    public string Path { get; }
    public MlpRegressor Regressor { get; }
    public InputVariant Variant { get; }
    public Featurizer Featurizer { get; }

    /// <param name="expectedVariant">If given, the model must have been trained on it.</param>
    public static SpectrumModel Load(string path, InputVariant? expectedVariant = null)
    {
        var (regressor, preprocessing) = ModelFile.Load(path);
        var (variant, featurizer) = Featurizer.FromDescription(preprocessing, path);
        if (expectedVariant is { } expected && expected != variant)
            throw new InputError(path, null, $"the model takes the {variant.Name()} input, not {expected.Name()}");
        return new SpectrumModel(path, regressor, variant, featurizer);
    }

    /// <summary>The dataset's inputs of this model's variant; an error unless the dataset was prepared exactly as the model's.</summary>
    public Matrix InputsOf(Dataset data)
    {
        Featurizer.Describe(Variant).RequireSameAs(data.Featurizer.Describe(Variant), Path);
        return data.Inputs[Variant];
    }

    public Matrix Predict(Matrix inputs) => Regressor.Predict(inputs);
}
