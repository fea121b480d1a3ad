using System.Numerics.Tensors;
using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// Linear regression with an L2 penalty (scikit-learn's Ridge: minimises ‖Y − XW − b‖² + λ‖W‖², the intercept b not
/// penalised), one output column per energy. λ is chosen from <see cref="CandidateLambdas"/> by group
/// cross-validation on the training data, each inner fold factored once for all candidates
/// (<see cref="HeldOutPredictions"/>). The fit is solved in double precision through the normal equations (Cholesky):
/// inputs have a few hundred columns, so the matrix is small.
/// </summary>
public sealed class RidgeRegression : ISpectrumModel
{
    public const string KindName = "ridge";
    Matrix? weights; // [inputs, outputs]
    float[]? intercept;

    public RidgeRegression(IReadOnlyList<double>? candidateLambdas = null, int innerFolds = 4, int seed = 0)
    {
        CandidateLambdas = [.. candidateLambdas ?? [.. Enumerable.Range(-6, 13).Select(e => Math.Pow(10, e / 2.0))]];
        ModelChecks.Require(CandidateLambdas.Count > 0 && CandidateLambdas.All(l => l > 0 && double.IsFinite(l)),
            $"λ must be positive, got [{string.Join(", ", CandidateLambdas)}]");
        (InnerFolds, Seed) = (innerFolds, seed);
    }

    public IReadOnlyList<double> CandidateLambdas { get; }
    public int InnerFolds { get; }
    public int Seed { get; }
    /// <summary>The λ chosen by <see cref="Fit"/>.</summary>
    public double Lambda { get; private set; }

    public string Kind => KindName;
    public ISpectrumModel Unfitted() => new RidgeRegression(CandidateLambdas, InnerFolds, Seed);

    public void Fit(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        ModelChecks.RequireFitData(inputs, targets, groups);
        Lambda = GroupFolds.SelectByCrossValidation(CandidateLambdas, inputs, targets, groups, InnerFolds, Seed,
            (x, y, held) => HeldOutPredictions(x, y, held, CandidateLambdas));
        (weights, intercept) = Solve(inputs, targets, Lambda);
    }

    public SpectrumPrediction Predict(Matrix inputs)
    {
        if (weights is null || intercept is null) throw ModelChecks.NotFitted(Kind);
        ModelChecks.RequireWidth(inputs, weights.Rows, Kind);
        return SpectrumPrediction.WithoutSpread(Apply((weights, intercept), inputs));
    }

    /// <summary>x·W + b, summed in double: ridge's weights on the (nearly collinear) PDOS points are large and of
    /// both signs, so a float sum would lose the prediction's last digits to cancellation (and an exported graph,
    /// which sums in double too, would disagree with it there).</summary>
    internal static Matrix Apply((Matrix Weights, float[] Intercept) fit, Matrix x)
    {
        var (w, b) = fit;
        var result = new Matrix(x.Rows, w.Columns);
        var sums = new double[w.Columns];
        for (int r = 0; r < x.Rows; r++)
        {
            for (int j = 0; j < w.Columns; j++) sums[j] = b[j];
            var input = x.Row(r);
            for (int i = 0; i < w.Rows; i++)
                for (int j = 0; j < w.Columns; j++) sums[j] += (double)input[i] * w[i, j];
            var row = result.Row(r);
            for (int j = 0; j < w.Columns; j++) row[j] = (float)sums[j];
        }
        return result;
    }

    /// <summary>
    /// W = (XcᵀXc + λI)⁻¹ XcᵀYc on centred X and Y; b = ȳ − x̄W. The loops run along rows (vectorised) but every
    /// element sees the same operations in the same order as an element-by-element loop would.
    /// </summary>
    internal static (Matrix Weights, float[] Intercept) Solve(Matrix x, Matrix y, double lambda)
    {
        int n = x.Rows, p = x.Columns, m = y.Columns;
        var (xMean, yMean) = (Rows.ColumnMeans(x), Rows.ColumnMeans(y));
        var a = new double[p, p];
        var rhs = new double[p, m];
        var (xc, yc) = (Centred(x, xMean), Centred(y, yMean));
        for (int r = 0; r < n; r++)
        {
            var xr = DoubleMatrices.Row(xc, r);
            var yr = DoubleMatrices.Row(yc, r);
            for (int i = 0; i < p; i++)
            {
                var lower = DoubleMatrices.Row(a, i)[..(i + 1)];
                TensorPrimitives.MultiplyAdd(xr[..(i + 1)], xr[i], lower, lower);
                TensorPrimitives.MultiplyAdd(yr, xr[i], DoubleMatrices.Row(rhs, i), DoubleMatrices.Row(rhs, i));
            }
        }
        for (int i = 0; i < p; i++) a[i, i] += lambda;
        Cholesky.SolveInPlace(a, rhs);
        var weights = new Matrix(p, m);
        var intercept = (float[])yMean.Clone();
        for (int i = 0; i < p; i++)
            for (int j = 0; j < m; j++)
            {
                weights[i, j] = (float)rhs[i, j];
                intercept[j] -= (float)(xMean[i] * rhs[i, j]);
            }
        return (weights, intercept);
    }

    /// <summary>
    /// <see cref="Apply"/>(<see cref="Solve"/>(x, y, λ), held) for every λ of <paramref name="lambdas"/>, in exact
    /// arithmetic, from one symmetric eigendecomposition instead of one Cholesky solve per λ. With Xc, Yc and Hc the
    /// training inputs, targets and held-out inputs centred on the training means, the prediction is
    /// ȳ + Hc Xcᵀ(XcXcᵀ + λI)⁻¹Yc (the dual form, an n×n matrix for n training rows) or ȳ + Hc(XcᵀXc + λI)⁻¹XcᵀYc (the
    /// primal form, p×p for p inputs); whichever is smaller is factored as Σₖ sₖuₖuₖᵀ, so that a λ costs one
    /// held-out × min(n, p) × outputs product: ȳ + A diag(1/(s + λ)) B.
    /// </summary>
    internal static IEnumerable<Matrix> HeldOutPredictions(Matrix x, Matrix y, Matrix held, IReadOnlyList<double> lambdas)
    {
        var (xMean, yMean) = (Rows.ColumnMeans(x), Rows.ColumnMeans(y));
        var (xc, yc, hc) = (Centred(x, xMean), Centred(y, yMean), Centred(held, xMean));
        var xcT = DoubleMatrices.Transpose(xc);
        bool dual = x.Rows <= x.Columns;
        var gram = dual ? DoubleMatrices.Product(xc, xcT) : DoubleMatrices.Product(xcT, xc);
        var (values, vectors) = SymmetricEigen.Decompose(gram);
        var a = DoubleMatrices.Product(dual ? DoubleMatrices.Product(hc, xcT) : hc, DoubleMatrices.Transpose(vectors));
        var b = DoubleMatrices.Product(vectors, dual ? yc : DoubleMatrices.Product(xcT, yc));
        for (int k = 0; k < values.Length; k++) values[k] = Math.Max(values[k], 0); // round-off below zero: XcᵀXc is positive semi-definite
        int outputs = y.Columns;
        var sums = new double[outputs];
        foreach (var lambda in lambdas)
        {
            var predicted = new Matrix(held.Rows, outputs);
            for (int r = 0; r < held.Rows; r++)
            {
                for (int j = 0; j < outputs; j++) sums[j] = yMean[j];
                for (int k = 0; k < values.Length; k++)
                    TensorPrimitives.MultiplyAdd(DoubleMatrices.Row(b, k), a[r, k] / (values[k] + lambda), sums, sums);
                var row = predicted.Row(r);
                for (int j = 0; j < outputs; j++) row[j] = (float)sums[j];
            }
            yield return predicted;
        }
    }

    /// <summary>The rows minus <paramref name="mean"/> (of the training rows, in float), each difference taken in float and then widened.</summary>
    static double[,] Centred(Matrix m, float[] mean)
    {
        var result = new double[m.Rows, m.Columns];
        for (int r = 0; r < m.Rows; r++)
        {
            var row = m.Row(r);
            for (int i = 0; i < m.Columns; i++) result[r, i] = row[i] - mean[i];
        }
        return result;
    }

    public ModelState State() => new(Kind,
        new Dictionary<string, double> { ["lambda"] = Lambda, ["inner_folds"] = InnerFolds, ["seed"] = Seed },
        new Dictionary<string, Matrix>
        {
            ["weights"] = weights ?? throw ModelChecks.NotFitted(Kind), ["intercept"] = new(1, intercept!.Length, [.. intercept]),
        });

    public static RidgeRegression FromState(ModelState state)
    {
        double lambda = state.Parameter("lambda");
        return new RidgeRegression([lambda], (int)state.Parameter("inner_folds"), (int)state.Parameter("seed"))
        {
            Lambda = lambda, weights = state.Array("weights"), intercept = state.Array("intercept").Data,
        };
    }
}

/// <summary>Solves A X = B for symmetric positive definite A given by its lower triangle.</summary>
internal static class Cholesky
{
    /// <summary>Overwrites the lower triangle of <paramref name="a"/> with L (A = LLᵀ) and <paramref name="b"/> with X.</summary>
    public static void SolveInPlace(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        for (int j = 0; j < n; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++) d -= a[j, k] * a[j, k];
            if (!(d > 0)) throw new InputError("ridge regression: the regularised normal matrix is not positive definite (λ too small?)");
            a[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= a[i, k] * a[j, k];
                a[i, j] = s / a[j, j];
            }
        }
        for (int i = 0; i < n; i++) // L Z = B, all columns at once
        {
            var row = DoubleMatrices.Row(b, i);
            for (int k = 0; k < i; k++) TensorPrimitives.MultiplyAdd(DoubleMatrices.Row(b, k), -a[i, k], row, row);
            TensorPrimitives.Divide(row, a[i, i], row);
        }
        for (int i = n - 1; i >= 0; i--) // Lᵀ X = Z
        {
            var row = DoubleMatrices.Row(b, i);
            for (int k = i + 1; k < n; k++) TensorPrimitives.MultiplyAdd(DoubleMatrices.Row(b, k), -a[k, i], row, row);
            TensorPrimitives.Divide(row, a[i, i], row);
        }
    }
}
