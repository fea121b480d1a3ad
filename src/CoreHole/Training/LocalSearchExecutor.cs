using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CoreHole.Training;

/// <summary>Runs a search's jobs, wherever: on this machine's cores now, or (later) through a cluster scheduler.</summary>
public interface ISearchExecutor
{
    /// <summary>Runs the jobs given (the unfinished ones), reporting each result as it is checkpointed.</summary>
    void Run(IReadOnlyList<SearchJob> jobs, IProgress<SearchJobResult> progress, CancellationToken cancel);
}

/// <summary>
/// Runs jobs side by side on this machine, <paramref name="concurrency"/> single-threaded fits at a time: whole
/// trainings parallelise better than one training's small batch products (see <see cref="Trainings.FitAll"/>).
/// The largest networks start first so that the last jobs running are short ones and no core idles at the end.
/// Cancelling starts no new job; the running ones finish and are kept.
/// </summary>
public sealed class LocalSearchExecutor(SearchJobRunner runner, int concurrency) : ISearchExecutor
{
    public void Run(IReadOnlyList<SearchJob> jobs, IProgress<SearchJobResult> progress, CancellationToken cancel)
    {
        if (concurrency < 1) throw new InputError($"concurrency must be positive, got {concurrency}");
        var largestFirst = jobs.OrderByDescending(j => Cost(j, runner.Data)).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        try
        {
            // Without buffering each worker takes the next job in order; the default partitioner hands a list out in
            // ranges, which left one core with all the large networks at the end.
            Parallel.ForEach(Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancel },
                job => progress.Report(runner.Run(job)));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); // keep a single InputError a one-line error
        }
    }

    /// <summary>The relative work of a job, before it runs: the FLOPs of one epoch (epochs are unknown until it stops).</summary>
    public static double Cost(SearchJob job, CrossValidationData data) =>
        data.TrainingSamples(job.Fold) * NetworkFlops.Training([data.InputWidth, .. job.Combination.Hidden, data.OutputWidth]);
}
