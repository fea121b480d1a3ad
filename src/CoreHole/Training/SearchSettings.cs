using CoreHole.Datasets;
using CoreHole.Learning;

namespace CoreHole.Training;

/// <summary>
/// What a search (or a single training) is run with, besides the grid point: the dataset (by path and SHA-256), the
/// input variant, the split whose non-test sites are cross-validated, and the fixed training settings. Saved as the
/// search folder's search.json; a folder refuses to resume with different settings or a changed dataset.
/// </summary>
/// <param name="Patience">Early stopping: epochs without a lower validation loss before a fit stops (best weights kept).</param>
/// <param name="Grid">The combinations searched (<see cref="SearchSpace.Grid"/>); folders made before grids existed read as the paper's.</param>
public sealed record SearchSettings(
    string Dataset, string DatasetSha256, string Variant, string Split, int Folds, float LearningRate, int BatchSize, int Epochs,
    int Patience, float Dropout, int Seed, string Grid = SearchSpace.Paper)
{
    // The search's own defaults; the training settings' are the regressor's (MlpRegressor.Default*).
    public const int DefaultFolds = 5, DefaultSeed = 0;

    /// <summary>A search of a dataset file (its path and SHA-256) with the default training settings.</summary>
    public static SearchSettings WithDefaults(string dataset, string datasetSha256, InputVariant variant, string split, string grid) =>
        new(dataset, datasetSha256, variant.Name(), split, DefaultFolds, MlpRegressor.DefaultLearningRate,
            MlpRegressor.DefaultBatchSize, MlpRegressor.DefaultEpochs, MlpRegressor.DefaultPatience, MlpRegressor.DefaultDropout, DefaultSeed, grid);

    public InputVariant InputVariant => InputVariants.Parse(Variant);

    /// <summary>Whether the folds keep whole materials together (the group split) or deal single sites (the paper split).</summary>
    public bool FoldsByMaterial => Split == Splits.Group;

    public MlpRegressor Regressor(Combination combination, int seed) =>
        new(combination.Hidden, LearningRate, combination.WeightDecay, BatchSize, Epochs, Dropout, seed);
}
