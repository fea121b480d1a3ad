using System.Diagnostics;

namespace CoreHole.Simulation;

/// <summary>What a campaign reports while it runs.</summary>
public abstract record CampaignEvent;
/// <param name="Redo">The job had finished by a method since replaced (<see cref="JobState.Outdated"/>) and runs again.</param>
public sealed record JobStarted(CampaignJob Job, int Index, int Count, double EstimatedSeconds, double RemainingSeconds, bool Redo = false) : CampaignEvent;
/// <param name="Reason">Why a job failed (QE's error) or was stopped from outside (it is then <see cref="JobState.Pending"/> again).</param>
public sealed record JobFinished(CampaignJob Job, JobState State, double WallSeconds, string? Reason) : CampaignEvent;

/// <summary>Runs a campaign's jobs, wherever: this machine now, or (later) a cluster scheduler.</summary>
public interface ICampaignExecutor
{
    /// <summary>Runs the jobs that are not finished; returns how many ended done and failed.</summary>
    (int Done, int Failed) Run(IReadOnlyList<CampaignJob> jobs, IProgress<CampaignEvent> progress, CancellationToken cancel);
}

/// <summary>
/// Runs jobs one after another on this machine, each with <c>processes</c> MPI ranks. Skips finished jobs (and failed
/// ones unless asked to retry; outdated ones are redone) and those another process on the same folder has taken meanwhile, so that several can
/// share a campaign; refits its time estimates as stages finish, and stops starting new jobs once a deadline would be
/// passed, so a run can end with every started stage finished. A program stopped from outside leaves its job to
/// do and the campaign goes on. Several failures in a row mean something
/// systematic (a missing file, a broken installation): it stops rather than fail every remaining job.
/// </summary>
public sealed class LocalExecutor(Campaign campaign, IDftEngine engine, int processes, bool retryFailed = false, DateTimeOffset? deadline = null) : ICampaignExecutor
{
    const int MaxFailuresInARow = 3;

    public (int Done, int Failed) Run(IReadOnlyList<CampaignJob> jobs, IProgress<CampaignEvent> progress, CancellationToken cancel)
    {
        var runner = new JobRunner(campaign, processes, engine);
        bool ToDo(CampaignJob job) => campaign.IsToDo(job, retryFailed);
        var todo = jobs.Where(ToDo).ToList();
        int done = 0, failed = 0, failedInARow = 0;
        // Refitted after each job this process runs (others' finished jobs count then too), not for every job it
        // skips: past the deadline the whole list is walked, and a fit reads every plan of the folder.
        var costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
        for (var i = 0; i < todo.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var job = todo[i];
            if (!ToDo(job)) continue; // another process finished or took it since the list was made
            var estimate = costs.Seconds(job, processes);
            if (deadline is { } end && DateTimeOffset.UtcNow.AddSeconds(estimate) > end)
            {
                // Cheaper jobs later in the list may still fit; this one would not finish in time.
                continue;
            }
            progress.Report(new JobStarted(job, i, todo.Count, estimate, todo.Skip(i).Sum(j => costs.Seconds(j, processes)), campaign.IsFinished(job)));
            var clock = Stopwatch.StartNew();
            JobState state;
            try { state = runner.Run(job, cancel); }
            catch (ProgramInterruptedException e)
            {
                progress.Report(new JobFinished(job, JobState.Pending, clock.Elapsed.TotalSeconds, e.Message));
                continue;
            }
            costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
            if (state == JobState.Running)
            {
                progress.Report(new JobFinished(job, state, clock.Elapsed.TotalSeconds, null));
                continue;
            }
            if (state == JobState.Done) { done++; failedInARow = 0; } else { failed++; failedInARow++; }
            var failure = state == JobState.Failed ? campaign.Failure(job)?.Reason : null;
            progress.Report(new JobFinished(job, state, clock.Elapsed.TotalSeconds, failure));
            if (failedInARow == MaxFailuresInARow)
                throw new InputError($"{MaxFailuresInARow} jobs in a row failed, the last with: {failure}; stopping the campaign (rerun with --retry-failed once fixed)");
        }
        return (done, failed);
    }
}
