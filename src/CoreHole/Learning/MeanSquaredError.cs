using System.Numerics.Tensors;

namespace CoreHole.Learning;

/// <summary>The loss: mean over all elements of (prediction − target)², as PyTorch's MSELoss(reduction='mean').</summary>
internal static class MeanSquaredError
{
    public static double Value(Matrix prediction, Matrix target, int rows)
    {
        int length = rows * prediction.Columns;
        double distance = TensorPrimitives.Distance(prediction.Data.AsSpan(0, length), target.Data.AsSpan(0, length));
        return distance * distance / length;
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
