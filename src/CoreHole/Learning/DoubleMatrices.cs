using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace CoreHole.Learning;

/// <summary>
/// The few dense operations on double-precision matrices (row-major <c>double[,]</c>) that ridge regression's λ search
/// and <see cref="SymmetricEigen"/> need; <see cref="Matrix"/> is float, for the networks.
/// </summary>
internal static class DoubleMatrices
{
    public static Span<double> Row(double[,] matrix, int row) => MemoryMarshal.CreateSpan(ref matrix[row, 0], matrix.GetLength(1));

    public static double[,] Transpose(double[,] a)
    {
        var result = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) result[j, i] = a[i, j];
        return result;
    }

    /// <summary>a·b, each row of the result a combination of b's rows (contiguous, vectorised).</summary>
    public static double[,] Product(double[,] a, double[,] b)
    {
        int rows = a.GetLength(0), inner = a.GetLength(1), columns = b.GetLength(1);
        if (b.GetLength(0) != inner) throw new ArgumentException($"cannot multiply {rows}×{inner} by {b.GetLength(0)}×{columns}");
        var result = new double[rows, columns];
        if (columns == 0) return result;
        for (int i = 0; i < rows; i++)
        {
            var row = Row(result, i);
            for (int k = 0; k < inner; k++) TensorPrimitives.MultiplyAdd(Row(b, k), a[i, k], row, row);
        }
        return result;
    }
}
