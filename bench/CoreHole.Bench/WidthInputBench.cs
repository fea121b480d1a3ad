using System.Globalization;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Paper;

namespace CoreHole.Bench;

/// <summary>
/// A study, not a predictor CoreHole uses (a PDOS to predict from has no supercell): ridge regression with the width of
/// the site's core-hole supercell as one more input (docs/learning.md, "Error against supercell width").
/// (1) Under the same repeated group CV as <c>corehole evaluate</c>, ridge with and without the width.
/// (2) For each site of the label-width campaign (its label recomputed in a cell at least 10 Å wide) that is among the
/// dataset's crystalline sites: both ridges fitted on the crystalline sites of every other material, the width-aware one
/// asked at the site's own narrow width and at its wide cell's width, each compared with the wide cell's label, beside
/// the narrow label itself.
/// </summary>
static class WidthInputBench
{
    public static object Measure(string dataset, string wideCampaign, int folds, int repeats, int seed)
    {
        var data = DatasetFile.Read(dataset);
        var sites = SiteSets.Of(data.Materials, ReproductionSites.TransferOxides).Crystalline;
        var records = sites.Select(i => data.Records[i]).ToArray();
        var widths = ErrorByWidth.SupercellWidths(records);
        if (widths.Any(w => w is null)) throw new InputError(dataset, null, "a crystalline site is not from a campaign folder with a plan.json");
        var x = Rows.Select(data.Inputs[InputVariant.Conduction], sites);
        var y = Rows.Select(data.Targets, sites);
        var groups = records.Select(r => r.Material).ToArray();
        var xw = WithWidth(x, [.. widths.Select(w => w!.Value)]);

        // The width-blind ridge reads the "conduction" matrix (x), the width-aware one the model's (x with the width).
        var (scores, _) = Comparison.RunAll([("ridge, PDOS only", new RidgeRegression(seed: seed), true), ("ridge, PDOS + supercell width", new RidgeRegression(seed: seed), false),
            (Comparison.MeanName, new MeanSpectrum(), true)], xw, x, y, groups, new CrossValidation(folds, repeats, seed));
        Console.WriteLine($"{sites.Length} crystalline sites of {dataset}; {folds} folds x {repeats} repeats, seed {seed}; 95% bootstrap interval over materials");
        Console.WriteLine("| predictor | MSE | 95% interval |\n|---|---|---|");
        foreach (var s in scores) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Name} | {s.Mse.Estimate:F4} | {s.Mse.Low:F4}-{s.Mse.High:F4} |"));

        var wide = CampaignSource.Read(wideCampaign).Sites;
        var wideData = Dataset.Build(wide, data.Featurizer, splitSeed: 0);
        var wideWidths = ErrorByWidth.SupercellWidths(wide);
        Console.WriteLine($"\nsites of {wideCampaign} with a crystalline twin in the dataset: MSE against the wide cell's label");
        Console.WriteLine("| site | narrow / wide width (Å) | narrow label | ridge, PDOS only | ridge + width at narrow | ridge + width at wide |\n|---|---|---|---|---|---|");
        var rows = new List<double[]>();
        for (int k = 0; k < wide.Count; k++)
        {
            int i = Array.FindIndex(records, r => r.Id == wide[k].Id);
            if (i < 0 || wideWidths[k] is not { } wideWidth) continue;
            var kept = Enumerable.Range(0, records.Length).Where(j => groups[j] != groups[i]).ToArray();
            var (keptGroups, target) = (kept.Select(j => groups[j]).ToArray(), wideData.Targets.Row(k).ToArray());
            double Mse(Matrix trainX, Matrix query)
            {
                var ridge = new RidgeRegression(seed: seed);
                ridge.Fit(Rows.Select(trainX, kept), Rows.Select(y, kept), keptGroups);
                return Rows.MeanSquaredDifference(ridge.Predict(query).Mean.Row(0), target);
            }
            var row = new[] { Rows.MeanSquaredDifference(y.Row(i), target), Mse(x, Rows.Select(x, [i])),
                Mse(xw, WithWidth(Rows.Select(x, [i]), [widths[i]!.Value])), Mse(xw, WithWidth(Rows.Select(x, [i]), [wideWidth])) };
            rows.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {wide[k].Id} | {widths[i]:F2} / {wideWidth:F2} | {row[0]:F4} | {row[1]:F4} | {row[2]:F4} | {row[3]:F4} |"));
        }
        if (rows.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| mean of {rows.Count} | | {rows.Average(r => r[0]):F4} | {rows.Average(r => r[1]):F4} | {rows.Average(r => r[2]):F4} | {rows.Average(r => r[3]):F4} |"));
        return new { sites = sites.Length, wide_sites = rows.Count };
    }

    static Matrix WithWidth(Matrix x, double[] widths)
    {
        var result = new Matrix(x.Rows, x.Columns + 1);
        for (int i = 0; i < x.Rows; i++)
        {
            x.Row(i).CopyTo(result.Row(i));
            result[i, x.Columns] = (float)widths[i];
        }
        return result;
    }
}
