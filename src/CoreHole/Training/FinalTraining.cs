using CoreHole.Datasets;
using CoreHole.Learning;

namespace CoreHole.Training;

/// <summary>What the final training did: on the train part, early-stopped on the validation part, scored on the test part.</summary>
public sealed record FinalTrainingReport(
    string Variant, string Split, int[] Hidden, float WeightDecay, int TrainSamples, int ValidationSamples, int TestSamples,
    int EpochsRun, int BestEpoch, double ValidationMse, double? TestMse, double Seconds);

/// <summary>The paper's last step: fit one combination on the split's train part with early stopping on its validation part.</summary>
public static class FinalTraining
{
    /// <summary>Trains <paramref name="combination"/> on the folder's dataset and saves the model and its report into the folder.</summary>
    /// <param name="loaded">The folder's dataset when the caller holds it already: not read again.</param>
    public static FinalTrainingReport RunAndSave(SearchFolder folder, Combination combination, Dataset? loaded = null)
    {
        var data = loaded ?? SearchJobRunner.LoadDataset(folder.Settings);
        var (model, report) = Run(data, folder.Settings, combination);
        ModelFile.Save(folder.ModelFile, model, data.Featurizer.Describe(folder.Settings.InputVariant));
        folder.SaveReport(report);
        return report;
    }

    /// <summary>
    /// The same combination trained on the other split, for comparison only (nothing saved): sites of one crystal are
    /// correlated, so the paper split's test set holds near-copies of training sites and the group split's does not.
    /// </summary>
    public static FinalTrainingReport OnOtherSplit(SearchSettings settings, Combination combination)
    {
        var other = settings with { Split = Splits.Names.Single(n => n != settings.Split) };
        return Run(SearchJobRunner.LoadDataset(other), other, combination).Report;
    }

    public static (MlpRegressor Model, FinalTrainingReport Report) Run(Dataset dataset, SearchSettings settings, Combination combination)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var x = dataset.Inputs[settings.InputVariant];
        int[] train = dataset.Indices(settings.Split, Part.Train), valid = dataset.Indices(settings.Split, Part.Validation),
            test = dataset.Indices(settings.Split, Part.Test);
        if (train.Length == 0 || valid.Length == 0)
            throw new InputError(settings.Dataset, null, $"the {settings.Split} split has {train.Length} train and {valid.Length} validation sites; a training needs both");
        var (validX, validY) = (Dataset.Rows(x, valid), Dataset.Rows(dataset.Targets, valid));
        var model = settings.Regressor(combination, settings.Seed);
        var history = model.Fit(Dataset.Rows(x, train), Dataset.Rows(dataset.Targets, train), validX, validY, settings.Patience);
        double? testMse = test.Length == 0 ? null : model.Score(Dataset.Rows(x, test), Dataset.Rows(dataset.Targets, test));
        return (model, new FinalTrainingReport(settings.Variant, settings.Split, combination.Hidden, combination.WeightDecay,
            train.Length, valid.Length, test.Length, history.TrainingLoss.Count, history.BestEpoch,
            history.ValidationLoss[history.BestEpoch], testMse, clock.Elapsed.TotalSeconds));
    }
}
