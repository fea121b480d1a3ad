namespace CoreHole.Common;

/// <summary>
/// xoshiro128** seeded through SplitMix64: a small, fast generator whose stream is fixed by this code (unlike
/// System.Random's seeded stream, which .NET does not promise to keep), so a training with a given seed is
/// bit-identical on every run and .NET version.
/// </summary>
public sealed class SeededRandom
{
    uint s0, s1, s2, s3;

    public SeededRandom(long seed)
    {
        ulong x = (ulong)seed;
        ulong a = SplitMix(ref x), b = SplitMix(ref x);
        (s0, s1, s2, s3) = ((uint)a, (uint)(a >> 32), (uint)b, (uint)(b >> 32));
    }

    static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public uint NextUInt() => Next(ref s0, ref s1, ref s2, ref s3);

    /// <summary>Uniform in [0, 1), on the 2^-24 grid that a float represents exactly.</summary>
    public float NextFloat() => ToUnitFloat(NextUInt());

    /// <summary>
    /// Fills <paramref name="destination"/> with what as many <see cref="NextFloat()"/> calls would return, with the
    /// state in registers: through the fields each step waits on store-to-load forwarding, several times slower.
    /// </summary>
    public void NextFloats(Span<float> destination)
    {
        var (a, b, c, d) = (s0, s1, s2, s3);
        for (int i = 0; i < destination.Length; i++) destination[i] = ToUnitFloat(Next(ref a, ref b, ref c, ref d));
        (s0, s1, s2, s3) = (a, b, c, d);
    }

    static float ToUnitFloat(uint bits) => (bits >> 8) * (1f / (1 << 24));

    static uint Next(ref uint s0, ref uint s1, ref uint s2, ref uint s3)
    {
        uint result = uint.RotateLeft(s1 * 5, 7) * 9;
        uint t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = uint.RotateLeft(s3, 11);
        return result;
    }

    public float NextFloat(float low, float high) => low + (high - low) * NextFloat();

    /// <summary>Uniform in [0, count) without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count));
        ulong product = (ulong)NextUInt() * (uint)count;
        uint threshold = (uint)-count % (uint)count;
        while ((uint)product < threshold) product = (ulong)NextUInt() * (uint)count;
        return (int)(product >> 32);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
