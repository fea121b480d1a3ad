using CoreHole.Simulation;

namespace CoreHole.Cluster;

/// <summary>
/// Runs a campaign's jobs as Slurm job arrays: one small job generating the pseudopotentials, then an array of ground
/// states and an array of core-hole sites, both <c>afterok</c> on it. Each task is <c>corehole simulate --job ID</c>,
/// the same <see cref="JobRunner"/> as on this machine, writing into the shared campaign folder. Submitting again
/// skips what is finished or still queued, so jobs that died or were cancelled are the only ones resubmitted.
/// <see cref="Run"/> then follows the arrays until they end, reporting each job as its folder is finished.
/// </summary>
public sealed class SlurmCampaignExecutor(Campaign campaign, int processes, bool retryFailed, SlurmOptions options,
    TimeSpan? pollInterval = null) : ICampaignExecutor
{
    const string PrepareStage = "pseudopotentials";
    SlurmLedger Ledger { get; } = new(campaign.Folder);
    IReadOnlyList<CampaignJob>? _watched;

    /// <summary>Submits the jobs neither finished nor queued, outdated ones too (failed ones too with retryFailed); returns the arrays submitted.</summary>
    public IReadOnlyList<SlurmSubmission> Submit(IReadOnlyList<CampaignJob> jobs)
    {
        var tasks = Ledger.Tasks();
        RecordClusterFailures(campaign, tasks);
        var queued = tasks.Where(t => t.InFlight).Select(t => t.Task).ToHashSet();
        var todo = jobs.Where(j => !queued.Contains(j.Id) && campaign.IsToDo(j, retryFailed)).ToList();
        _watched = [.. jobs.Where(j => queued.Contains(j.Id) || todo.Contains(j))];
        return Ledger.Submit(Stages(todo), options, tasks);
    }

    /// <summary>Follows the jobs <see cref="Submit"/> queued (submitting first if it was not called) until none is queued or running.</summary>
    public (int Done, int Failed) Run(IReadOnlyList<CampaignJob> jobs, IProgress<CampaignEvent> progress, CancellationToken cancel)
    {
        if (_watched is null) Submit(jobs);
        return Follow(_watched!, progress, cancel);
    }

    IEnumerable<SlurmStage> Stages(IReadOnlyList<CampaignJob> todo)
    {
        if (todo.Count == 0) yield break;
        var command = $"{Shell.CoreHoleCommand()} simulate -o {Shell.Quote(campaign.Folder)} --np {processes} --job \"$task\"";
        yield return new SlurmStage(PrepareStage, [SingleJob.PrepareTask], command, new SlurmResources(1, 1000, TimeSpan.FromMinutes(10)), []);
        var finished = campaign.FinishedJobs().ToList();
        var costs = new CostModel(finished, campaign.Preset);
        foreach (var (name, isCoreHole) in new[] { ("gs", false), ("site", true) })
        {
            var ofKind = todo.Where(j => j.IsCoreHole == isCoreHole).ToList();
            if (ofKind.Count == 0) continue;
            // Peak memory measured per process on finished stages of this kind; 2 GB per process before any.
            var measured = finished.Where(f => f.Job.IsCoreHole == isCoreHole).Select(f => (double)f.Record.MaxRssBytes).DefaultIfEmpty(0).Max();
            var memory = measured > 0 ? SlurmResources.GenerousMemoryMb(measured * processes) : 2000 * processes;
            var time = SlurmResources.Generous(ofKind.Max(j => costs.Seconds(j, processes)));
            yield return new SlurmStage(name, [.. ofKind.Select(j => j.Id)], command, new SlurmResources(processes, memory, time), [PrepareStage]);
        }
    }

    (int Done, int Failed) Follow(IReadOnlyList<CampaignJob> watched, IProgress<CampaignEvent> progress, CancellationToken cancel)
    {
        int done = 0, failed = 0;
        var started = new HashSet<string>();
        var reported = new HashSet<string>();
        var ids = watched.Select(j => j.Id).Append(SingleJob.PrepareTask).ToHashSet();
        while (true)
        {
            var tasks = Ledger.Tasks().Where(t => ids.Contains(t.Task)).ToDictionary(t => t.Task);
            RecordClusterFailures(campaign, tasks.Values);
            if (Ledger.CancelThoseThatNeverStart([.. tasks.Values]).Count > 0
                && tasks.GetValueOrDefault(SingleJob.PrepareTask) is { InFlight: false, State.State: not "COMPLETED" } prepare)
                throw new InputError(prepare.LogPath, null, $"the pseudopotential job {prepare.SlurmId} ended {prepare.State?.State ?? "unknown"}, so the arrays waiting for it were cancelled: {prepare.LogTail()}");
            var costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
            foreach (var job in watched.Where(j => !reported.Contains(j.Id)))
            {
                var task = tasks.GetValueOrDefault(job.Id);
                if (task is { InFlight: true })
                {
                    if (task.State!.State == "RUNNING" && started.Add(job.Id))
                        progress.Report(new JobStarted(job, started.Count - 1, watched.Count, costs.Seconds(job, processes),
                            watched.Where(j => !reported.Contains(j.Id)).Sum(j => costs.Seconds(j, processes)), campaign.IsFinished(job)));
                    continue;
                }
                var state = campaign.State(job);
                if (state is JobState.Pending or JobState.Running or JobState.Outdated) continue; // cancelled or lost: the next submission runs it again
                reported.Add(job.Id);
                if (state == JobState.Done) done++; else failed++;
                progress.Report(new JobFinished(job, state, StageRecord.TryRead(campaign.StageFolder(job))?.WallSeconds ?? 0,
                    campaign.Failure(job)?.Reason));
            }
            if (!tasks.Values.Any(t => t.InFlight)) return (done, failed);
            cancel.WaitHandle.WaitOne(pollInterval ?? TimeSpan.FromSeconds(5));
            cancel.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// A task the cluster stopped (time limit, memory, a crash) leaves no failed.json of its own: write one with the Slurm
    /// state and the task's last log lines, so the job shows as failed (rerun with --retry-failed, e.g. with a longer
    /// --time). Cancelled or node-failed tasks stay to do: the next submission runs them again.
    /// </summary>
    public static void RecordClusterFailures(Campaign campaign, IEnumerable<SlurmTaskStatus> tasks)
    {
        foreach (var task in tasks.Where(t => t is { InFlight: false, State.State: "FAILED" or "TIMEOUT" or "OUT_OF_MEMORY" }))
        {
            var slash = task.Task.IndexOf('/');
            if (slash < 0) continue; // the pseudopotential task has no stage folder
            var state = campaign.State(task.Task);
            if (state is not (JobState.Pending or JobState.Outdated)) continue;
            // A redo's failure goes beside the stage it would have replaced, which stays in use.
            var stage = Path.Combine(campaign.Folder, task.Task);
            new StageFailure(task.Task[..slash], task.Task[(slash + 1)..], "slurm",
                $"Slurm {task.State!.State} (exit {task.State.ExitCode}) in job {task.SlurmId}: {task.LogTail()}", DateTimeOffset.UtcNow)
                .Write(state == JobState.Outdated ? Campaign.RedoFolder(stage) : stage);
        }
    }
}
