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
        int batch = Work.Batch, seed = 1;
        MatrixRef Random(int rows, int columns)
        {
            var values = new float[rows * columns];
            new SeededRandom(seed++).NextFloats(values);
            return MatrixRef.RowMajor(values, rows, columns);
        }
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            int inputs = widths[i], outputs = widths[i + 1];
            // The operands exactly as Dense passes them: x·W + b, xᵀ·∂y (x viewed transposed), W·∂yᵀ.
            var (x, w, dy, dyT) = (Random(batch, inputs), Random(inputs, outputs), Random(batch, outputs), Random(outputs, batch));
            var shapes = new List<(string, MatrixRef, MatrixRef, MatrixRef, MatrixRef?)>
            {
                ($"forward {inputs}->{outputs}", x, w, Random(batch, outputs), Random(1, outputs)),
                ($"weight gradient {inputs}->{outputs}", x.Transposed, dy, Random(inputs, outputs), null),
            };
            if (i > 0) shapes.Add(($"input gradient {inputs}->{outputs}", w, dyT, Random(inputs, batch), null));
            foreach (var (name, a, b, c, bias) in shapes)
            {
                double flops = 2.0 * c.Rows * c.Columns * a.Columns, seconds = Time(a, b, c, bias);
                products.Add(new Product(name, c.Rows, c.Columns, a.Columns, flops / seconds / 1e9));
                totalFlops += flops;
                totalSeconds += seconds;
            }
        }
        return new Result(hidden, totalFlops / totalSeconds / 1e9, [.. products]);
    }

    /// <summary>Best seconds of one C = A·B (+ bias) over 40 runs of ~20 MFLOP each.</summary>
    static double Time(MatrixRef a, MatrixRef b, MatrixRef c, MatrixRef? bias)
    {
        var product = new MatrixProduct();
        product.Set(a, b, c, bias);
        int repeats = (int)Math.Max(1, 2e7 / (2.0 * c.Rows * c.Columns * a.Columns));
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
