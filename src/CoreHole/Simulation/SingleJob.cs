using System.Diagnostics;

namespace CoreHole.Simulation;

/// <summary>How one job asked for by id ended (<see cref="SingleJob.Run"/>).</summary>
public enum SingleJobOutcome
{
    /// <summary>The shared preparation (the engine's <see cref="IDftEngine.Prepare"/>) is done.</summary>
    Prepared,
    AlreadyFinished,
    Done,
    /// <summary>Another process holds the job: it is running there.</summary>
    RunningElsewhere,
    Failed,
    /// <summary>A program was stopped from outside: not a failure, the job stays to do.</summary>
    Interrupted,
}

/// <param name="Detail">The failure's reason, or the interruption's message.</param>
public sealed record SingleJobResult(string Id, SingleJobOutcome Outcome, double Seconds, string? Detail = null)
{
    /// <summary>A cluster task that did not leave its job done (or done by another) exits non-zero, so the scheduler says so.</summary>
    public bool Succeeded => Outcome is not (SingleJobOutcome.Failed or SingleJobOutcome.Interrupted);
}

/// <summary>
/// One job of a campaign by its id, as a cluster task runs it: <c>MATERIAL/gs</c>, <c>MATERIAL/site_LABEL</c>, or
/// <see cref="PrepareTask"/> for what all jobs share. A finished job is left as it is.
/// </summary>
public static class SingleJob
{
    /// <summary>The task that makes what all jobs share (pseudopotentials), which the other tasks wait for on a cluster.</summary>
    public const string PrepareTask = "pseudopotentials";

    public static SingleJobResult Run(Campaign campaign, IDftEngine engine, string id, int processes, CancellationToken cancel)
    {
        engine.RequireInstalled();
        var clock = Stopwatch.StartNew();
        if (id == PrepareTask)
        {
            engine.Prepare(campaign);
            return new SingleJobResult(id, SingleJobOutcome.Prepared, clock.Elapsed.TotalSeconds);
        }
        var job = campaign.Jobs(campaign.Materials()).FirstOrDefault(j => j.Id == id)
            ?? throw new InputError(campaign.Folder, null, $"no job '{id}' in this campaign (jobs are MATERIAL/gs and MATERIAL/site_LABEL; corehole simulate -o DIR --dry-run lists the materials)");
        if (campaign.State(job) == JobState.Done) return new SingleJobResult(id, SingleJobOutcome.AlreadyFinished, 0);
        JobState state;
        try { state = new JobRunner(campaign, processes, engine).Run(job, cancel); }
        catch (ProgramInterruptedException e) { return new SingleJobResult(id, SingleJobOutcome.Interrupted, clock.Elapsed.TotalSeconds, e.Message); }
        return state switch
        {
            JobState.Running => new SingleJobResult(id, SingleJobOutcome.RunningElsewhere, 0),
            JobState.Done => new SingleJobResult(id, SingleJobOutcome.Done, clock.Elapsed.TotalSeconds),
            _ => new SingleJobResult(id, SingleJobOutcome.Failed, clock.Elapsed.TotalSeconds, campaign.Failure(job)?.Reason),
        };
    }
}
