using CoreHole.Training;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary>Shows a search's progress: a live bar with time left on a terminal, one line per finished job otherwise (logs, nohup).</summary>
static class SearchProgress
{
    public static void Run(ISearchExecutor executor, IReadOnlyList<SearchJob> jobs, Func<SearchJob, double> cost, int alreadyDone, int total,
        CancellationToken cancel)
    {
        var costs = jobs.ToDictionary(j => j.Id, cost);
        int done = alreadyDone;
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var gate = new object();
            executor.Run(jobs, new SynchronousProgress<SearchJobResult>(r =>
            {
                lock (gate) Console.WriteLine(Line(++done, total, r));
            }), cancel);
            return;
        }
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                // Weighted by each job's work per epoch, so the time left does not jump when the large networks finish.
                var bar = ctx.AddTask($"search: {done}/{total} jobs", maxValue: Math.Max(costs.Values.Sum(), 1));
                var gate = new object();
                executor.Run(jobs, new SynchronousProgress<SearchJobResult>(r =>
                {
                    lock (gate)
                    {
                        bar.Increment(costs[r.Id]);
                        bar.Description = $"search: {++done}/{total} jobs";
                    }
                }), cancel);
            });
    }

    /// <summary>One finished job, as logs show it (here, and while following a search on a cluster).</summary>
    public static string Line(int done, int total, SearchJobResult r) =>
        $"[{DateTime.Now:HH:mm:ss}] {done}/{total} {r.Id}: validation MSE {r.ValidationMse:G4} after {r.EpochsRun} epochs, {r.Seconds:0.0} s";
}
