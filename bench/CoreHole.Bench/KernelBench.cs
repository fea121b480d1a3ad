using System.Diagnostics;
using CoreHole.Learning;
using CoreHole.Learning.Kernels;

namespace CoreHole.Bench;

/// <summary>
/// GFLOP/s of the matrix-product kernel alone, on the exact products of one training step of a configuration
/// (batch 32): forward x·W, weight gradient xᵀ·∂y, and input gradient W·∂yᵀ, one thread. Like the peak, the best
/// of many short runs, so that the two are compared under the same (least) disturbance.
/// </summary>
static class KernelBench
{
    public sealed record Product(string Name, int M, int N, int K, double Gflops);
    public sealed record Result(int[] Hidden, double StepGflops, Product[] Products);

    public static Result Measure(int[] hidden)
    {
        var widths = Work.Widths(hidden);
        var products = new List<Product>();
        double totalFlops = 0, totalSeconds = 0;
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            int inputs = widths[i], outputs = widths[i + 1], batch = Work.Batch;
            var shapes = new List<(string, int, int, int)> { ($"forward {inputs}->{outputs}", batch, outputs, inputs),
                ($"weight gradient {inputs}->{outputs}", inputs, outputs, batch) };
            if (i > 0) shapes.Add(($"input gradient {inputs}->{outputs}", inputs, batch, outputs));
            foreach (var (name, m, n, k) in shapes)
            {
                double seconds = Time(m, n, k);
                products.Add(new Product(name, m, n, k, 2.0 * m * n * k / seconds / 1e9));
                totalFlops += 2.0 * m * n * k;
                totalSeconds += seconds;
            }
        }
        return new Result(hidden, totalFlops / totalSeconds / 1e9, [.. products]);
    }

    /// <summary>Best seconds of one C[m×n] = A[m×k]·B[k×n] with random operands, over 40 runs of ~20 MFLOP.</summary>
    static double Time(int m, int n, int k)
    {
        var random = new SeededRandom(1);
        float[] Random(int count) => Enumerable.Range(0, count).Select(_ => random.NextFloat()).ToArray();
        var product = new MatrixProduct();
        product.Set(MatrixRef.RowMajor(Random(m * k), m, k), MatrixRef.RowMajor(Random(k * n), k, n),
            MatrixRef.RowMajor(new float[m * n], m, n));
        int repeats = (int)Math.Max(1, 2e7 / (2.0 * m * n * k));
        double best = double.MaxValue;
        for (int trial = 0; trial < 40; trial++)
        {
            var clock = Stopwatch.StartNew();
            for (int r = 0; r < repeats; r++) product.Run(null);
            best = Math.Min(best, clock.Elapsed.TotalSeconds / repeats);
        }
        return best;
    }
}
