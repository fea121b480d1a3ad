using CoreHole.Datasets;
using CoreHole.Learning;

namespace CoreHole.Training;

/// <summary>
/// The matrices of each cross-validation fold: the sites outside the split's test part, dealt into folds (whole
/// materials together for the group split); fold k trains on the other folds and validates on its own sites.
/// </summary>
public sealed class CrossValidationData
{
    readonly Dataset dataset;
    readonly InputVariant variant;
    readonly int[] fold;
    readonly Lazy<(Matrix X, Matrix Y, Matrix ValidX, Matrix ValidY)>[] folds;

    public CrossValidationData(Dataset dataset, SearchSettings settings)
    {
        (this.dataset, variant) = (dataset, settings.InputVariant);
        var sites = dataset.Indices(settings.Split, Part.Train, Part.Validation);
        fold = Splits.Folds(sites, dataset.Materials, settings.Folds, settings.FoldsByMaterial, settings.Seed);
        folds = [.. Enumerable.Range(0, settings.Folds).Select(k => new Lazy<(Matrix, Matrix, Matrix, Matrix)>(() => Make(k)))];
    }

    public (Matrix X, Matrix Y, Matrix ValidX, Matrix ValidY) Fold(int k) => folds[k].Value;

    public int InputWidth => dataset.Inputs[variant].Columns;
    public int OutputWidth => dataset.Targets.Columns;

    /// <summary>Training samples of fold <paramref name="k"/>: all cross-validated sites outside it.</summary>
    public int TrainingSamples(int k) => fold.Count(f => f >= 0 && f != k);

    (Matrix, Matrix, Matrix, Matrix) Make(int k)
    {
        int[] train = [.. Enumerable.Range(0, fold.Length).Where(i => fold[i] >= 0 && fold[i] != k)];
        int[] valid = [.. Enumerable.Range(0, fold.Length).Where(i => fold[i] == k)];
        var x = dataset.Inputs[variant];
        return (Dataset.Rows(x, train), Dataset.Rows(dataset.Targets, train), Dataset.Rows(x, valid), Dataset.Rows(dataset.Targets, valid));
    }
}
