using CoreHole.Datasets;

namespace CoreHole.Training;

/// <summary>Runs a search's unfinished jobs (the caller shows progress its own way); <paramref name="total"/> counts all jobs of the grid.</summary>
public delegate void SearchJobsRunner(SearchJobRunner runner, IReadOnlyList<SearchJob> pending, int total);

/// <summary>One model <c>corehole reproduce</c> trained: on which set and input, the search's choice and its scores.</summary>
public sealed record TrainedModelSummary(
    string Name, string Variant, string TrainedOn, int Sites, string Grid, string Hidden, string WeightDecay, double CvMeanMse,
    double CvStdMse, int Epochs, double ValidationMse, double? TestMse, double TrainingSeconds);

/// <summary>A dataset written to its file and held in memory with the file's SHA-256: the search and the final training
/// of every model trained on it take it from here rather than reading and hashing the file again.</summary>
public sealed record StoredDataset(string Path, string Sha256, Dataset Data);

/// <summary>
/// One model of a reproduction: its dataset written once (kept while its sites are unchanged, so an interrupted run
/// resumes its search), the cross-validated search over the chosen grid on the paper split, and the best combination
/// trained on the split's train part, all in <c>WORK/NAME/</c>. Jobs run here take the dataset from memory; jobs on a
/// cluster read its file.
/// </summary>
public sealed class ModelTrainer(string workFolder, string grid, SearchJobsRunner runJobs, Action<string> log)
{
    /// <summary>The search grid's name (<see cref="SearchSpace.Grid"/>).</summary>
    public string Grid => grid;

    /// <summary>The dataset file of <paramref name="name"/>, rewritten only if its sites or their vectors changed.</summary>
    public StoredDataset WriteDataset(string name, Dataset data)
    {
        var path = Path.Combine(workFolder, name + ".h5");
        Directory.CreateDirectory(workFolder);
        if (!File.Exists(path) || !SameContent(DatasetFile.Read(path), data)) DatasetFile.Write(path, data);
        return new StoredDataset(path, SearchFolder.Sha256(path), data);
    }

    public (SpectrumModel Model, TrainedModelSummary Summary, SearchSummary Search) Train(string name, StoredDataset dataset, InputVariant variant)
    {
        var settings = SearchSettings.WithDefaults(dataset.Path, dataset.Sha256, variant, Splits.Paper, grid);
        var folderPath = Path.Combine(workFolder, name);
        if (File.Exists(Path.Combine(folderPath, SearchFolder.SettingsFile)) && SearchFolder.Open(folderPath).Settings != settings)
        {
            log($"{name}: the dataset or settings changed since the last run; searching again");
            Directory.Delete(folderPath, recursive: true);
        }
        var folder = SearchFolder.Create(folderPath, settings);
        var all = folder.Jobs();
        log($"{name}: {grid} search, {all.Count / settings.Folds} combinations x {settings.Folds} folds on {variant.Name()} input, {all.Count(j => folder.Result(j) is not null)} jobs already done");
        var (search, report) = SearchAndTrain(folder, runJobs, dataset.Data);
        var best = search.Best;
        log($"{name}: best {best.Combination} (CV MSE {best.Mean:G4}); trained {report.EpochsRun} epochs, validation MSE {report.ValidationMse:G4}"
            + (report.TestMse is { } t ? $", test MSE {t:G4}" : ""));
        var summary = new TrainedModelSummary(name, variant.Name(), Path.GetFileNameWithoutExtension(dataset.Path),
            report.TrainSamples + report.ValidationSamples + report.TestSamples, grid, best.Combination.HiddenText,
            best.Combination.WeightDecayText, best.Mean, best.Std, report.EpochsRun, report.ValidationMse, report.TestMse, report.Seconds);
        return (SpectrumModel.Load(folder.ModelFile, variant), summary, search);
    }

    /// <summary>
    /// A search to its end, as <c>corehole train --search</c> and each model of a reproduction run it: the unfinished
    /// jobs (by <paramref name="runJobs"/>, here or on a cluster), the table of folds (cv-results.csv), and the best
    /// combination trained on the split's train part and saved into the folder.
    /// </summary>
    /// <param name="loaded">The folder's dataset when the caller holds it already: not read again.</param>
    public static (SearchSummary Search, FinalTrainingReport Report) SearchAndTrain(SearchFolder folder, SearchJobsRunner runJobs, Dataset? loaded = null)
    {
        var all = folder.Jobs();
        runJobs(new SearchJobRunner(folder, loaded), [.. all.Where(j => folder.Result(j) is null)], all.Count);
        var search = SearchSummary.Of(folder);
        search.WriteCsv(folder.ResultsCsv);
        return (search, FinalTraining.RunAndSave(folder, search.Best.Combination, loaded));
    }

    static bool SameContent(Dataset a, Dataset b) =>
        a.Records.Select(r => r.Id).SequenceEqual(b.Records.Select(r => r.Id)) && a.Featurizer == b.Featurizer && a.SplitSeed == b.SplitSeed
        && a.Targets.Data.AsSpan().SequenceEqual(b.Targets.Data) && InputVariants.All.All(v => a.Inputs[v].Data.AsSpan().SequenceEqual(b.Inputs[v].Data));
}
