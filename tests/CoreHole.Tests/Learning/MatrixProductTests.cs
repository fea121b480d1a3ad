using CoreHole.Learning;
using CoreHole.Learning.Kernels;

namespace CoreHole.Tests.Learning;

public class MatrixProductTests
{
    // Shapes that take every path: row by row (fewer than 8 rows or columns), each SIMD width (N from 8 to 32+),
    // overlapping row and column tails, and the products of a real training step.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 3, 5, 7 }, { 7, 40, 9 }, { 9, 3, 4 }, { 8, 8, 1 }, { 8, 9, 3 }, { 9, 15, 5 }, { 8, 16, 2 },
        { 11, 31, 13 }, { 13, 33, 6 }, { 32, 32, 32 }, { 33, 65, 17 }, { 17, 100, 40 },
        { 32, 500, 160 }, { 160, 500, 32 }, { 500, 32, 160 }, { 8, 1000, 3 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesDoublePrecisionProduct(int m, int n, int k)
    {
        foreach (bool transposedA in new[] { false, true })
            foreach (bool withBias in new[] { false, true })
            {
                var a = transposedA
                    ? MatrixRef.RowMajor(TestData.Uniform(k * m, 1), k, m).Transposed
                    : MatrixRef.RowMajor(TestData.Uniform(m * k, 1), m, k);
                var b = MatrixRef.RowMajor(TestData.Uniform(k * n, 2), k, n);
                MatrixRef? bias = withBias ? MatrixRef.RowMajor(TestData.Uniform(n, 3), 1, n) : null;
                var c = MatrixRef.RowMajor(new float[m * n], m, n);

                MatrixProduct.Multiply(a, b, c, bias);

                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                    {
                        double exact = bias is { } row ? row[0, j] : 0, scale = Math.Abs(exact);
                        for (int p = 0; p < k; p++)
                        {
                            exact += (double)a[i, p] * b[p, j];
                            scale += Math.Abs((double)a[i, p] * b[p, j]);
                        }
                        Assert.True(Math.Abs(c[i, j] - exact) <= 1e-6 * scale + 1e-30,
                            $"C[{i},{j}] = {c[i, j]}, expected {exact} (transposed A: {transposedA}, bias: {withBias})");
                    }
            }
    }

    [Theory]
    [InlineData(32, 500, 160)]
    [InlineData(500, 32, 160)]
    [InlineData(5, 70, 9)]
    public void ATeamGivesBitIdenticalResults(int m, int n, int k)
    {
        var a = MatrixRef.RowMajor(TestData.Uniform(m * k, 4), m, k);
        var b = MatrixRef.RowMajor(TestData.Uniform(k * n, 5), k, n);
        var alone = MatrixRef.RowMajor(new float[m * n], m, n);
        var together = MatrixRef.RowMajor(new float[m * n], m, n);
        MatrixProduct.Multiply(a, b, alone);
        using var team = new WorkerTeam(2);
        var product = new MatrixProduct();
        product.Set(a, b, together);
        for (int repeat = 0; repeat < 20; repeat++) product.Run(team);
        Assert.Equal(alone.Data, together.Data);
    }

    [Fact]
    public void RejectsMismatchedShapes()
    {
        var a = MatrixRef.RowMajor(new float[6], 2, 3);
        var b = MatrixRef.RowMajor(new float[8], 4, 2);
        Assert.Throws<ArgumentException>(() => MatrixProduct.Multiply(a, b, MatrixRef.RowMajor(new float[4], 2, 2)));
    }
}
