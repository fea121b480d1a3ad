using System.Runtime.ExceptionServices;

namespace CoreHole.Learning;

/// <summary>One independent training: a cross-validation fold or a grid point of the hyperparameter search.</summary>
public sealed record TrainingJob(
    MlpRegressor Regressor, Matrix X, Matrix Y, Matrix? ValidationX = null, Matrix? ValidationY = null, int? Patience = null);

public static class Trainings
{
    /// <summary>
    /// Fits independent regressors side by side, <paramref name="concurrency"/> at a time. This is the parallelism
    /// to use first: a training is sequential batch after batch, and its batch-32 products are too small to split
    /// across cores as well as whole trainings split (the paper's search alone is 108 combinations × 5 folds).
    /// Each result is the one a sequential fit gives.
    /// </summary>
    public static TrainingHistory[] FitAll(IReadOnlyList<TrainingJob> jobs, int concurrency)
    {
        if (concurrency < 1) throw new InputError($"concurrency must be positive, got {concurrency}");
        var histories = new TrainingHistory[jobs.Count];
        try
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, i =>
            {
                var job = jobs[i];
                histories[i] = job.Regressor.Fit(job.X, job.Y, job.ValidationX, job.ValidationY, job.Patience);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); // keep a single InputError a one-line error
        }
        return histories;
    }
}
