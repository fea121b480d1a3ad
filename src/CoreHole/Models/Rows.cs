using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>Row-wise helpers on sample matrices (one sample per row) shared by the models and their evaluation.</summary>
public static class Rows
{
    /// <summary>The rows <paramref name="indices"/> of <paramref name="matrix"/>, in that order.</summary>
    public static Matrix Select(Matrix matrix, IReadOnlyList<int> indices)
    {
        var result = new Matrix(indices.Count, matrix.Columns);
        for (int i = 0; i < indices.Count; i++) matrix.Row(indices[i]).CopyTo(result.Row(i));
        return result;
    }

    public static float[] ColumnMeans(Matrix matrix)
    {
        var sum = new double[matrix.Columns];
        for (int i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.Row(i);
            for (int j = 0; j < sum.Length; j++) sum[j] += row[j];
        }
        return Array.ConvertAll(sum, s => (float)(s / matrix.Rows));
    }

    /// <summary>Mean over the row's values of (a − b)²: a site's MSE.</summary>
    public static double MeanSquaredDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (double)(a[i] - b[i]);
        return sum / a.Length;
    }

    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => MeanSquaredDifference(a, b) * a.Length;
}
