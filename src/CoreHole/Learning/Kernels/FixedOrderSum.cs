using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CoreHole.Learning.Kernels;

/// <summary>
/// Sums over pairs of float spans whose result does not depend on the machine: TensorPrimitives' reductions add in the
/// order of the widest vector the CPU has, so the same training gave other last digits on an AVX-512 machine than on an
/// AVX2 one, and through the epochs other fourth digits of a cross-validated MSE. Here every width accumulates the same
/// <see cref="Lanes"/> lanes (element i into lane i mod 16) with fused multiply-adds, the elements after the last whole
/// block go into one scalar in order, and the lanes are added in one fixed order. The matrix product needs no such care:
/// each of its elements is one lane's own sum over the depth.
/// </summary>
internal static class FixedOrderSum
{
    /// <summary>Lanes of the accumulation: one 512-bit vector, two 256-bit or four 128-bit ones.</summary>
    public const int Lanes = 16;

    /// <summary>Σ x[i]·y[i].</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => Sum<Product>(x, y);

    /// <summary>Σ (x[i] − y[i])².</summary>
    public static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => Sum<SquaredDifference>(x, y);

    static float Sum<TTerm>(ReadOnlySpan<float> x, ReadOnlySpan<float> y) where TTerm : IPairTerm
    {
        if (x.Length != y.Length) throw new ArgumentException($"spans of {x.Length} and {y.Length} elements");
        int blocks = x.Length - x.Length % Lanes;
        Span<float> lanes = stackalloc float[Lanes];
        // Vector128 works on any machine (in software where the hardware lacks it), so it is the last resort.
        if (Vector512.IsHardwareAccelerated) Accumulate<TTerm, Simd512, Vector512<float>>(x[..blocks], y[..blocks], lanes);
        else if (Vector256.IsHardwareAccelerated) Accumulate<TTerm, Simd256, Vector256<float>>(x[..blocks], y[..blocks], lanes);
        else Accumulate<TTerm, Simd128, Vector128<float>>(x[..blocks], y[..blocks], lanes);
        return Total<TTerm>(lanes, x[blocks..], y[blocks..]);
    }

    /// <summary>The lanes added in order, then the elements after the last whole block.</summary>
    static float Total<TTerm>(ReadOnlySpan<float> lanes, ReadOnlySpan<float> x, ReadOnlySpan<float> y) where TTerm : IPairTerm
    {
        float tail = 0;
        for (int i = 0; i < x.Length; i++) tail = TTerm.Apply<Scalar, float>(x[i], y[i], tail);
        float sum = 0;
        foreach (var lane in lanes) sum += lane;
        return sum + tail;
    }

    /// <summary>The <see cref="Lanes"/> lane sums over whole blocks, with <typeparamref name="TSimd"/>'s vectors. Internal
    /// so that a test can run every width on any machine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Accumulate<TTerm, TSimd, TVec>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> lanes)
        where TTerm : IPairTerm where TSimd : ISimd<TVec> where TVec : struct
    {
        int w = TSimd.Width; // a constant per specialisation: the branches below fold away
        TVec a0 = TSimd.Broadcast(0), a1 = a0, a2 = a0, a3 = a0;
        ref float xs = ref Unsafe.AsRef(in x.GetPinnableReference()), ys = ref Unsafe.AsRef(in y.GetPinnableReference());
        for (int i = 0; i < x.Length; i += Lanes)
        {
            a0 = TTerm.Apply<TSimd, TVec>(TSimd.Load(ref Unsafe.Add(ref xs, i)), TSimd.Load(ref Unsafe.Add(ref ys, i)), a0);
            if (w > Lanes / 2) continue;
            a1 = TTerm.Apply<TSimd, TVec>(TSimd.Load(ref Unsafe.Add(ref xs, i + w)), TSimd.Load(ref Unsafe.Add(ref ys, i + w)), a1);
            if (w > Lanes / 4) continue;
            a2 = TTerm.Apply<TSimd, TVec>(TSimd.Load(ref Unsafe.Add(ref xs, i + 2 * w)), TSimd.Load(ref Unsafe.Add(ref ys, i + 2 * w)), a2);
            a3 = TTerm.Apply<TSimd, TVec>(TSimd.Load(ref Unsafe.Add(ref xs, i + 3 * w)), TSimd.Load(ref Unsafe.Add(ref ys, i + 3 * w)), a3);
        }
        ref float lane = ref lanes[0];
        TSimd.Store(a0, ref lane);
        if (w > Lanes / 2) return;
        TSimd.Store(a1, ref Unsafe.Add(ref lane, w));
        if (w > Lanes / 4) return;
        TSimd.Store(a2, ref Unsafe.Add(ref lane, 2 * w));
        TSimd.Store(a3, ref Unsafe.Add(ref lane, 3 * w));
    }
}

/// <summary>What a <see cref="FixedOrderSum"/> adds for one pair of elements, at every width.</summary>
internal interface IPairTerm
{
    static abstract TVec Apply<TSimd, TVec>(TVec x, TVec y, TVec sum) where TSimd : ISimd<TVec> where TVec : struct;
}

internal readonly struct Product : IPairTerm
{
    public static TVec Apply<TSimd, TVec>(TVec x, TVec y, TVec sum) where TSimd : ISimd<TVec> where TVec : struct =>
        TSimd.MultiplyAdd(x, y, sum);
}

internal readonly struct SquaredDifference : IPairTerm
{
    public static TVec Apply<TSimd, TVec>(TVec x, TVec y, TVec sum) where TSimd : ISimd<TVec> where TVec : struct
    {
        var d = TSimd.Subtract(x, y);
        return TSimd.MultiplyAdd(d, d, sum);
    }
}
