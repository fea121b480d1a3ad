using System.Diagnostics;
using System.Runtime.Intrinsics;
using CoreHole.Learning.Kernels;

namespace CoreHole.Bench;

/// <summary>
/// The core's single-precision FMA peak: twelve independent fused multiply-add chains on registers only (enough to
/// cover the FMA latency on both FMA pipes), in the widest vector the hardware accelerates. The best of many short
/// runs: on a shared machine the least disturbed run is the core's own speed.
/// </summary>
static class FmaPeak
{
    public sealed record Result(string Vector, double Gflops);

    public static Result Measure() => Vector512.IsHardwareAccelerated
        ? Measure<Simd512, Vector512<float>>("Vector512")
        : Measure<Simd256, Vector256<float>>("Vector256");

    static Result Measure<TSimd, TVec>(string name) where TSimd : ISimd<TVec> where TVec : struct
    {
        const long iterations = 10_000_000;
        Chains<TSimd, TVec>(1000);
        var best = double.MaxValue;
        for (int repeat = 0; repeat < 40; repeat++)
        {
            var clock = Stopwatch.StartNew();
            Chains<TSimd, TVec>(iterations);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return new Result(name, iterations * 12 * TSimd.Width * 2 / best / 1e9);
    }

    static TVec Chains<TSimd, TVec>(long iterations) where TSimd : ISimd<TVec> where TVec : struct
    {
        TVec m = TSimd.Broadcast(0.999999f), c = TSimd.Broadcast(1e-7f);
        TVec a0 = TSimd.Broadcast(1), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0,
            a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = TSimd.MultiplyAdd(a0, m, c); a1 = TSimd.MultiplyAdd(a1, m, c); a2 = TSimd.MultiplyAdd(a2, m, c);
            a3 = TSimd.MultiplyAdd(a3, m, c); a4 = TSimd.MultiplyAdd(a4, m, c); a5 = TSimd.MultiplyAdd(a5, m, c);
            a6 = TSimd.MultiplyAdd(a6, m, c); a7 = TSimd.MultiplyAdd(a7, m, c); a8 = TSimd.MultiplyAdd(a8, m, c);
            a9 = TSimd.MultiplyAdd(a9, m, c); a10 = TSimd.MultiplyAdd(a10, m, c); a11 = TSimd.MultiplyAdd(a11, m, c);
        }
        // Combine the chains so the JIT cannot drop any of them.
        return TSimd.Add(TSimd.Add(TSimd.Add(TSimd.Add(a0, a1), TSimd.Add(a2, a3)), TSimd.Add(TSimd.Add(a4, a5), TSimd.Add(a6, a7))),
            TSimd.Add(TSimd.Add(a8, a9), TSimd.Add(a10, a11)));
    }
}
