using System.Diagnostics;

namespace CoreHole.Learning;

/// <summary>Work cut into numbered parts that may run on any thread, in any order, each exactly once.</summary>
internal interface IParallelWork
{
    int PartCount { get; }
    void RunPart(int part);
}

/// <summary>
/// A fixed group of threads that runs one <see cref="IParallelWork"/> at a time; the calling thread is one of them.
/// Threads claim parts from a shared counter, so a thread slowed down by another process on its core simply runs
/// fewer parts. No part's result depends on which thread ran it, so results are bit-identical for any team size.
/// </summary>
/// <remarks>
/// The counter and the generation share one 64-bit word (generation in the high half, next part in the low half),
/// and each generation's work sits in one of two slots. A helper claims a part by compare-and-swap on that word, so
/// a claim can only succeed while its generation is current, and the slot it read cannot have been reused: the next
/// generation is published only after every part of this one has finished. Idle helpers spin briefly (the gaps
/// between the matrix products of one training step are microseconds) and then sleep until woken.
/// </remarks>
public sealed class WorkerTeam : IDisposable
{
    static readonly long SpinTicks = Stopwatch.Frequency / 2000; // 0.5 ms of spinning before a helper sleeps

    readonly Thread[] helpers;
    readonly (IParallelWork Work, int Parts)[] slots = new (IParallelWork, int)[2];
    readonly object gate = new();
    long state; // (generation << 32) | next part
    int finishedParts, sleepers;
    volatile bool disposed;

    /// <param name="threads">Threads including the caller's; 1 runs everything on the calling thread.</param>
    public WorkerTeam(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "a team needs at least one thread");
        helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            helpers[i] = new Thread(HelperLoop) { IsBackground = true, Name = $"CoreHole worker {i + 1}" };
            helpers[i].Start();
        }
    }

    internal void Run(IParallelWork work)
    {
        int parts = work.PartCount;
        if (helpers.Length == 0 || parts <= 1)
        {
            for (int part = 0; part < parts; part++) work.RunPart(part);
            return;
        }
        ObjectDisposedException.ThrowIf(disposed, this);
        long generation = (Volatile.Read(ref state) >> 32) + 1;
        slots[generation & 1] = (work, parts);
        Volatile.Write(ref finishedParts, 0);
        Interlocked.Exchange(ref state, generation << 32); // full fence: publishes the slot, then reads sleepers
        if (Volatile.Read(ref sleepers) > 0)
            lock (gate) Monitor.PulseAll(gate);
        RunParts(generation);
        var spin = new SpinWait();
        while (Volatile.Read(ref finishedParts) < parts) spin.SpinOnce(sleep1Threshold: -1);
    }

    /// <summary>Claims and runs parts of <paramref name="generation"/> until none are left.</summary>
    void RunParts(long generation)
    {
        var (work, parts) = slots[generation & 1];
        while (true)
        {
            long current = Volatile.Read(ref state);
            int next = (int)current;
            if (current >> 32 != generation || next >= parts) return;
            if (Interlocked.CompareExchange(ref state, current + 1, current) != current) continue;
            work.RunPart(next);
            Interlocked.Increment(ref finishedParts);
        }
    }

    void HelperLoop()
    {
        long seen = 0;
        while (true)
        {
            long generation = WaitForGeneration(seen);
            if (disposed) return;
            RunParts(generation);
            seen = generation;
        }
    }

    long WaitForGeneration(long seen)
    {
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() - start < SpinTicks)
        {
            long generation = Volatile.Read(ref state) >> 32;
            if (generation != seen || disposed) return generation;
            Thread.SpinWait(20);
        }
        lock (gate)
        {
            Interlocked.Increment(ref sleepers); // full fence before re-reading the state (pairs with Run's exchange)
            while (Volatile.Read(ref state) >> 32 == seen && !disposed) Monitor.Wait(gate);
            Interlocked.Decrement(ref sleepers);
            return Volatile.Read(ref state) >> 32;
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        lock (gate) Monitor.PulseAll(gate);
        foreach (var helper in helpers) helper.Join();
    }
}
