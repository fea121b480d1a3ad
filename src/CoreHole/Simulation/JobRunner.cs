namespace CoreHole.Simulation;

/// <summary>
/// Runs one campaign job to completion in its own scratch folder and records the outcome as files: stage.json when it
/// finished, failed.json (with QE's error text) when a program failed. The same code runs a job on this machine or
/// inside a cluster job, so every executor gets the same folders.
/// Cancelling (CoreHole asked to stop) kills the running program and records nothing: the job stays to do. So does a
/// program stopped from outside (<see cref="QeRunInterruptedException"/>): it is reported, and the next run redoes it.
/// A job another process holds is not touched: <see cref="JobState.Running"/>.
/// </summary>
public sealed class JobRunner(Campaign campaign, int processes, QeProgramRunner runner)
{
    public JobState Run(CampaignJob job, CancellationToken cancel = default)
    {
        var stage = campaign.StageFolder(job);
        using var claim = CampaignLock.TryClaim(stage);
        if (claim is null) return JobState.Running;
        // Claimed: whatever another process did to it before is over, and it may have finished it.
        if (File.Exists(Path.Combine(stage, StageRecord.FileName))) return JobState.Done;
        var plan = PlanFile.Read(Path.Combine(campaign.MaterialFolder(job.Material), "plan.json"));
        var work = campaign.WorkFolder(job);
        KillOrphan(work);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        // A stage folder without stage.json holds a previous attempt's partial files: start it afresh.
        if (Directory.Exists(stage)) Directory.Delete(stage, recursive: true);
        Directory.CreateDirectory(stage);

        var context = new StageContext(plan, campaign.Preset, processes, campaign.Pseudopotentials(runner), runner, work, stage, cancel);
        try
        {
            var record = job.Site is null ? GroundStateStage.Run(context) : CoreHoleStage.Run(context, job.Site);
            record.Write(stage);
            Directory.Delete(work, recursive: true);
            return JobState.Done;
        }
        catch (QeRunInterruptedException)
        {
            Directory.Delete(stage, recursive: true);
            throw;
        }
        catch (QeRunFailedException e)
        {
            new StageFailure(job.Material, job.Stage, e.Run.Program, e.Reason, DateTimeOffset.UtcNow).Write(stage);
            return JobState.Failed;
        }
    }

    /// <summary>
    /// Generates every pseudopotential the campaign's materials need, and the core orbital, before any job runs: on a
    /// cluster this is one small job the arrays wait for, so that a broken ld1.x fails once rather than in every task.
    /// </summary>
    public void PreparePseudopotentials()
    {
        var library = campaign.Pseudopotentials(runner);
        foreach (var element in campaign.Materials().SelectMany(m => m.Primitive.Atoms.Select(a => a.Element)).Distinct())
            library.Get(element);
        library.CoreWavefunction();
    }

    /// <summary>A hard-killed campaign leaves its mpirun running; its pid file lets the next run stop it before reusing the folder.</summary>
    static void KillOrphan(string work)
    {
        var pidFile = Path.Combine(work, QeProgramRunner.PidFileName);
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
