using System.Runtime.Intrinsics;

namespace CoreHole.Learning.Kernels;

/// <summary>An element-wise kernel over spans of one length, written once for every SIMD width.</summary>
internal interface IElementwiseKernel
{
    int Length { get; }

    /// <summary>Processes the <c>TSimd.Width</c> elements that start at <paramref name="index"/>.</summary>
    void Apply<TSimd, TVec>(int index) where TSimd : ISimd<TVec> where TVec : struct;
}

/// <summary>
/// Runs an <see cref="IElementwiseKernel"/> over its whole length: the widest vectors first, then each narrower width
/// on what is left, then single floats. The kernels update in place, so the tail is never processed twice
/// (an overlapping last vector would apply a non-idempotent update such as Adam's twice).
/// </summary>
internal static class Elementwise
{
    public static void Run<TKernel>(ref TKernel kernel) where TKernel : struct, IElementwiseKernel, allows ref struct
    {
        int index = 0, length = kernel.Length;
        if (Vector512.IsHardwareAccelerated) index = Loop<TKernel, Simd512, Vector512<float>>(ref kernel, index, length);
        if (Vector256.IsHardwareAccelerated) index = Loop<TKernel, Simd256, Vector256<float>>(ref kernel, index, length);
        if (Vector128.IsHardwareAccelerated) index = Loop<TKernel, Simd128, Vector128<float>>(ref kernel, index, length);
        Loop<TKernel, Scalar, float>(ref kernel, index, length);
    }

    static int Loop<TKernel, TSimd, TVec>(ref TKernel kernel, int index, int length)
        where TKernel : struct, IElementwiseKernel, allows ref struct
        where TSimd : ISimd<TVec>
        where TVec : struct
    {
        for (; index <= length - TSimd.Width; index += TSimd.Width)
            kernel.Apply<TSimd, TVec>(index);
        return index;
    }
}
