using System.Numerics.Tensors;
using CoreHole.Learning.Kernels;

namespace CoreHole.Learning.Layers;

/// <summary>
/// Inverted dropout: in training each element is zeroed with probability <c>rate</c> and the survivors are scaled
/// by 1/(1 − rate), so the expected output equals the input and inference is the identity.
/// </summary>
internal sealed class Dropout(int width, float rate, SeededRandom random) : ILayer
{
    float[] mask = []; // 0 or 1/(1 − rate) per element of the last training batch

    public int InputWidth => width;
    public int OutputWidth => width;

    public void Forward(Matrix input, Matrix output, int rows, bool training)
    {
        var x = input.Data.AsSpan(0, rows * width);
        var y = output.Data.AsSpan(0, rows * width);
        if (!training)
        {
            x.CopyTo(y);
            return;
        }
        if (mask.Length < x.Length) mask = new float[x.Length];
        var m = mask.AsSpan(0, x.Length);
        random.NextFloats(m);
        var kernel = new Drop(x, m, y, rate);
        Elementwise.Run(ref kernel);
    }

    /// <summary>
    /// Turns uniform draws u into the mask (1/(1 − rate) where u &gt; rate, else 0) and applies it: branch-free,
    /// because a branch on random data is mispredicted half the time.
    /// </summary>
    ref struct Drop(ReadOnlySpan<float> input, Span<float> mask, Span<float> output, float rate) : IElementwiseKernel
    {
        readonly ReadOnlySpan<float> input = input;
        readonly Span<float> mask = mask, output = output;

        public readonly int Length => input.Length;

        public readonly void Apply<TSimd, TVec>(int i) where TSimd : ISimd<TVec> where TVec : struct
        {
            TVec kept = TSimd.WherePositive(TSimd.Subtract(TSimd.Load(in mask[i]), TSimd.Broadcast(rate)),
                TSimd.Broadcast(1 / (1 - rate)));
            TSimd.Store(kept, ref mask[i]);
            TSimd.Store(TSimd.Multiply(TSimd.Load(in input[i]), kept), ref output[i]);
        }
    }

    public void Backward(Matrix input, Matrix output, Matrix outputGradient, Matrix? inputGradient, int rows)
    {
        if (inputGradient is null) return;
        int length = rows * width;
        TensorPrimitives.Multiply(outputGradient.Data.AsSpan(0, length), mask.AsSpan(0, length),
            inputGradient.Data.AsSpan(0, length));
    }
}
