using System.Globalization;
using System.Text;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Paper;
using CoreHole.Plotting;
using CoreHole.Spectra;

namespace CoreHole.Bench;

/// <summary>
/// The retrospective study behind <c>corehole simulate --order uncertainty</c> (docs/learning.md, "New data chosen by
/// uncertainty"): on a dataset's crystalline sites, does choosing the next sites by the model's spread make a better
/// model with fewer sites than choosing them at random? Outer group folds hold whole materials out; inside each fold's
/// training pool an acquisition starts from <c>start</c> random sites and adds <c>step</c> at a time, chosen at random,
/// by the largest spread, or by the largest spread per hour of the site's measured core-hole run, each time from an
/// ensemble fitted on the sites chosen so far; that ensemble's MSE on the held-out materials is the curve. Repeats
/// deal new folds and new starting sites; all strategies share them within a repeat.
/// </summary>
/// <remarks>
/// The ensemble is the ridge part of the default predictor (<see cref="DefaultPredictor"/>): λ chosen by inner group CV,
/// then 5 members, each ridge fitted on its own random 80% of the chosen materials; mean and spread over the members.
/// The default's residual networks are left out because they cost seconds a fit where ridge costs milliseconds (the study
/// refits about a thousand times) and move its group-CV MSE by under 1% (the model card's table); its members' spread
/// comes from the same per-member ridges.
/// </remarks>
static class AcquisitionBench
{
    const int Members = 5;
    const double MemberHoldOut = 0.2;

    enum Strategy { Random, Spread, SpreadPerHour }

    static readonly (Strategy Strategy, string Name, string Color)[] Strategies =
        [(Strategy.Random, "random", "#7f7f7f"), (Strategy.Spread, "largest spread", "#1f77b4"), (Strategy.SpreadPerHour, "largest spread per hour", "#d62728")];

    /// <summary>One point of one acquisition: sites chosen, their core-hole hours, the MSE summed over the held-out sites.</summary>
    readonly record struct Point(int Sites, double Hours, double ErrorSum, int Held);

    public static object Measure(string dataset, int folds, int repeats, int seed, int start, int step, string output)
    {
        var data = DatasetFile.Read(dataset);
        var sites = SiteSets.Of(data.Materials, ReproductionSites.TransferOxides).Crystalline;
        var x = Rows.Select(data.Inputs[InputVariant.Conduction], sites);
        var y = Rows.Select(data.Targets, sites);
        var groups = sites.Select(i => data.Materials[i]).ToArray();
        var hours = sites.Select(i => data.Records[i].Provenance.CoreHoleWallSeconds / 3600).ToArray();
        if (hours.Any(h => !(h > 0))) throw new InputError(dataset, null, "a crystalline site records no core-hole wall time");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // [strategy][repeat][fold] -> the acquisition's points.
        var runs = Strategies.Select(_ => Enumerable.Range(0, repeats).Select(_ => new List<Point>[folds]).ToArray()).ToArray();
        var poolSizes = new List<int>();
        for (int r = 0; r < repeats; r++)
        {
            var fold = GroupFolds.Assign(groups, folds, seed + r);
            for (int k = 0; k < folds; k++)
            {
                var (held, pool) = GroupFolds.Split(fold, k);
                poolSizes.Add(pool.Length);
                for (int s = 0; s < Strategies.Length; s++)
                    runs[s][r][k] = Acquire(Strategies[s].Strategy, pool, held, x, y, groups, hours, start, step, seed * 1000L + r * 10 + k);
                Console.Error.Write($"\rrepeat {r + 1}/{repeats}, fold {k + 1}/{folds}, {clock.Elapsed.TotalMinutes:F1} min   ");
            }
        }
        Console.Error.WriteLine();

        var curves = Strategies.Select((s, i) => CurveOf(runs[i])).ToArray();
        var fullPool = curves[0][^1].Mse.Mean;   // every strategy ends with the whole pool: the same model
        Write(Path.Combine(output, "acquisition.tsv"), curves);
        Plot(Path.Combine(output, "acquisition-sites.png"), curves, c => c.Sites, "O sites chosen (of each outer fold's training pool)", fullPool);
        Plot(Path.Combine(output, "acquisition-hours.png"), curves, c => c.Hours.Mean, "core-hole compute of the chosen sites (hours, as measured)", fullPool);

        var meanPool = poolSizes.Average();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sites.Length} crystalline sites of {groups.Distinct().Count()} materials in {dataset}, conduction input; {folds} outer group folds x {repeats} repeats, seed {seed}; " +
            $"training pools of {poolSizes.Min()}-{poolSizes.Max()} sites (mean {meanPool:F0}); start {start} random sites, {step} more a step; {clock.Elapsed.TotalMinutes:F1} min"));
        var minutes = hours.Select(h => h * 60).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"core-hole wall time a site: {minutes[0]:F1}-{minutes[^1]:F1} min ({Bootstrap.Quantile(minutes, 0.1):F1}-{Bootstrap.Quantile(minutes, 0.9):F1} between the 10th and 90th percentiles)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"group-CV MSE with the whole pool (every strategy's last point): {fullPool:F4}"));
        Console.WriteLine("| order | sites to reach the whole pool's MSE | share of the pool | its hours / the pool's | MSE at 60% of the pool (± sd over repeats) | sites to reach random's MSE at 60% |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var sixty = (int)Math.Ceiling(0.6 * meanPool);
        var randomAtSixty = curves[0].First(c => c.Sites >= sixty).Mse.Mean;
        var summary = new List<object>();
        foreach (var (curve, (_, name, _)) in curves.Zip(Strategies))
        {
            var reached = curve.First(c => c.Mse.Mean <= fullPool);   // the last point, the whole pool, at the latest
            var atSixty = curve.First(c => c.Sites >= sixty);
            var matchesRandom = curve.First(c => c.Mse.Mean <= randomAtSixty);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {reached.Sites} | {reached.Sites / meanPool:P0} | {reached.Hours.Mean / curve[^1].Hours.Mean:P0} | {atSixty.Mse.Mean:F4} ± {atSixty.Mse.Sd:F4} ({atSixty.Sites} sites) | {matchesRandom.Sites} ({matchesRandom.Hours.Mean:F1} h) |");
            Console.WriteLine(line);
            summary.Add(new { order = name, sites_to_full_pool_mse = reached.Sites, share = reached.Sites / meanPool, mse_at_60_percent = atSixty.Mse.Mean, sites_to_random_at_60_percent = matchesRandom.Sites });
        }
        return new { sites = sites.Length, full_pool_mse = fullPool, mean_pool = meanPool, orders = summary, minutes = clock.Elapsed.TotalMinutes };
    }

    /// <summary>One acquisition in one outer fold: fit, score on the held-out sites, choose, until the pool is used up.</summary>
    static List<Point> Acquire(Strategy strategy, int[] pool, int[] held, Matrix x, Matrix y, string[] groups, double[] hours,
        int start, int step, long seed)
    {
        // The starting sites depend on the repeat and fold only: every strategy starts from the same ones.
        var order = pool.ToArray();
        new SeededRandom(seed).Shuffle(order);
        var chosen = order.Take(Math.Min(start, pool.Length)).ToList();
        var remaining = order.Skip(chosen.Count).ToList();
        var points = new List<Point>();
        var (heldX, heldY) = (Rows.Select(x, held), Rows.Select(y, held));
        while (true)
        {
            // In the dataset's order, so that the fit depends on which sites are chosen and not on the order they were
            // chosen in (inner folds deal materials in order of appearance): every strategy ends with one model.
            var rows = chosen.Order().ToArray();
            var predict = FitMembers(Rows.Select(x, rows), Rows.Select(y, rows), [.. rows.Select(i => groups[i])], seed);
            var heldPrediction = predict(heldX).Mean;
            var errors = Enumerable.Range(0, held.Length).Sum(i => Rows.MeanSquaredDifference(heldPrediction.Row(i), heldY.Row(i)));
            points.Add(new Point(chosen.Count, chosen.Sum(i => hours[i]), errors, held.Length));
            if (remaining.Count == 0) return points;
            var take = Math.Min(step, remaining.Count);
            if (strategy != Strategy.Random)
            {
                var spread = predict(Rows.Select(x, remaining)).Spread;
                var score = remaining.Select((site, j) => OutOfDistribution.MeanOf(spread.Row(j)) / (strategy == Strategy.SpreadPerHour ? hours[site] : 1)).ToArray();
                remaining = [.. remaining.Select((site, j) => (site, j)).OrderByDescending(p => score[p.j]).Select(p => p.site)];
            }
            chosen.AddRange(remaining.Take(take));
            remaining.RemoveRange(0, take);
        }
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

    readonly record struct Stat(double Mean, double Sd)
    {
        public static Stat Of(IReadOnlyList<double> values)
        {
            var mean = values.Average();
            return new(mean, values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)));
        }
    }

    /// <summary>A strategy's curve at one step: site count (a fold whose pool is smaller counts with its whole pool), MSE, compute.</summary>
    readonly record struct CurvePoint(int Sites, Stat Mse, Stat Hours);

    /// <summary>
    /// Per nominal site count: each repeat's group-CV MSE (every held-out site of every fold, each fold's model at that
    /// count) and its mean compute over the folds; then mean and standard deviation over the repeats.
    /// </summary>
    static CurvePoint[] CurveOf(List<Point>[][] repeats)
    {
        var longest = repeats.Max(folds => folds.Max(f => f.Count));
        return [.. Enumerable.Range(0, longest).Select(t =>
        {
            var atT = repeats.Select(folds => folds.Select(f => f[Math.Min(t, f.Count - 1)]).ToArray()).ToArray();
            return new CurvePoint(atT.SelectMany(p => p).Max(p => p.Sites),
                Stat.Of([.. atT.Select(points => points.Sum(p => p.ErrorSum) / points.Sum(p => p.Held))]),
                Stat.Of([.. atT.Select(points => points.Average(p => p.Hours))]));
        })];
    }
    static void Write(string path, CurvePoint[][] curves)
    {
        var text = new StringBuilder("order\tsites\tmse_mean\tmse_sd\thours_mean\thours_sd\n");
        foreach (var (curve, (_, name, _)) in curves.Zip(Strategies))
            foreach (var c in curve)
                text.Append(CultureInfo.InvariantCulture, $"{name}\t{c.Sites}\t{c.Mse.Mean:F5}\t{c.Mse.Sd:F5}\t{c.Hours.Mean:F3}\t{c.Hours.Sd:F3}\n");
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Each order's mean curve with a band of ±1 standard deviation over the repeats, against <paramref name="at"/>.</summary>
    static void Plot(string path, CurvePoint[][] curves, Func<CurvePoint, double> at, string xLabel, double fullPool)
    {
        Curve Line(CurvePoint[] curve, Func<CurvePoint, double> value) => new([.. curve.Select(at)], [.. curve.Select(value)]);
        Plots.Save(path, new PlotFigure(xLabel, "group-CV MSE on held-out materials", "New sites chosen by the ensemble's spread or at random")
        {
            Curves = [.. curves.Zip(Strategies).Select(p => new PlotSeries(p.Second.Name, Line(p.First, c => c.Mse.Mean), p.Second.Color))],
            Bands = [.. curves.Zip(Strategies).Select(p => new PlotBand("", Line(p.First, c => c.Mse.Mean - c.Mse.Sd), Line(p.First, c => c.Mse.Mean + c.Mse.Sd), p.Second.Color))],
            HorizontalLine = (fullPool, "whole training pool"),
        });
    }
}
