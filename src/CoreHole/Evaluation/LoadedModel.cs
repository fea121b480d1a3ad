using CoreHole.Datasets;
using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// A model file of any kind (a <see cref="ModelArchive"/>, or the paper MLP's own file) with the input variant and
/// featurizer its data were prepared with, so that a dataset is checked against them before the model sees it.
/// </summary>
public sealed record LoadedModel(string Path, ISpectrumModel Model, InputVariant Variant, Featurizer Featurizer)
{
    public static LoadedModel Load(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such model file");
        if (!ModelArchive.IsArchive(path))
        {
            var paper = SpectrumModel.Load(path);
            return new LoadedModel(path, PaperMlp.Fitted(paper.Regressor), paper.Variant, paper.Featurizer);
        }
        var (model, preprocessing) = ModelArchive.Load(path);
        var (variant, featurizer) = Featurizer.FromDescription(preprocessing, path);
        return new LoadedModel(path, model, variant, featurizer);
    }

    /// <summary>The dataset's inputs of this model's variant; an error unless the dataset was prepared exactly as the model's.</summary>
    public Matrix InputsOf(Dataset data)
    {
        Featurizer.Describe(Variant).RequireSameAs(data.Featurizer.Describe(Variant), Path);
        return data.Inputs[Variant];
    }
}
