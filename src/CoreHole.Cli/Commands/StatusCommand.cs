using System.CommandLine;
using CoreHole.Cluster;
using CoreHole.Training;
using CoreHole.Reports;
using CoreHole.Simulation;
using Spectre.Console;
using CoreHole.Paper;
using CoreHole.Datasets;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>corehole status DIR</c>: what a campaign or search folder holds (jobs done, failed, to do; the compute time a
/// campaign cost) and, when its jobs were submitted to Slurm, how each array stands there (squeue, sacct).
/// </summary>
static class StatusCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "a campaign folder (corehole simulate) or a search folder (corehole train --search)" };
        var amorphous = new Option<string>("--amorphous") { Description = "the folder of amorphous cells: campaign materials made from its structures count as amorphous SiO2", DefaultValueFactory = _ => MaterialSets.DefaultAmorphousFolder };
        var command = new Command("status", "Summarise a campaign or search folder: jobs done, failed and to do, compute time, the finished sites per set (crystalline SiO2, amorphous SiO2, transfer oxides, other oxides), and Slurm's view of submitted jobs.") { folder, amorphous };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder)!;
            var tasks = SlurmLedger.Exists(path) ? new SlurmLedger(path).Tasks() : [];
            // What each folder already reports (finished or failed jobs) is not repeated from Slurm's side.
            Func<string, bool> reported;
            if (File.Exists(Path.Combine(path, SearchFolder.SettingsFile)))
            {
                var search = SearchFolder.Open(path);
                Search(search);
                reported = id => id == SlurmSearch.FinalTask ? File.Exists(search.ModelFile) : search.Result(SearchJob.Parse(id, search.Settings.Folds)) is not null;
            }
            else
            {
                var campaign = Simulation.Campaign.Open(path, SimulateCommand.Engine.ValenceElectrons);
                Campaign(campaign, tasks);
                Sets(ReproductionSites.FromCampaigns([path], parse.GetValue(amorphous)!));
                reported = id => id.Contains('/') && campaign.State(id) is JobState.Done or JobState.Failed;
            }
            if (tasks.Count > 0) Cluster(tasks, reported);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Reads only: a task the cluster stopped is shown from Slurm's side (<see cref="Cluster"/>) until the executor's
    /// next submission or wait records its failed.json.
    /// </summary>
    static void Campaign(Campaign campaign, IReadOnlyList<SlurmTaskStatus> tasks)
    {
        var materials = campaign.Materials();
        var jobs = campaign.Jobs(materials);
        var finished = campaign.FinishedJobs().ToList();
        var records = finished.Select(f => f.Record).ToList();
        var table = new List<IReadOnlyList<string>>();
        foreach (var (kind, isCoreHole) in new[] { ("ground state", false), ("core hole (O sites)", true) })
        {
            var ofKind = jobs.Where(j => j.IsCoreHole == isCoreHole).ToList();
            var walls = records.Where(r => (r.Stage != CampaignJob.GroundStateName) == isCoreHole).Select(r => r.WallSeconds).Order().ToList();
            table.Add([kind, walls.Count.ToString(), ofKind.Count(j => campaign.State(j) == JobState.Outdated).ToString(),
                ofKind.Count(j => campaign.State(j) == JobState.Failed).ToString(),
                ofKind.Count(j => campaign.State(j) == JobState.Running).ToString(),
                ofKind.Count(j => campaign.State(j) == JobState.Pending).ToString(), $"{walls.Sum() / 3600:F2}",
                walls.Count == 0 ? "-" : $"{walls[walls.Count / 2] / 60:F1}"]);
        }
        Tables.Write(["stage", "done", "of them outdated", "failed", "running", "to do", "wall time of done (h)", "median per job (min)"], table);
        foreach (var (kind, isCoreHole) in new[] { ("ground states", false), ("core-hole sites", true) })
            if (CostModel.LeaveOneOut(finished, isCoreHole) is { } accuracy)
                AnsiConsole.MarkupLineInterpolated(
                    $"time estimates of {kind}, each from the {accuracy.Jobs - 1} others: within a factor {accuracy.RmsFactor:F2} (rms of log); worst {accuracy.Worst} at {accuracy.WorstRatio:F2}x its measured time; longest {accuracy.Longest} ({accuracy.LongestSeconds / 3600:F2} h) at {accuracy.LongestRatio:F2}x");
        var complete = materials.Count(m => campaign.Jobs([m]).All(j => campaign.State(j) == JobState.Done));
        AnsiConsole.MarkupLineInterpolated($"{materials.Count} materials planned, {complete} complete (ground state and every O site); preset {campaign.Preset.Name}");
        var slurmIds = tasks.ToDictionary(t => t.Task);
        foreach (var failure in jobs.Where(j => campaign.State(j) == JobState.Failed).Select(j => campaign.Failure(j)!))
        {
            var slurm = slurmIds.GetValueOrDefault($"{failure.Material}/{failure.Stage}") is { State: { } s } t ? $" [Slurm {t.SlurmId} {s.State}]" : "";
            AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {failure.Material}/{failure.Stage} ({failure.Program}){slurm}: {failure.Reason}");
        }
    }

    /// <summary>The finished sites as the report will sort them: the counts a dataset's README quotes.</summary>
    static void Sets(ReproductionSites sites)
    {
        Tables.Write(["set", "O sites", "structures", "core hole (h)", "ground states (h)"], sites.Summary().Select(set =>
            (IReadOnlyList<string>)[set.Set, set.Sites.ToString(), set.Structures.ToString(), $"{set.CoreHoleHours:F2}", $"{set.GroundStateHours:F2}"]));
        foreach (var note in sites.Notes.Skip(1)) AnsiConsole.MarkupLineInterpolated($"{note}");
    }

    static void Search(SearchFolder search)
    {
        var jobs = search.Jobs();
        var done = jobs.Count(j => search.Result(j) is not null);
        AnsiConsole.MarkupLineInterpolated($"search {search.Folder}: {done}/{jobs.Count} cross-validation jobs done ({search.Settings.Grid} grid, {search.Settings.Folds} folds); final model {(File.Exists(search.ModelFile) ? "written" : "not yet")}");
    }

    /// <summary>Per stage, how many tasks Slurm has in each state; then the tasks that ended badly, with their last log lines.</summary>
    static void Cluster(IReadOnlyList<SlurmTaskStatus> tasks, Func<string, bool> reported)
    {
        Tables.Write(["Slurm stage", "tasks", "states (squeue/sacct)"], tasks.GroupBy(t => t.Stage).Select(stage =>
            (IReadOnlyList<string>)[stage.Key, stage.Count().ToString(),
                string.Join(", ", stage.GroupBy(t => t.State?.State ?? "unknown to Slurm").OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))]));
        foreach (var t in tasks.Where(t => t is { InFlight: false, State.State: not "COMPLETED" } && !reported(t.Task)))
            AnsiConsole.MarkupLineInterpolated($"[yellow]{t.State!.State}[/] {t.Task} (Slurm {t.SlurmId}, exit {t.State.ExitCode}): {t.LogTail()}");
    }
}
