using CoreHole.Simulation;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary>Shows a campaign's progress: a live bar with time left on a terminal, one line per job otherwise (logs, nohup).</summary>
static class CampaignProgress
{
    public static (int Done, int Failed) Run(ICampaignExecutor executor, IReadOnlyList<CampaignJob> jobs)
    {
        using var cancel = StopSignals.Token();
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return executor.Run(jobs, new SynchronousProgress<CampaignEvent>(e => Console.WriteLine(Line(e))), cancel.Token);

        (int, int) result = default;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var overall = ctx.AddTask("campaign", maxValue: 1);
                var sink = new SynchronousProgress<CampaignEvent>(e =>
                {
                    if (e is JobStarted s)
                    {
                        overall.MaxValue = s.RemainingSeconds + overall.Value;
                        overall.Description = $"[bold]{Markup.Escape(s.Job.Id)}[/]{(s.Redo ? " again" : "")} ({s.Index + 1}/{s.Count}, ~{SimulateCommand.Duration(s.EstimatedSeconds)})";
                    }
                    else if (e is JobFinished f)
                    {
                        overall.Increment(f.WallSeconds);
                        AnsiConsole.MarkupLine(Markup.Escape(Line(e)));
                    }
                });
                result = executor.Run(jobs, sink, cancel.Token);
                overall.Value = overall.MaxValue;
            });
        return result;
    }

    static string Line(CampaignEvent e) => e switch
    {
        JobStarted s => $"[{DateTime.Now:HH:mm:ss}] start {s.Job.Id}{(s.Redo ? " again (outdated)" : "")} ({s.Index + 1}/{s.Count}), estimated {SimulateCommand.Duration(s.EstimatedSeconds)}, all left ~{SimulateCommand.Duration(s.RemainingSeconds)}",
        JobFinished { State: JobState.Done } f => $"[{DateTime.Now:HH:mm:ss}] done  {f.Job.Id} in {SimulateCommand.Duration(f.WallSeconds)}",
        JobFinished { State: JobState.Running } f => $"[{DateTime.Now:HH:mm:ss}] skip  {f.Job.Id}: another process took it",
        JobFinished { State: JobState.Pending } f => $"[{DateTime.Now:HH:mm:ss}] stopped {f.Job.Id}: {f.Reason}; it stays to do",
        JobFinished f => $"[{DateTime.Now:HH:mm:ss}] FAILED {f.Job.Id}: {f.Reason}",
        _ => e.ToString(),
    };
}
