using System.Numerics.Tensors;
using CoreHole.Learning.Kernels;

namespace CoreHole.Learning;

/// <summary>The loss: mean over all elements of (prediction − target)², as PyTorch's MSELoss(reduction='mean').</summary>
internal static class MeanSquaredError
{
    public static double Value(Matrix prediction, Matrix target, int rows)
    {
        int length = rows * prediction.Columns;
        // In a fixed order: early stopping compares these values, so they must not depend on the machine's SIMD width.
        return (double)FixedOrderSum.SquaredDistance(prediction.Data.AsSpan(0, length), target.Data.AsSpan(0, length)) / length;
    }

    /// <summary>∂loss/∂prediction = 2 (prediction − target) / element count.</summary>
    public static void Gradient(Matrix prediction, Matrix target, Matrix gradient, int rows)
    {
        int length = rows * prediction.Columns;
        var g = gradient.Data.AsSpan(0, length);
        TensorPrimitives.Subtract(prediction.Data.AsSpan(0, length), target.Data.AsSpan(0, length), g);
        TensorPrimitives.Multiply(g, 2f / length, g);
    }
}
