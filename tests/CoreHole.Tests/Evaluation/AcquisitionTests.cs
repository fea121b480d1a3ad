using CoreHole.Common;
using CoreHole.Evaluation;
using CoreHole.Learning;
using static CoreHole.Evaluation.Acquisition;

namespace CoreHole.Tests.Evaluation;

public class AcquisitionTests
{
    static readonly Settings Small = new(Folds: 3, Repeats: 2, Seed: 1, Start: 10, Step: 8);

    /// <summary>60 sites of 30 materials (two each): targets a noisy linear map of the inputs; hours 0.1-0.5.</summary>
    static (Matrix X, Matrix Y, string[] Groups, double[] Hours) Synthetic()
    {
        var random = new SeededRandom(7);
        int n = 60, p = 12, m = 6;
        var weights = new float[p, m];
        for (int i = 0; i < p; i++) for (int j = 0; j < m; j++) weights[i, j] = random.NextFloat(-1, 1);
        var (x, y) = (new Matrix(n, p), new Matrix(n, m));
        for (int r = 0; r < n; r++)
        {
            for (int i = 0; i < p; i++) x[r, i] = random.NextFloat(-1, 1);
            for (int j = 0; j < m; j++)
            {
                float sum = random.NextFloat(-0.2f, 0.2f);
                for (int i = 0; i < p; i++) sum += x[r, i] * weights[i, j];
                y[r, j] = sum;
            }
        }
        return (x, y, [.. Enumerable.Range(0, n).Select(r => $"material-{r / 2}")], [.. Enumerable.Range(0, n).Select(r => 0.1 + 0.1 * (r % 5))]);
    }

    [Fact]
    public void EveryOrderStartsFromTheSameSitesAndEndsWithTheWholePool()
    {
        var (x, y, groups, hours) = Synthetic();
        var study = Run(x, y, groups, hours, Small);
        Assert.Equal(Enum.GetValues<Order>(), study.Curves.Select(c => c.Order));
        Assert.Equal((60, 30), (study.Sites, study.Materials));
        var first = study.Curves.Select(c => c.Points[0]).ToArray();
        var last = study.Curves.Select(c => c.Points[^1]).ToArray();
        Assert.All(first, p => Assert.Equal((10, first[0].Mse, first[0].Hours), (p.Sites, p.Mse, p.Hours)));
        Assert.All(last, p => Assert.Equal((study.LargestPool, last[0].Mse, last[0].Hours), (p.Sites, p.Mse, p.Hours)));
        Assert.Equal(study.WholePoolMse, last[0].Mse);
        // Start, then Step more a step until the largest pool is used up.
        Assert.All(study.Curves, c => Assert.Equal(
            [.. Enumerable.Range(0, c.Points.Count - 1).Select(t => 10 + 8 * t), study.LargestPool], c.Points.Select(p => p.Sites)));
        Assert.Equal(hours.Select(h => h * 60).Order(), study.SiteMinutes);
        Assert.All(study.Curves, c => Assert.All(c.Points, p => Assert.True(p.Mse > 0 && p.MseSd >= 0 && p.Hours > 0)));
    }

    [Fact]
    public void TheStudyIsSeededAndTheSeedDealsOtherFolds()
    {
        var (x, y, groups, hours) = Synthetic();
        static double[] Mses(Study s) => [.. s.Curves.SelectMany(c => c.Points.Select(p => p.Mse))];
        Assert.Equal(Mses(Run(x, y, groups, hours, Small)), Mses(Run(x, y, groups, hours, Small)));
        Assert.NotEqual(Mses(Run(x, y, groups, hours, Small)), Mses(Run(x, y, groups, hours, Small with { Seed = 2 })));
    }

    [Fact]
    public void VerdictsFindWhereEachCurveReachesTheWholePoolAndRandomsMseAtSixtyPercent()
    {
        static Point P(int sites, double mse) => new(sites, mse, 0.001, sites / 10.0, 0);
        var study = new Study(Small, 120, 40, 99, 101, 100, [5, 10],
        [
            new(Order.Random, [P(30, 0.040), P(50, 0.035), P(60, 0.033), P(80, 0.031), P(100, 0.030)]),
            new(Order.Spread, [P(30, 0.040), P(50, 0.032), P(60, 0.030), P(80, 0.0295), P(100, 0.030)]),
            new(Order.SpreadPerHour, [P(30, 0.040), P(50, 0.036), P(60, 0.034), P(80, 0.032), P(100, 0.030)]),
        ]);
        Assert.Equal(60, study.GoalSites);
        var verdicts = study.Verdicts().ToDictionary(v => v.Order);
        Assert.Equal((100, 1.0), (verdicts[Order.Random].ReachesWholePool.Sites, verdicts[Order.Random].ShareOfPool));
        Assert.Equal((60, 0.6), (verdicts[Order.Spread].ReachesWholePool.Sites, verdicts[Order.Spread].ShareOfPool));
        Assert.Equal(0.030, verdicts[Order.Spread].AtGoalShare.Mse);
        Assert.Equal(50, verdicts[Order.Spread].ReachesRandomAtGoalShare.Sites);       // random's 0.033 at 60 sites
        Assert.Equal(80, verdicts[Order.SpreadPerHour].ReachesRandomAtGoalShare.Sites);
        Assert.True(study.GoalMet);
        Assert.False((study with { Curves = [study.Curves[0], study.Curves[2]] }).GoalMet);
    }

    [Fact]
    public void ABatchTakesOneSitePerMaterialWhileMaterialsLastThenTheRestBySpread()
    {
        string[] groups = ["A", "A", "A", "B", "B", "C"];
        int[] sites = [0, 1, 2, 3, 4, 5];
        double[] score = [0.9, 0.8, 0.7, 0.5, 0.6, 0.1];
        Assert.Equal([0, 1, 2, 4, 3, 5], RankBySpread(sites, score, groups));
        Assert.Equal([0, 4, 1, 2, 3, 5], RankBySpread(sites, score, groups, batch: 2));
        Assert.Equal([0, 4, 5, 1, 2, 3], RankBySpread(sites, score, groups, batch: 4)); // three materials: the fourth by spread
    }

    [Fact]
    public void SitesWithoutAMeasuredTimeOrBadSettingsAreRefused()
    {
        var (x, y, groups, hours) = Synthetic();
        hours[3] = 0;
        Assert.Contains("core-hole wall time", Assert.Throws<InputError>(() => Run(x, y, groups, hours, Small)).Message);
        Assert.Throws<InputError>(() => Run(x, y, groups, [.. hours.Select(_ => 1.0)], Small with { Step = 0 }));
        Assert.Throws<InputError>(() => Run(x, y, groups, [.. hours.Select(_ => 1.0)], Small with { Folds = 1 }));
    }
}
