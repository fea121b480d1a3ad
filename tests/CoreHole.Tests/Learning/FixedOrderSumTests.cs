using System.Runtime.Intrinsics;
using CoreHole.Learning.Kernels;

namespace CoreHole.Tests.Learning;

/// <summary><see cref="FixedOrderSum"/>: the same bits at every SIMD width (each run here whether or not the machine
/// has it), and the sums themselves.</summary>
public class FixedOrderSumTests
{
    public static TheoryData<int> Lengths => [0, 1, 15, 16, 17, 40, 161, 1000];

    /// <summary>Lane l is Σ over i ≡ l (mod 16) in order, one fused multiply-add at a time: what every width must give.</summary>
    static float[] ReferenceLanes(float[] x, float[] y, Func<float, float, float, float> term)
    {
        var lanes = new float[FixedOrderSum.Lanes];
        for (int i = 0; i < x.Length - x.Length % FixedOrderSum.Lanes; i++) lanes[i % FixedOrderSum.Lanes] = term(x[i], y[i], lanes[i % FixedOrderSum.Lanes]);
        return lanes;
    }

    static float[] Lanes<TTerm, TSimd, TVec>(float[] x, float[] y) where TTerm : IPairTerm where TSimd : ISimd<TVec> where TVec : struct
    {
        var lanes = new float[FixedOrderSum.Lanes];
        int blocks = x.Length - x.Length % FixedOrderSum.Lanes;
        FixedOrderSum.Accumulate<TTerm, TSimd, TVec>(x.AsSpan(0, blocks), y.AsSpan(0, blocks), lanes);
        return lanes;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void EveryWidthAddsTheSameLanesInTheSameOrder(int length)
    {
        var (x, y) = (TestData.Uniform(length, 1), TestData.Uniform(length, 2));
        var product = ReferenceLanes(x, y, MathF.FusedMultiplyAdd);
        Assert.Equal(product, Lanes<Product, Simd512, Vector512<float>>(x, y));
        Assert.Equal(product, Lanes<Product, Simd256, Vector256<float>>(x, y));
        Assert.Equal(product, Lanes<Product, Simd128, Vector128<float>>(x, y));
        var squares = ReferenceLanes(x, y, (a, b, sum) => MathF.FusedMultiplyAdd(a - b, a - b, sum));
        Assert.Equal(squares, Lanes<SquaredDifference, Simd512, Vector512<float>>(x, y));
        Assert.Equal(squares, Lanes<SquaredDifference, Simd256, Vector256<float>>(x, y));
        Assert.Equal(squares, Lanes<SquaredDifference, Simd128, Vector128<float>>(x, y));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void TheSumsAgreeWithDoublePrecision(int length)
    {
        var (x, y) = (TestData.Uniform(length, 3), TestData.Uniform(length, 4));
        double dot = 0, squares = 0, scale = 0;
        for (int i = 0; i < length; i++)
        {
            dot += (double)x[i] * y[i];
            squares += ((double)x[i] - y[i]) * ((double)x[i] - y[i]);
            scale += Math.Abs((double)x[i] * y[i]);
        }
        Assert.Equal(dot, FixedOrderSum.Dot(x, y), 4e-7 * Math.Max(scale, 1) * Math.Sqrt(length + 1));
        Assert.Equal(squares, FixedOrderSum.SquaredDistance(x, y), 4e-7 * Math.Max(squares, 1) * Math.Sqrt(length + 1));
        Assert.Throws<ArgumentException>(() => FixedOrderSum.Dot(x, new float[length + 1]));
    }
}
