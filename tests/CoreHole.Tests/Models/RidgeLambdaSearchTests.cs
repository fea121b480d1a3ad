using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Tests.Models;

public class RidgeLambdaSearchTests
{
    static readonly IReadOnlyList<double> Lambdas = new RidgeRegression().CandidateLambdas;

    /// <summary>
    /// PDOS-shaped inputs (160 points of a few broadened peaks: smooth, nearly collinear columns) and 161-point spectra
    /// that depend on the same peaks nonlinearly, with noise; materials of 1-3 near-copy sites.
    /// </summary>
    static (Matrix X, Matrix Y, string[] Groups) PdosLike(int sites, int seed)
    {
        var random = new SeededRandom(seed);
        var (x, y) = (new Matrix(sites, 160), new Matrix(sites, 161));
        var groups = new string[sites];
        int material = 0;
        for (int site = 0; site < sites; material++)
        {
            var peaks = Enumerable.Range(0, 3).Select(_ => (At: random.NextFloat(0.1f, 0.9f), Width: random.NextFloat(0.03f, 0.1f), Height: random.NextFloat(0.5f, 2))).ToArray();
            for (int copy = 0, copies = 1 + (int)random.NextFloat(0, 3); copy < copies && site < sites; copy++, site++)
            {
                groups[site] = $"m{material}";
                double jitter = random.NextFloat(-0.01f, 0.01f);
                for (int i = 0; i < 160; i++)
                    x[site, i] = (float)peaks.Sum(p => p.Height * Math.Exp(-Math.Pow((i / 159.0 - p.At - jitter) / p.Width, 2)));
                for (int j = 0; j < 161; j++)
                    y[site, j] = (float)(peaks.Sum(p => Math.Sqrt(p.Height) * Math.Exp(-Math.Pow((j / 160.0 - 0.8 * p.At - 0.1) / (1.5 * p.Width), 2)))
                        + 0.05 * random.NextFloat(-1, 1));
            }
        }
        return (x, y, groups);
    }

    static double[] CholeskyErrors(Matrix x, Matrix y, string[] groups) =>
        GroupFolds.CrossValidationErrors(Lambdas.Count, x, y, groups, 4, 0,
            (tx, ty, hx) => Lambdas.Select(l => RidgeRegression.Apply(RidgeRegression.Solve(tx, ty, l), hx)));

    static double[] EigenErrors(Matrix x, Matrix y, string[] groups) =>
        GroupFolds.CrossValidationErrors(Lambdas.Count, x, y, groups, 4, 0,
            (tx, ty, hx) => RidgeRegression.HeldOutPredictions(tx, ty, hx, Lambdas));

    [Theory]
    [InlineData(90, 1)]  // inner training folds of ~68 rows: fewer rows than inputs, the dual form
    [InlineData(240, 2)] // ~180 rows: more rows than inputs, the primal form
    public void OneEigendecompositionPerFoldGivesEveryLambdasCrossValidationErrorAndTheSameChoice(int sites, int seed)
    {
        var (x, y, groups) = PdosLike(sites, seed);
        var (cholesky, eigen) = (CholeskyErrors(x, y, groups), EigenErrors(x, y, groups));
        for (int c = 0; c < Lambdas.Count; c++)
            Assert.True(Math.Abs(eigen[c] - cholesky[c]) <= 1e-6 * cholesky[c], $"λ = {Lambdas[c]}: {eigen[c]} against {cholesky[c]}");
        int best = Array.IndexOf(cholesky, cholesky.Min());
        Assert.InRange(best, 1, Lambdas.Count - 2); // a choice between neighbours, not an edge of the grid
        var ridge = new RidgeRegression(seed: 0);
        ridge.Fit(x, y, groups);
        Assert.Equal(Lambdas[best], ridge.Lambda);
    }

    [Fact]
    public void RepeatedRowsAndAConstantColumnStayStableAtTheSmallestLambda()
    {
        // 40 training rows that are 20 rows twice, and a constant input: the dual matrix has 21 eigenvalues that are
        // zero up to round-off, of either sign, which must neither blow up nor flip the sign of 1/(s + λ).
        var distinct = PdosLike(20, 4);
        var rows = Enumerable.Range(0, 40).Select(i => i % 20).ToArray();
        var (x, y) = (Rows.Select(distinct.X, rows), Rows.Select(distinct.Y, rows));
        for (int r = 0; r < x.Rows; r++) x[r, 0] = 0.5f;
        var query = PdosLike(10, 5).X;
        var lambdas = new[] { 1e-3, 1, 1e3 };
        var fast = RidgeRegression.HeldOutPredictions(x, y, query, lambdas).ToArray();
        for (int c = 0; c < lambdas.Length; c++)
        {
            var cholesky = RidgeRegression.Apply(RidgeRegression.Solve(x, y, lambdas[c]), query);
            for (int i = 0; i < cholesky.Data.Length; i++)
                Assert.True(Math.Abs(fast[c].Data[i] - cholesky.Data[i]) < 1e-5, $"λ = {lambdas[c]}, value {i}: {fast[c].Data[i]} against {cholesky.Data[i]}");
        }
    }
}
