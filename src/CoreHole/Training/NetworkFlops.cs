namespace CoreHole.Training;

/// <summary>Floating-point operations (a multiply-add counts 2) of the dense layers, which are nearly all of the work.</summary>
public static class NetworkFlops
{
    /// <summary>Forward pass of one sample through layers of <paramref name="widths"/> (input, hidden..., output).</summary>
    public static double Forward(IReadOnlyList<int> widths)
    {
        double flops = 0;
        for (int i = 0; i + 1 < widths.Count; i++) flops += 2.0 * widths[i] * widths[i + 1];
        return flops;
    }

    /// <summary>One training sample: forward, the weight gradients, and the input gradients of every layer but the first.</summary>
    public static double Training(IReadOnlyList<int> widths) =>
        3 * Forward(widths) - 2.0 * widths[0] * widths[1];
}
