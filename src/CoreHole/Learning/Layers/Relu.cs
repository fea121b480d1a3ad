using System.Numerics.Tensors;
using CoreHole.Learning.Kernels;

namespace CoreHole.Learning.Layers;

/// <summary>max(x, 0), element by element.</summary>
internal sealed class Relu(int width) : ILayer
{
    public int InputWidth => width;
    public int OutputWidth => width;

    public void Forward(Matrix input, Matrix output, int rows, bool training) =>
        TensorPrimitives.Max(input.Data.AsSpan(0, rows * width), 0f, output.Data.AsSpan(0, rows * width));

    public void Backward(Matrix input, Matrix output, Matrix outputGradient, Matrix? inputGradient, int rows)
    {
        if (inputGradient is null) return;
        var kernel = new PassWherePositive(
            output.Data.AsSpan(0, rows * width), outputGradient.Data.AsSpan(0, rows * width),
            inputGradient.Data.AsSpan(0, rows * width));
        Elementwise.Run(ref kernel);
    }

    /// <summary>∂x = ∂y where y &gt; 0, else 0 (y &gt; 0 exactly where x &gt; 0).</summary>
    ref struct PassWherePositive(ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
        : IElementwiseKernel
    {
        readonly ReadOnlySpan<float> output = output, outputGradient = outputGradient;
        readonly Span<float> inputGradient = inputGradient;

        public readonly int Length => output.Length;

        public readonly void Apply<TSimd, TVec>(int index) where TSimd : ISimd<TVec> where TVec : struct =>
            TSimd.Store(TSimd.WherePositive(TSimd.Load(in output[index]), TSimd.Load(in outputGradient[index])),
                ref inputGradient[index]);
    }
}
