using CoreHole.Learning;

namespace CoreHole.Tests.Learning;

public class SymmetricEigenTests
{
    static double[,] RandomSymmetric(int n, int seed)
    {
        var values = TestData.Uniform(n * n, seed);
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i, j] = a[j, i] = values[i * n + j];
        return a;
    }

    static double MaxAbs(double[,] a) => a.Cast<double>().Max(Math.Abs);

    /// <summary>Σᵢ λᵢ vᵢ vᵢᵀ (vectors as rows).</summary>
    static double[,] Reconstruct(double[] values, double[,] vectors)
    {
        int n = values.Length;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) a[i, j] += values[k] * vectors[k, i] * vectors[k, j];
        return a;
    }

    static void AssertOrthonormal(double[,] vectors, double tolerance)
    {
        int n = vectors.GetLength(0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double dot = Enumerable.Range(0, n).Sum(k => vectors[i, k] * vectors[j, k]);
                Assert.True(Math.Abs(dot - (i == j ? 1 : 0)) < tolerance, $"v{i}·v{j} = {dot}");
            }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(40, 4)]
    [InlineData(150, 5)]
    public void ReconstructsARandomSymmetricMatrixFromOrthonormalVectors(int n, int seed)
    {
        var a = RandomSymmetric(n, seed);
        var (values, vectors) = SymmetricEigen.Decompose(a);
        AssertOrthonormal(vectors, 1e-12 * n);
        var back = Reconstruct(values, vectors);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) Assert.True(Math.Abs(back[i, j] - a[i, j]) < 1e-13 * n * MaxAbs(a), $"A[{i},{j}]: {back[i, j]} against {a[i, j]}");
        Assert.Equal(values.Order(), values);
        // The trace is the sum of the eigenvalues.
        Assert.Equal(Enumerable.Range(0, n).Sum(i => a[i, i]), values.Sum(), 1e-10 * n);
    }

    [Fact]
    public void ReadsOnlyTheLowerTriangleAndLeavesItsInputAlone()
    {
        var a = new double[,] { { 2, 99 }, { 1, 2 } };
        var (values, vectors) = SymmetricEigen.Decompose(a);
        Assert.Equal(1, values[0], 14);
        Assert.Equal(3, values[1], 14);
        // (1, −1)/√2 for 1 and (1, 1)/√2 for 3, each up to its sign.
        Assert.Equal(-1, vectors[0, 0] / vectors[0, 1], 14);
        Assert.Equal(1, vectors[1, 0] / vectors[1, 1], 14);
        Assert.Equal(99, a[0, 1]);
    }

    [Fact]
    public void FindsTheKnownSpectrumOfTheSecondDifferenceMatrix()
    {
        // tridiag(−1, 2, −1) of order n: λₖ = 2 − 2cos(kπ/(n+1)), vₖ ∝ sin(jkπ/(n+1)).
        const int n = 60;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            a[i, i] = 2;
            if (i > 0) a[i, i - 1] = -1;
        }
        var (values, vectors) = SymmetricEigen.Decompose(a);
        for (int k = 1; k <= n; k++)
        {
            Assert.Equal(2 - 2 * Math.Cos(k * Math.PI / (n + 1)), values[k - 1], 12);
            var expected = Enumerable.Range(1, n).Select(j => Math.Sin(j * k * Math.PI / (n + 1)) * Math.Sqrt(2.0 / (n + 1))).ToArray();
            double sign = Math.Sign(Enumerable.Range(0, n).Sum(j => expected[j] * vectors[k - 1, j]));
            for (int j = 0; j < n; j++) Assert.Equal(expected[j], sign * vectors[k - 1, j], 11);
        }
    }

    [Fact]
    public void SortsADiagonalMatrixAndKeepsRepeatedValues()
    {
        double[] diagonal = [3, -1, 3, 0, 2.5];
        var a = new double[5, 5];
        for (int i = 0; i < 5; i++) a[i, i] = diagonal[i];
        var (values, vectors) = SymmetricEigen.Decompose(a);
        Assert.Equal([-1, 0, 2.5, 3, 3], values);
        AssertOrthonormal(vectors, 1e-15);
        var zero = SymmetricEigen.Decompose(new double[4, 4]);
        Assert.All(zero.Values, v => Assert.Equal(0, v));
        AssertOrthonormal(zero.Vectors, 1e-15);
    }

    [Fact]
    public void AGramMatrixOfCentredNearlyCollinearRowsHasItsRankAndNoNegativeValueBeyondRoundOff()
    {
        // 30 rows, 8 columns, centred: rank 8 at most, so 22 eigenvalues are zero up to round-off. The columns are
        // smooth in their index, as PDOS points are, so the nonzero spectrum spans many decades.
        const int rows = 30, columns = 8;
        var shifts = TestData.Uniform(rows, seed: 9);
        var x = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) x[r, c] = Math.Exp(-Math.Pow(c / 3.0 - 1 - shifts[r], 2));
        for (int c = 0; c < columns; c++)
        {
            double mean = Enumerable.Range(0, rows).Average(r => x[r, c]);
            for (int r = 0; r < rows; r++) x[r, c] -= mean;
        }
        var gram = new double[rows, rows];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < rows; j++)
                for (int c = 0; c < columns; c++) gram[i, j] += x[i, c] * x[j, c];
        var (values, vectors) = SymmetricEigen.Decompose(gram);
        double largest = values[^1];
        Assert.All(values.Take(rows - columns), v => Assert.True(Math.Abs(v) < 1e-13 * largest, $"{v}"));
        Assert.All(values, v => Assert.True(v > -1e-13 * largest, $"{v}"));
        AssertOrthonormal(vectors, 1e-12);
        var back = Reconstruct(values, vectors);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < rows; j++) Assert.True(Math.Abs(back[i, j] - gram[i, j]) < 1e-13 * largest);
    }

    [Fact]
    public void RejectsANonSquareMatrix() =>
        Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[2, 3]));
}
