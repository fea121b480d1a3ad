namespace CoreHole.Simulation;

/// <summary>
/// Runs one campaign job to completion in its own scratch folder and records the outcome as files: stage.json when it
/// finished, failed.json (with the program's error text) when a program failed; the <see cref="IDftEngine"/> computes
/// the stage itself. The same code runs a job on this machine or inside a cluster job, so every executor gets the same folders.
/// Cancelling (CoreHole asked to stop) kills the running program and records nothing: the job stays to do. So does a
/// program stopped from outside (<see cref="ProgramInterruptedException"/>): it is reported, and the next run redoes it.
/// A job another process holds is not touched: <see cref="JobState.Running"/>. An outdated stage
/// (<see cref="JobState.Outdated"/>) is redone in its <see cref="Campaign.RedoFolder"/> and replaced only when the redo
/// has finished; a failed redo writes its failed.json there and leaves the old stage in use.
/// </summary>
public sealed class JobRunner(Campaign campaign, int processes, IDftEngine engine)
{
    /// <summary>The file in a job's work folder naming its running program (pid and command), written by the engine's program runner.</summary>
    public const string PidFileName = "running.pid";

    public JobState Run(CampaignJob job, CancellationToken cancel = default)
    {
        var stage = campaign.StageFolder(job);
        using var claim = CampaignLock.TryClaim(stage);
        if (claim is null) return JobState.Running;
        FinishInterruptedSwap(stage);
        // Claimed: whatever another process did to it before is over, and it may have finished it.
        var finished = campaign.IsFinished(job);
        if (finished && !Campaign.IsOutdated(stage)) return JobState.Done;
        // Finished but outdated: redone beside itself and swapped in at the end; the old one stays in use meanwhile.
        var redoing = finished;
        var target = redoing ? Campaign.RedoFolder(stage) : stage;
        var plan = PlanFile.Read(Path.Combine(campaign.MaterialFolder(job.Material), "plan.json"));
        var work = campaign.WorkFolder(job);
        KillOrphan(work);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        // A folder without stage.json holds a previous attempt's partial files (or its failure): start it afresh.
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);

        try
        {
            var record = engine.Run(new StageRequest(campaign, job, plan, processes, work, target, cancel));
            record.Write(target);
            if (redoing) Swap(stage, target);
            Directory.Delete(work, recursive: true);
            return JobState.Done;
        }
        catch (ProgramInterruptedException)
        {
            Directory.Delete(target, recursive: true);
            throw;
        }
        catch (ProgramFailedException e)
        {
            new StageFailure(job.Material, job.Stage, e.Program, e.Reason, DateTimeOffset.UtcNow).Write(target);
            return JobState.Failed;
        }
    }

    /// <summary>Where <see cref="Swap"/> moves the old stage while the redo moves in.</summary>
    static string AsideFolder(string stage) => stage + ".old";

    /// <summary>Puts a finished redo in its stage's place: the old stage moves aside, the redo in, the old is deleted.</summary>
    static void Swap(string stage, string redo)
    {
        var old = AsideFolder(stage);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        Directory.Move(stage, old);
        Directory.Move(redo, stage);
        Directory.Delete(old, recursive: true);
    }

    /// <summary>
    /// A run killed inside <see cref="Swap"/> left the stage moved aside: the finished redo takes its place if it got
    /// that far, the old stage returns otherwise, so the folder always holds one whole stage.
    /// </summary>
    static void FinishInterruptedSwap(string stage)
    {
        var old = AsideFolder(stage);
        if (!Directory.Exists(old)) return;
        if (!Directory.Exists(stage))
        {
            var redo = Campaign.RedoFolder(stage);
            Directory.Move(File.Exists(Path.Combine(redo, StageRecord.FileName)) ? redo : old, stage);
        }
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>A hard-killed campaign leaves its mpirun running; its pid file lets the next run stop it before reusing the folder.</summary>
    static void KillOrphan(string work)
    {
        var pidFile = Path.Combine(work, PidFileName);
        if (!File.Exists(pidFile)) return;
        var fields = File.ReadAllText(pidFile).Split(' ');
        if (fields.Length == 2 && int.TryParse(fields[0], out var pid) && ProcessTree.IsAlive(pid)
            && ProcessTree.CommandLine(pid).Contains(fields[1]))
        {
            try { System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true); }
            catch (ArgumentException) { } // ended meanwhile
        }
    }
}
