using System.CommandLine;
using CoreHole.Simulation;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole status DIR</c>: what a campaign folder holds, per stage kind, with the compute time it cost.</summary>
static class StatusCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "a campaign folder made by corehole simulate" };
        var command = new Command("status", "Summarise a simulation campaign folder: jobs done, failed and to do, and the compute time spent.") { folder };
        command.SetAction(parse =>
        {
            var campaign = Campaign.Open(parse.GetValue(folder)!);
            var materials = campaign.Materials();
            var jobs = Campaign.Jobs(materials);
            var records = campaign.FinishedStages().ToList();
            var table = new Table().AddColumns("stage", "done", "failed", "to do", "wall time of done (h)", "median per job (min)");
            foreach (var (kind, isCoreHole) in new[] { ("ground state", false), ("core hole (O sites)", true) })
            {
                var ofKind = jobs.Where(j => j.IsCoreHole == isCoreHole).ToList();
                var walls = records.Where(r => (r.Stage != GroundStateStage.Name) == isCoreHole).Select(r => r.WallSeconds).Order().ToList();
                table.AddRow(kind, walls.Count.ToString(), ofKind.Count(j => campaign.State(j) == JobState.Failed).ToString(),
                    ofKind.Count(j => campaign.State(j) == JobState.Pending).ToString(), $"{walls.Sum() / 3600:F2}",
                    walls.Count == 0 ? "-" : $"{walls[walls.Count / 2] / 60:F1}");
            }
            AnsiConsole.Write(table);
            var complete = materials.Count(m => Campaign.Jobs([m]).All(j => campaign.State(j) == JobState.Done));
            AnsiConsole.MarkupLineInterpolated($"{materials.Count} materials planned, {complete} complete (ground state and every O site); preset {campaign.Preset.Name}");
            foreach (var failure in jobs.Where(j => campaign.State(j) == JobState.Failed).Select(j => StageFailure.TryRead(campaign.StageFolder(j))!))
                AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {failure.Material}/{failure.Stage} ({failure.Program}): {failure.Reason}");
            return 0;
        });
        return command;
    }
}
