using System.Diagnostics;
using CoreHole.Learning;

namespace CoreHole.Bench;

/// <summary>
/// Where one single-thread training step's time goes (batch 32): each layer's forward and backward pass, the loss
/// gradient and Adam, in microseconds per step, measured on the network's own layers and buffers after a warm-up
/// long enough for tiered compilation to finish. Each phase's time is the median over the steps of that phase's
/// single call: calls last microseconds, so on a loaded machine most of them run undisturbed and the median
/// ignores those a preemption landed in. The products' share says how much of a step the kernel is.
/// </summary>
static class StepProfile
{
    public sealed record Phase(string Name, double Us);
    public sealed record Result(int[] Hidden, double StepUs, double ProductsShareOfStep, Phase[] Phases);

    public static Result Measure(int[] hidden)
    {
        var random = new SeededRandom(0);
        var network = new Network(Work.Widths(hidden), 0.5f, random, team: null);
        var adam = new Adam(network.Parameters, network.Gradients, 1e-3f, 1e-5f);
        var layers = network.Layers;
        var values = new[] { new Matrix(Work.Batch, Work.Features) }.Concat(layers.Select(l => new Matrix(Work.Batch, l.OutputWidth))).ToArray();
        var gradients = values.Select(v => new Matrix(v.Rows, v.Columns)).ToArray();
        random.NextFloats(values[0].Data);
        var target = new Matrix(Work.Batch, Work.Features);
        random.NextFloats(target.Data);

        const int warmUp = 2000, steps = 2000;
        var ticks = new long[2 * layers.Count + 2, warmUp + steps];
        int step;
        void Timed(int phase, Action action)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            ticks[phase, step] = Stopwatch.GetTimestamp() - start;
        }

        for (step = 0; step < warmUp + steps; step++)
        {
            for (int i = 0; i < layers.Count; i++)
                Timed(i, () => layers[i].Forward(values[i], values[i + 1], Work.Batch, training: true));
            Timed(2 * layers.Count, () => MeanSquaredError.Gradient(values[^1], target, gradients[^1], Work.Batch));
            for (int i = layers.Count - 1; i >= 0; i--)
                Timed(layers.Count + i, () => layers[i].Backward(values[i], values[i + 1], gradients[i + 1], i == 0 ? null : gradients[i], Work.Batch));
            Timed(2 * layers.Count + 1, () => adam.Step(null));
        }

        var names = layers.Select((l, i) => $"{i}:{l.GetType().Name} {l.InputWidth}->{l.OutputWidth}").ToArray();
        var phases = names.Select(n => $"forward {n}").Concat(names.Select(n => $"backward {n}"))
            .Append("loss gradient").Append("adam")
            .Select((name, i) => new Phase(name, Math.Round(MedianUs(ticks, i, warmUp), 1))).ToArray();
        double stepUs = phases.Sum(p => p.Us);
        double productsUs = Work.FlopsPerSample(hidden) * Work.Batch / (KernelBench.Measure(hidden).StepGflops * 1e3);
        return new Result(hidden, Math.Round(stepUs, 1), Math.Round(productsUs / stepUs, 2), phases);
    }

    static double MedianUs(long[,] ticks, int phase, int from)
    {
        var calls = Enumerable.Range(from, ticks.GetLength(1) - from).Select(s => ticks[phase, s]).Order().ToArray();
        return calls[calls.Length / 2] * 1e6 / Stopwatch.Frequency;
    }
}
