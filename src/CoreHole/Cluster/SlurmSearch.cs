using System.Globalization;
using CoreHole.Training;

namespace CoreHole.Cluster;

/// <summary>
/// The cross-validation search as Slurm jobs: an array of the (combination, fold) jobs not yet finished, each
/// <c>corehole train ... --search --job ID</c> checkpointing into the shared search folder. <see cref="Submit"/> adds
/// one job (<c>afterok</c> on the array) that tabulates the folds, picks the best combination and trains the final
/// model, as the local search does; as an <see cref="ISearchExecutor"/> it runs the jobs given and follows them, and
/// the caller trains the final model (<c>corehole reproduce</c>). Submitting again skips finished and queued jobs.
/// </summary>
public sealed class SlurmSearch(SearchFolder folder, SlurmOptions options, TimeSpan? pollInterval = null) : ISearchExecutor
{
    public const string FinalTask = "final";
    const string CrossValidationStage = "cv";
    const string FinalStage = "final";
    SlurmLedger Ledger { get; } = new(folder.Folder);

    /// <summary>Every unfinished job of the search, then the final training after them.</summary>
    public IReadOnlyList<SlurmSubmission> Submit() => Submit(folder.Jobs(), withFinal: true);

    /// <summary>Submits <paramref name="jobs"/> (those neither finished nor queued) as one array, and follows them until none is queued or running.</summary>
    public void Run(IReadOnlyList<SearchJob> jobs, IProgress<SearchJobResult> progress, CancellationToken cancel)
    {
        Submit(jobs, withFinal: false);
        Follow(progress, cancel);
    }

    IReadOnlyList<SlurmSubmission> Submit(IEnumerable<SearchJob> jobs, bool withFinal)
    {
        var tasks = Ledger.Tasks();
        var queued = tasks.Where(t => t.InFlight).Select(t => t.Task).ToHashSet();
        var pending = jobs.Where(j => folder.Result(j) is null && !queued.Contains(j.Id)).Select(j => j.Id).ToList();
        var needsFinal = withFinal && (pending.Count > 0 || !File.Exists(folder.ModelFile)) && !queued.Contains(FinalTask);
        // Time limits from the longest fit measured so far (they grow with the network), 2 h before any.
        var longest = folder.Jobs().Select(folder.Result).OfType<SearchJobResult>().Select(r => r.Seconds).DefaultIfEmpty(2400).Max();
        var resources = new SlurmResources(1, 2000, SlurmResources.Generous(longest));
        var train = TrainCommandLine();
        return Ledger.Submit([
            new SlurmStage(CrossValidationStage, pending, $"{train} --job \"$task\"", resources, []),
            new SlurmStage(FinalStage, needsFinal ? [FinalTask] : [], $"{train} --jobs 1", resources, [CrossValidationStage]),
        ], options, tasks);
    }

    /// <summary>This search's <c>corehole train</c> command, every setting spelled out, for the cluster jobs to run.</summary>
    string TrainCommandLine()
    {
        var s = folder.Settings;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Shell.CoreHoleCommand()} train {Shell.Quote(s.Dataset)} -o {Shell.Quote(Path.GetFullPath(folder.Folder))} --search --variant {s.Variant} --split {s.Split} --grid {s.Grid} --folds {s.Folds} --learning-rate {s.LearningRate} --batch-size {s.BatchSize} --epochs {s.Epochs} --patience {s.Patience} --dropout {s.Dropout} --seed {s.Seed}");
    }

    bool Unfinished(string task) => task == FinalTask ? !File.Exists(folder.ModelFile)
        : folder.Result(SearchJob.Parse(task, folder.Settings.Folds)) is null;

    /// <summary>Follows the submitted jobs until none is queued or running, reporting each fold's result as it is checkpointed.</summary>
    public void Follow(IProgress<SearchJobResult> progress, CancellationToken cancel)
    {
        var reported = folder.Jobs().Where(j => folder.Result(j) is not null).Select(j => j.Id).ToHashSet();
        while (true)
        {
            foreach (var job in folder.Jobs().Where(j => !reported.Contains(j.Id)))
                if (folder.Result(job) is { } result) { reported.Add(job.Id); progress.Report(result); }
            var tasks = Ledger.Tasks();
            var stuck = Ledger.CancelThoseThatNeverStart(tasks);
            if (!tasks.Any(t => t.InFlight) || stuck.Count > 0)
            {
                var failed = tasks.Where(t => t is { InFlight: false, State.State: not "COMPLETED" } && !stuck.Contains(t) && Unfinished(t.Task)).ToList();
                if (failed.Count > 0)
                    throw new InputError(failed[0].LogPath, null, $"{failed.Count} search job(s) ended badly, e.g. {failed[0].Task} ({failed[0].SlurmId}) {failed[0].State!.State}: {failed[0].LogTail()}"
                        + (stuck.Count > 0 ? $"; the {stuck.Count} job(s) waiting for them were cancelled" : ""));
                return;
            }
            cancel.WaitHandle.WaitOne(pollInterval ?? TimeSpan.FromSeconds(5));
            cancel.ThrowIfCancellationRequested();
        }
    }
}
