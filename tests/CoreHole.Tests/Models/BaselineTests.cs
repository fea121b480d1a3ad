using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Tests.Learning;

namespace CoreHole.Tests.Models;

public class BaselineTests
{
    static string[] Groups(int rows, int perGroup = 2) => [.. Enumerable.Range(0, rows).Select(i => $"m{i / perGroup}")];

    [Fact]
    public void RidgeRecoversAKnownLinearMapWithItsIntercept()
    {
        var x = TestData.UniformMatrix(80, 6, seed: 1);
        var truth = TestData.UniformMatrix(6, 4, seed: 2);
        var y = new Matrix(80, 4);
        for (int i = 0; i < 80; i++)
            for (int j = 0; j < 4; j++)
                y[i, j] = 0.7f + Enumerable.Range(0, 6).Sum(k => x[i, k] * truth[k, j]);
        var ridge = new RidgeRegression([1e-6, 10, 1000]);
        ridge.Fit(x, y, Groups(80));
        Assert.Equal(1e-6, ridge.Lambda); // exact data: inner CV picks the least shrinkage
        var query = TestData.UniformMatrix(5, 6, seed: 3);
        var predicted = ridge.Predict(query).Mean;
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(0.7 + Enumerable.Range(0, 6).Sum(k => query[i, k] * truth[k, j]), predicted[i, j], 4);
    }

    [Fact]
    public void RidgeShrinksTowardsTheMeanAsLambdaGrows()
    {
        var x = TestData.UniformMatrix(40, 3, seed: 4);
        var y = new Matrix(40, 1, [.. Enumerable.Range(0, 40).Select(i => 2 * x[i, 0] + 5)]);
        var ridge = new RidgeRegression([1e9]);
        ridge.Fit(x, y, Groups(40));
        float mean = y.Data.Average();
        Assert.All(ridge.Predict(x).Mean.Data, v => Assert.Equal(mean, v, 2));
    }

    [Fact]
    public void NearestNeighbourWithKOneReturnsTheNeighboursSpectrum()
    {
        var x = new Matrix(3, 2, [0, 0, 10, 0, 0, 10]);
        var y = new Matrix(3, 2, [1, 2, 3, 4, 5, 6]);
        var knn = new NearestNeighbours([1]);
        knn.Fit(x, y, ["a", "b", "c"]);
        var predicted = knn.Predict(new Matrix(2, 2, [9, 1, 1, 8])).Mean;
        Assert.Equal([3f, 4f, 5f, 6f], predicted.Data);
    }

    [Fact]
    public void NearestNeighboursChoosesKByGroupCrossValidation()
    {
        // Targets are noise around one curve: averaging many neighbours beats copying one.
        var x = TestData.UniformMatrix(60, 3, seed: 5);
        var y = TestData.UniformMatrix(60, 4, seed: 6, low: 0, high: 2);
        var knn = new NearestNeighbours([1, 12]);
        knn.Fit(x, y, Groups(60));
        Assert.Equal(12, knn.K);
    }

    [Fact]
    public void MeanSpectrumAndInputAsSpectrumPredictWhatTheySay()
    {
        var x = new Matrix(2, 3, [1, 2, 3, 4, 5, 6]);
        var y = new Matrix(2, 3, [0, 2, 4, 2, 2, 2]);
        var mean = new MeanSpectrum();
        mean.Fit(x, y, ["a", "b"]);
        Assert.Equal([1f, 2f, 3f, 1f, 2f, 3f], mean.Predict(new Matrix(2, 3)).Mean.Data);
        var input = new InputAsSpectrum();
        input.Fit(x, y, ["a", "b"]);
        Assert.Equal(x.Data, input.Predict(x).Mean.Data);
        Assert.False(input.Predict(x).HasSpread);
        Assert.Throws<InputError>(() => input.Fit(x, new Matrix(2, 4), ["a", "b"]));
    }

    [Fact]
    public void GroupFoldsNeverSplitAGroupAndUseEveryFold()
    {
        var groups = Enumerable.Range(0, 97).Select(i => $"m{i * 7 % 23}").ToArray();
        foreach (int seed in new[] { 0, 1, 2 })
        {
            var fold = GroupFolds.Assign(groups, 5, seed);
            Assert.All(groups.Select((g, i) => (g, i)).GroupBy(p => p.g), g => Assert.Single(g.Select(p => fold[p.i]).Distinct()));
            Assert.Equal(5, fold.Distinct().Count());
        }
        Assert.NotEqual(GroupFolds.Assign(groups, 5, 0), GroupFolds.Assign(groups, 5, 1));
        Assert.Throws<InputError>(() => GroupFolds.Assign(["a", "a", "b"], 3, 0));
    }
}
