using System.Globalization;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Models;
using CoreHole.Paper;

namespace CoreHole.Bench;

/// <summary>
/// Which design the default predictor uses, measured (docs/learning.md, "Choosing the default predictor"): every
/// candidate and the baselines under the same repeated group cross-validation as <c>corehole evaluate</c> (the same
/// folds, seeds and bootstrap), on a dataset's crystalline sites with the conduction input. Prints a table: MSE with
/// its 95% interval over materials, skill, lowest value, roughness ratio, and for predictors with a spread the
/// held-out coverage of ±1σ and ±2σ. Hyper-parameters are fixed here, never chosen on these folds.
/// </summary>
static class DesignBench
{
    static IReadOnlyList<(string Name, ISpectrumModel Model, bool OnConductionInput)> Candidates(int seed) =>
    [
        ("ensemble: 5 x 64, smooth non-negative output", new DeepEnsemble(seed: seed), false),
        ("ridge + 5 x 64 residual networks, smooth, clipped at 0", new RidgeResidualEnsemble(seed: seed), false),
        ("ridge + 5 x 32 residual networks, weight decay 1e-3", new RidgeResidualEnsemble(hidden: 32, weightDecay: 1e-3f, seed: seed), false),
        ("one shared ridge + 5 x 64 residual networks", new RidgeResidualEnsemble(seed: seed, ridgePerMember: false), false),
    ];

    public static object Measure(string dataset, int folds, int repeats, int seed, IReadOnlyList<string> only)
    {
        var data = DatasetFile.Read(dataset);
        var sites = SiteSets.Of(data.Materials, ReproductionSites.TransferOxides).Crystalline;
        var x = Rows.Select(data.Inputs[InputVariant.Conduction], sites);
        var y = Rows.Select(data.Targets, sites);
        var groups = sites.Select(i => data.Materials[i]).ToArray();
        var cv = new CrossValidation(folds, repeats, seed);
        var candidates = Candidates(seed).Where((c, i) => only.Count == 0 || only.Contains($"{i + 1}")).ToList();
        var (scores, runs) = Comparison.RunAll([.. candidates, .. Comparison.Baselines(seed)], x, x, y, groups, cv,
            (name, done, total) => Console.Error.Write($"\r{name}: {done}/{total} folds          "));
        Console.Error.WriteLine();
        Console.WriteLine($"{sites.Length} crystalline sites from {groups.Distinct().Count()} materials of {dataset}, conduction input; " +
            $"{folds} folds x {repeats} repeats, seed {seed}; 95% bootstrap interval over materials");
        Console.WriteLine("| predictor | MSE | 95% interval | skill | lowest value | roughness ratio | ±1σ | ±2σ |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var coverage = runs[i].Predictions[0].HasSpread ? Calibration.Of(runs[i]) : null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Mse.Estimate:F4} | {s.Mse.Low:F4}-{s.Mse.High:F4} | {s.Skill:F3} | {s.Minimum:G3} | {s.RoughnessRatio:G3} | {(coverage is null ? "-" : $"{coverage.OneSigma:P1}")} | {(coverage is null ? "-" : $"{coverage.TwoSigma:P1}")} |"));
        }
        return new { sites = sites.Length, candidates = candidates.Select(c => c.Name).ToArray() };
    }
}
