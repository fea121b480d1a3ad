using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Tests.Learning;

namespace CoreHole.Tests.Evaluation;

public class StatisticsTests
{
    [Fact]
    public void TheBootstrapIntervalCoversTheTrueMeanAtAboutItsLevel()
    {
        // 300 draws of 40 groups of 1-4 correlated values (a shared group offset plus noise), true mean 1.
        int covered = 0, draws = 300;
        var random = new SeededRandom(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextFloat())) * Math.Cos(2 * Math.PI * random.NextFloat());
        for (int d = 0; d < draws; d++)
        {
            var (values, groups) = (new List<double>(), new List<string>());
            for (int g = 0; g < 40; g++)
            {
                double offset = Normal();
                for (int s = 0, n = 1 + random.NextInt(4); s < n; s++) { values.Add(1 + offset + 0.3 * Normal()); groups.Add($"g{g}"); }
            }
            var interval = Bootstrap.MeanOverGroups(values, groups, resamples: 500, seed: d);
            if (interval.Low <= 1 && 1 <= interval.High) covered++;
        }
        Assert.InRange(covered / (double)draws, 0.89, 0.99);
    }

    [Fact]
    public void BandsOfTheRightWidthCoverSixtyEightAndNinetyFivePercent()
    {
        // Gaussian errors whose true σ is 3 times the predicted spread: the fitted scale finds 3, and the coverage the rates.
        var random = new SeededRandom(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextFloat())) * Math.Cos(2 * Math.PI * random.NextFloat());
        int rows = 200, columns = 50;
        var (mean, spread, targets) = (new Matrix(rows, columns), new Matrix(rows, columns), new Matrix(rows, columns));
        for (int i = 0; i < rows * columns; i++)
        {
            spread.Data[i] = 0.1f + random.NextFloat();
            targets.Data[i] = (float)(3 * spread.Data[i] * Normal());
        }
        var groups = Enumerable.Range(0, rows).Select(i => $"m{i / 4}").ToArray();
        var cv = new CrossValidation.Result([new SpectrumPrediction(mean, spread)], [GroupFolds.Assign(groups, 5, 0)], targets, groups);
        var coverage = Calibration.Of(cv);
        Assert.InRange(coverage.Scale, 2.8, 3.2);
        Assert.InRange(coverage.OneSigma, 0.66, 0.70);
        Assert.InRange(coverage.TwoSigma, 0.94, 0.97);
    }

    [Fact]
    public void RepeatedGroupCrossValidationPredictsEverySiteFromModelsThatNeverSawItsMaterial()
    {
        // Each material's target is its own constant: a model that never saw the material cannot know it.
        var groups = Enumerable.Range(0, 30).Select(i => $"m{i / 3}").ToArray();
        var targets = new Matrix(30, 2, [.. Enumerable.Range(0, 60).Select(i => (float)(i / 6))]);
        var run = new CrossValidation(5, 2, 0).Run(new NearestNeighbours([1]), new Matrix(30, 1, [.. Enumerable.Range(0, 30).Select(i => (float)i)]), targets, groups);
        Assert.Equal(2, run.Predictions.Count);
        foreach (var p in run.Predictions)
            for (int i = 0; i < 30; i++) Assert.NotEqual(targets[i, 0], p.Mean[i, 0]);
        Assert.All(run.SiteErrors(), e => Assert.True(e > 0));
    }

    [Fact]
    public void AnInputFarFromTheTrainingSetIsFlaggedAndATrainingInputIsNot()
    {
        var x = TestData.UniformMatrix(40, 4, seed: 3, low: 0, high: 1);
        var groups = Enumerable.Range(0, 40).Select(i => $"m{i / 2}").ToArray();
        var domain = new OutOfDistribution(x, groups, heldOutSpreads: [1, 1, 1, 2]);
        var noSpread = new float[3];
        Assert.False(domain.Of(x.Row(5), noSpread).Flagged);
        Assert.True(domain.Of(new float[] { 5, 5, 5, 5 }, noSpread).Flagged);
        var wide = domain.Of(x.Row(5), new float[] { 4, 4, 4 });
        Assert.True(wide.Spread > 1 && wide.Flagged);

        var stored = new OutOfDistribution(domain.Stored(["Si", "O", "Si"], [6.0, 5.5]));
        foreach (var (input, spread) in new[] { (new float[] { 5, 5, 5, 5 }, noSpread), (x.Row(5).ToArray(), new float[] { 4, 4, 4 }) })
            Assert.Equal(domain.Of(input, spread), stored.Of(input, spread));
        Assert.Equal(["O", "Si"], domain.Stored(["Si", "O", "Si"], [6.0, 5.5]).Elements);
    }

    [Fact]
    public void TheComparisonScoresTheModelAndTheFourBaselinesWithSkillAgainstTheMean()
    {
        var x = TestData.UniformMatrix(40, 6, seed: 8, low: 0, high: 1);
        var y = new Matrix(40, 6, [.. x.Data.Select(v => 2 * v)]);
        var groups = Enumerable.Range(0, 40).Select(i => $"m{i / 2}").ToArray();
        var result = Comparison.Run("ridge again", new RidgeRegression(), x, x, y, groups, new CrossValidation(4, 1, 0));
        Assert.Equal(["ridge again", Comparison.MeanName, "k nearest neighbours", "ridge regression", "PDOS as spectrum (no core hole)"],
            result.Scores.Select(s => s.Name));
        var mean = result.Scores.Single(s => s.Name == Comparison.MeanName);
        Assert.Equal(0, mean.Skill, 12);
        Assert.True(result.Scores[0].Skill > 0.99); // the map is linear
        Assert.All(result.Scores, s => Assert.True(s.Mse.Low <= s.Mse.Estimate && s.Mse.Estimate <= s.Mse.High));
    }
}
