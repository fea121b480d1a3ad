using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Plotting;
using CoreHole.Simulation;

namespace CoreHole.Evaluation;

/// <summary>
/// The retrospective study behind <c>corehole simulate --order uncertainty</c>: on sites already computed, does choosing
/// the next sites by the model's spread make a better model with fewer sites than choosing them at random? Outer group
/// folds hold whole materials out; inside each fold's training pool an acquisition starts from <see cref="Settings.Start"/>
/// random sites and adds <see cref="Settings.Step"/> at a time, chosen at random, by the largest spread, by the
/// largest spread per hour of the site's measured core-hole run, or by the largest spread with one site per material a
/// batch, each time from an ensemble fitted on the sites chosen so far; that ensemble's MSE on the held-out materials
/// is the learning curve. Repeats deal new folds and new starting sites; all orders share them within a repeat.
/// </summary>
/// <remarks>
/// The ensemble is the ridge part of the default predictor (<see cref="DefaultPredictor"/>): λ chosen by inner group CV,
/// then 5 members, each ridge fitted on its own random 80% of the chosen materials; mean and spread over the members.
/// The default's residual networks are left out: they cost seconds a fit where ridge costs milliseconds (the study
/// refits about a thousand times) and move its group-CV MSE by under 1% (the model card's table).
/// </remarks>
public static class Acquisition
{
    const int Members = 5;
    const double MemberHoldOut = 0.2;
    /// <summary>The share of the training pool the goal allows: the random order's final MSE with at most this many sites.</summary>
    public const double GoalShare = 0.6;

    public enum Order { Random, Spread, SpreadPerHour, SpreadOnePerMaterial }

    /// <summary>Each order's name in tables, files and figures.</summary>
    public static string NameOf(Order order) => order switch
    {
        Order.Random => "random",
        Order.Spread => "largest spread",
        Order.SpreadPerHour => "largest spread per hour",
        _ => "largest spread, one site per material a batch",
    };

    public sealed record Settings(int Folds = 5, int Repeats = 5, int Seed = 0, int Start = 30, int Step = 10)
    {
        public void Validate()
        {
            ModelChecks.Require(Folds >= 2, $"the acquisition study needs at least 2 outer folds, got {Folds}");
            ModelChecks.Require(Repeats >= 1, $"the acquisition study needs at least 1 repeat, got {Repeats}");
            ModelChecks.Require(Start >= 2, $"an acquisition starts from at least 2 sites, got {Start}");
            ModelChecks.Require(Step >= 1, $"an acquisition adds at least 1 site a step, got {Step}");
        }
    }

    /// <summary>A learning curve at one step: the sites chosen (a fold whose pool is smaller counts with its whole
    /// pool), the group-CV MSE and the chosen sites' core-hole hours, each a mean and standard deviation over repeats.</summary>
    public sealed record Point(int Sites, double Mse, double MseSd, double Hours, double HoursSd);

    public sealed record LearningCurve(Order Order, IReadOnlyList<Point> Points);

    /// <summary>An order against the goal: where its mean curve first reaches the whole pool's MSE (its last point at
    /// the latest), where it is at <see cref="GoalShare"/> of the pool, and where it first reaches the random order's
    /// MSE at that share.</summary>
    public sealed record Verdict(Order Order, Point ReachesWholePool, double ShareOfPool, Point AtGoalShare, Point ReachesRandomAtGoalShare);

    /// <param name="SiteMinutes">The core-hole wall time of every site, in minutes, ascending.</param>
    public sealed record Study(Settings Settings, int Sites, int Materials, int SmallestPool, int LargestPool, double MeanPool,
        IReadOnlyList<double> SiteMinutes, IReadOnlyList<LearningCurve> Curves)
    {
        /// <summary>Every order ends with the whole pool, and so with the same model.</summary>
        public double WholePoolMse => Curves[0].Points[^1].Mse;

        public int GoalSites => (int)Math.Ceiling(GoalShare * MeanPool);

        public IReadOnlyList<Verdict> Verdicts()
        {
            var randomAtGoal = Curves.Single(c => c.Order == Order.Random).Points.First(p => p.Sites >= GoalSites).Mse;
            return [.. Curves.Select(c =>
            {
                var reached = c.Points.First(p => p.Mse <= WholePoolMse);
                return new Verdict(c.Order, reached, reached.Sites / MeanPool, c.Points.First(p => p.Sites >= GoalSites),
                    c.Points.First(p => p.Mse <= randomAtGoal));
            })];
        }

        /// <summary>Whether an uncertainty order reaches the whole pool's MSE with at most <see cref="GoalShare"/> of the pool.</summary>
        public bool GoalMet => Verdicts().Any(v => v.Order != Order.Random && v.ShareOfPool <= GoalShare);
    }

    /// <param name="hours">Each site's measured core-hole wall time, in hours (the per-hour order's cost and the curves' compute).</param>
    /// <param name="progress">Told after each fold of each repeat.</param>
    public static Study Run(Matrix inputs, Matrix targets, IReadOnlyList<string> groups, IReadOnlyList<double> hours, Settings settings,
        Action<string>? progress = null)
    {
        settings.Validate();
        ModelChecks.RequireFitData(inputs, targets, groups);
        ModelChecks.Require(hours.Count == inputs.Rows && hours.All(h => h > 0 && double.IsFinite(h)), "every site needs a measured core-hole wall time");
        var orders = Enum.GetValues<Order>();
        // [order][repeat][fold] -> the acquisition's points.
        var runs = orders.Select(_ => Enumerable.Range(0, settings.Repeats).Select(_ => new List<FoldPoint>[settings.Folds]).ToArray()).ToArray();
        var poolSizes = new List<int>();
        for (int r = 0; r < settings.Repeats; r++)
        {
            var fold = GroupFolds.Assign(groups, settings.Folds, settings.Seed + r);
            for (int k = 0; k < settings.Folds; k++)
            {
                var (held, pool) = GroupFolds.Split(fold, k);
                poolSizes.Add(pool.Length);
                for (int o = 0; o < orders.Length; o++)
                    runs[o][r][k] = Acquire(orders[o], pool, held, inputs, targets, groups, hours, settings, settings.Seed * 1000L + r * 10 + k);
                progress?.Invoke($"acquisition study: repeat {r + 1}/{settings.Repeats}, fold {k + 1}/{settings.Folds}");
            }
        }
        return new Study(settings, inputs.Rows, groups.Distinct(StringComparer.Ordinal).Count(), poolSizes.Min(), poolSizes.Max(), poolSizes.Average(),
            [.. hours.Select(h => h * 60).Order()], [.. orders.Select((o, i) => new LearningCurve(o, CurveOf(runs[i])))]);
    }

    /// <summary>One point of one acquisition: sites chosen, their core-hole hours, the squared error summed over the held-out sites.</summary>
    readonly record struct FoldPoint(int Sites, double Hours, double ErrorSum, int Held);

    /// <summary>One acquisition in one outer fold: fit, score on the held-out sites, choose, until the pool is used up.</summary>
    static List<FoldPoint> Acquire(Order order, int[] pool, int[] held, Matrix x, Matrix y, IReadOnlyList<string> groups, IReadOnlyList<double> hours,
        Settings settings, long seed)
    {
        // The starting sites depend on the repeat and fold only: every order starts from the same ones.
        var shuffled = pool.ToArray();
        new SeededRandom(seed).Shuffle(shuffled);
        var chosen = shuffled.Take(Math.Min(settings.Start, pool.Length)).ToList();
        var remaining = shuffled.Skip(chosen.Count).ToList();
        var points = new List<FoldPoint>();
        var (heldX, heldY) = (Rows.Select(x, held), Rows.Select(y, held));
        while (true)
        {
            // In the dataset's order, so that the fit depends on which sites are chosen and not on the order they were
            // chosen in (inner folds deal materials in order of appearance): every order ends with one model.
            var rows = chosen.Order().ToArray();
            var predict = FitMembers(Rows.Select(x, rows), Rows.Select(y, rows), [.. rows.Select(i => groups[i])], seed);
            var heldPrediction = predict(heldX).Mean;
            var errors = Enumerable.Range(0, held.Length).Sum(i => Rows.MeanSquaredDifference(heldPrediction.Row(i), heldY.Row(i)));
            points.Add(new FoldPoint(rows.Length, rows.Sum(i => hours[i]), errors, held.Length));
            if (remaining.Count == 0) return points;
            var take = Math.Min(settings.Step, remaining.Count);
            if (order != Order.Random)
            {
                var spread = predict(Rows.Select(x, remaining)).Spread;
                var score = remaining.Select((site, j) => OutOfDistribution.MeanOf(spread.Row(j)) / (order == Order.SpreadPerHour ? hours[site] : 1)).ToArray();
                remaining = [.. RankBySpread(remaining, score, groups, order == Order.SpreadOnePerMaterial ? take : 0)];
            }
            chosen.AddRange(remaining.Take(take));
            remaining.RemoveRange(0, take);
        }
    }

    /// <summary>
    /// <paramref name="sites"/> by descending <paramref name="score"/>; with a <paramref name="batch"/> size, the first
    /// <paramref name="batch"/> hold one site per material as far as the materials allow: the campaign's rule
    /// (<see cref="UncertaintyOrder.OnePerMaterialFirst"/>), so that this study measures what <c>simulate</c> does.
    /// </summary>
    internal static IReadOnlyList<int> RankBySpread(IReadOnlyList<int> sites, IReadOnlyList<double> score, IReadOnlyList<string> groups, int batch = 0)
    {
        var ranked = sites.Select((site, j) => (site, j)).OrderByDescending(p => score[p.j]).Select(p => p.site).ToList();
        return batch == 0 ? ranked : UncertaintyOrder.OnePerMaterialFirst(ranked, site => groups[site], batch);
    }

    /// <summary>The ridge members of the default predictor, fitted: returns their mean and spread on new inputs.</summary>
    static Func<Matrix, SpectrumPrediction> FitMembers(Matrix x, Matrix y, string[] groups, long seed)
    {
        var ridge = new RidgeRegression(seed: (int)(seed % int.MaxValue));
        ridge.Fit(x, y, groups);
        var members = Enumerable.Range(0, Members).Select(m =>
        {
            var (kept, _) = GroupFolds.HoldOut(groups, MemberHoldOut, new SeededRandom(seed * 100 + m));
            return RidgeRegression.Solve(Rows.Select(x, kept), Rows.Select(y, kept), ridge.Lambda);
        }).ToArray();
        return inputs => MemberTraining.MeanAndSpread([.. members.Select(m => RidgeRegression.Apply(m, inputs))], 1);
    }

    /// <summary>
    /// Per step: each repeat's group-CV MSE (every held-out site of every fold, each fold's model at that step) and its
    /// mean compute over the folds; then mean and standard deviation over the repeats.
    /// </summary>
    static Point[] CurveOf(List<FoldPoint>[][] repeats)
    {
        var longest = repeats.Max(folds => folds.Max(f => f.Count));
        return [.. Enumerable.Range(0, longest).Select(t =>
        {
            var atT = repeats.Select(folds => folds.Select(f => f[Math.Min(t, f.Count - 1)]).ToArray()).ToArray();
            var (mse, mseSd) = MeanAndSd([.. atT.Select(points => points.Sum(p => p.ErrorSum) / points.Sum(p => p.Held))]);
            var (hours, hoursSd) = MeanAndSd([.. atT.Select(points => points.Average(p => p.Hours))]);
            return new Point(atT.SelectMany(p => p).Max(p => p.Sites), mse, mseSd, hours, hoursSd);
        })];
    }

    /// <summary>Each order's mean curve with a band of ±1 standard deviation over the repeats, against the sites chosen
    /// or (<paramref name="byHours"/>) their core-hole compute, and the whole pool's MSE as a line.</summary>
    public static PlotFigure Figure(Study study, bool byHours)
    {
        string[] colours = ["#7f7f7f", "#1f77b4", "#d62728", "#2ca02c"];
        Func<Point, double> at = byHours ? p => p.Hours : p => p.Sites;
        Spectra.Curve Line(LearningCurve c, Func<Point, double> value) => new([.. c.Points.Select(at)], [.. c.Points.Select(value)]);
        return new PlotFigure(byHours ? "core-hole compute of the chosen sites (hours, as measured)" : "O sites chosen (of each outer fold's training pool)",
            "group-CV MSE on held-out materials", "New sites chosen by the ensemble's spread or at random")
        {
            Curves = [.. study.Curves.Select((c, i) => new PlotSeries(NameOf(c.Order), Line(c, p => p.Mse), colours[i % colours.Length]))],
            Bands = [.. study.Curves.Select((c, i) => new PlotBand("", Line(c, p => p.Mse - p.MseSd), Line(c, p => p.Mse + p.MseSd), colours[i % colours.Length]))],
            HorizontalLine = (study.WholePoolMse, "whole training pool"),
        };
    }

    static (double Mean, double Sd) MeanAndSd(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return (mean, values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)));
    }
}
