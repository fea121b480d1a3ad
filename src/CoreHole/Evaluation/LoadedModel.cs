using CoreHole.Datasets;
using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// A model file of any kind (a <see cref="ModelArchive"/>, or the paper MLP's own file) with the input variant and
/// featurizer its data were prepared with, so that a dataset is checked against them before the model sees it.
/// </summary>
/// <param name="Domain">What the model was trained on, where its archive records it (<c>corehole train --ensemble</c>
/// does): <see cref="OutOfDistribution(TrainingDomain)"/> flags inputs outside it.</param>
public sealed record LoadedModel(string Path, ISpectrumModel Model, InputVariant Variant, Featurizer Featurizer, TrainingDomain? Domain = null)
{
    public static LoadedModel Load(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such model file");
        if (!ModelArchive.IsArchive(path))
        {
            var paper = SpectrumModel.Load(path);
            return new LoadedModel(path, PaperMlp.Fitted(paper.Regressor), paper.Variant, paper.Featurizer);
        }
        var archived = ModelArchive.Load(path);
        var (variant, featurizer) = Featurizer.FromDescription(archived.Preprocessing, path);
        return new LoadedModel(path, archived.Model, variant, featurizer, archived.Domain);
    }

    /// <summary>The dataset's inputs of this model's variant; an error unless the dataset was prepared exactly as the model's.</summary>
    public Matrix InputsOf(Dataset data)
    {
        Featurizer.Describe(Variant).RequireSameAs(data.Featurizer.Describe(Variant), Path);
        return data.Inputs[Variant];
    }
}
