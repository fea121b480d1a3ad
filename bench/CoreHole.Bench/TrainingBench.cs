using System.Diagnostics;
using CoreHole.Learning;

namespace CoreHole.Bench;

/// <summary>
/// Training throughput on the benchmark's work (<see cref="Work"/>): median samples/s over the repeats of one
/// training with <c>threads</c> inside it, or of <c>concurrent</c> independent single-thread trainings run side by side
/// (different seeds, as the folds of a cross-validation).
/// </summary>
static class TrainingBench
{
    public sealed record Result(int[] Hidden, int Threads, int Trainings, double SamplesPerS, double ModelGflops, double[] Seconds);

    public static Result Measure(int[] hidden, int threads, int concurrent, int repeats)
    {
        var random = new SeededRandom(0);
        Matrix Random() => new(Work.Samples, Work.Features,
            Enumerable.Range(0, Work.Samples * Work.Features).Select(_ => random.NextFloat()).ToArray());
        var (x, y) = (Random(), Random());
        int trainings = Math.Max(concurrent, 1);
        int threadsEach = concurrent > 0 ? 1 : threads;

        MlpRegressor Regressor(int seed, int epochs) => new(hidden, learningRate: 1e-3f, weightDecay: 1e-5f,
            batchSize: Work.Batch, epochs: epochs, dropout: 0.5f, seed: seed, threads: threadsEach);

        Regressor(0, 1).Fit(x, y); // warm-up: JIT and tiered compilation, as torch_mlp.py's untimed epoch
        var seconds = new List<double>();
        for (int repeat = 0; repeat < repeats; repeat++)
        {
            var clock = Stopwatch.StartNew();
            Trainings.FitAll([.. Enumerable.Range(0, trainings).Select(seed => new TrainingJob(Regressor(seed, Work.Epochs), x, y))],
                concurrency: trainings);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        double median = seconds.Order().ElementAt(seconds.Count / 2);
        double samplesPerS = trainings * Work.Samples * Work.Epochs / median;
        return new Result(hidden, concurrent > 0 ? concurrent : threads, trainings, samplesPerS,
            samplesPerS * Work.FlopsPerSample(hidden) / 1e9, [.. seconds.Select(s => Math.Round(s, 3))]);
    }
}
