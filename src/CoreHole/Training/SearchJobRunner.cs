using System.Diagnostics;
using CoreHole.Datasets;

namespace CoreHole.Training;

/// <summary>
/// Runs one search job from the folder's state alone and checkpoints it: reads the dataset named in search.json
/// (refusing one whose checksum changed), fits the combination on the fold with early stopping on the fold's own
/// sites, and writes jobs/ID.json. The same code runs a job inside this process's executor or alone in a cluster
/// job, so every executor leaves the same files. Each job is seeded by the search seed and its fold, and a fit is
/// bit-identical for the same seed and data, so a job gives the same result whenever and wherever it runs.
/// </summary>
public sealed class SearchJobRunner
{
    readonly SearchFolder folder;
    readonly Lazy<CrossValidationData> data;

    /// <param name="loaded">The folder's dataset when the caller holds it already (the one its settings name): not read again.</param>
    public SearchJobRunner(SearchFolder folder, Dataset? loaded = null)
    {
        this.folder = folder;
        data = new Lazy<CrossValidationData>(() => new CrossValidationData(loaded ?? LoadDataset(folder.Settings), folder.Settings));
    }

    public SearchFolder Folder => folder;

    public CrossValidationData Data => data.Value;

    public SearchJobResult Run(SearchJob job)
    {
        var (x, y, validX, validY) = Data.Fold(job.Fold);
        var settings = folder.Settings;
        var clock = Stopwatch.StartNew();
        var history = settings.Regressor(job.Combination, settings.Seed + job.Fold).Fit(x, y, validX, validY, settings.Patience);
        int[] widths = [x.Columns, .. job.Combination.Hidden, y.Columns];
        int epochs = history.TrainingLoss.Count;
        double flops = epochs * (x.Rows * NetworkFlops.Training(widths) + validX.Rows * NetworkFlops.Forward(widths));
        var result = new SearchJobResult(job.Id, job.Combination.Index, job.Fold, history.ValidationLoss[history.BestEpoch],
            history.BestEpoch, epochs, history.StoppedEarly, x.Rows, validX.Rows, flops, clock.Elapsed.TotalSeconds);
        folder.Save(result);
        return result;
    }

    /// <summary>The dataset a search names, checked against the checksum it was started with.</summary>
    public static Dataset LoadDataset(SearchSettings settings)
    {
        if (File.Exists(settings.Dataset) && SearchFolder.Sha256(settings.Dataset) != settings.DatasetSha256)
            throw new InputError(settings.Dataset, null, "the dataset changed since the search started (its SHA-256 differs); start a new search folder");
        return DatasetFile.Read(settings.Dataset);
    }
}
