using System.Diagnostics;
using CoreHole.Learning;

namespace CoreHole.Bench;

/// <summary>
/// Where one training step's time goes (single thread, batch 32): forward, loss gradient, backward, Adam; each
/// phase timed over many steps on the same batch, so the numbers are per step in microseconds.
/// </summary>
static class StepProfile
{
    public sealed record Result(int[] Hidden, double ForwardUs, double BackwardUs, double AdamUs, double GemmShareOfStep);

    public static Result Measure(int[] hidden)
    {
        var random = new SeededRandom(0);
        var network = new Network(Work.Widths(hidden), 0.5f, random, team: null);
        var adam = new Adam(network.Parameters, network.Gradients, 1e-3f, 1e-5f);
        network.Reserve(Work.Batch);
        for (int i = 0; i < Work.Batch * Work.Features; i++) network.Input.Data[i] = random.NextFloat();
        var target = new Matrix(Work.Batch, Work.Features);

        const int steps = 300;
        var (forward, backward, update) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        for (int step = 0; step < steps + 20; step++)
        {
            if (step == 20) { forward.Reset(); backward.Reset(); update.Reset(); } // after warm-up
            forward.Start();
            var output = network.Forward(Work.Batch, training: true);
            forward.Stop();
            backward.Start();
            MeanSquaredError.Gradient(output, target, network.OutputGradient, Work.Batch);
            network.Backward(Work.Batch);
            backward.Stop();
            update.Start();
            adam.Step(null);
            update.Stop();
        }
        double Us(Stopwatch s) => s.Elapsed.TotalMicroseconds / steps;
        double gemmUs = Work.FlopsPerSample(hidden) * Work.Batch / (KernelBench.Measure(hidden).StepGflops * 1e3);
        return new Result(hidden, Us(forward), Us(backward), Us(update),
            gemmUs / (Us(forward) + Us(backward) + Us(update)));
    }
}
