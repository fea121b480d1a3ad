using System.CommandLine;
using System.Globalization;
using System.Text;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Paper;
using CoreHole.Plotting;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>corehole evaluate MODEL DATASET</c>: each site's MSE, sorted (the paper's Fig. 2a), with out-of-distribution
/// scores for the sites outside the crystalline set; then the model's kind and the four baselines under repeated group
/// cross-validation on the crystalline sites, with bootstrap intervals, skill and the coverage of the uncertainty bands.
/// </summary>
static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "a model file (corehole train)" };
        var dataset = new Argument<string>("dataset") { Description = "a dataset .h5 file prepared as the model's" };
        var split = new Option<string?>("--split") { Description = "list only a part of this split (paper or group); default: every site" };
        var part = new Option<string>("--part") { Description = "with --split: train, validation or test", DefaultValueFactory = _ => "test" };
        var csv = new Option<string?>("--csv") { Description = "also write the per-site table as CSV" };
        var folds = new Option<int>("--folds") { Description = "group cross-validation folds", DefaultValueFactory = _ => CrossValidation.Default.Folds };
        var repeats = new Option<int>("--repeats") { Description = "group cross-validation repeats, each with its own folds", DefaultValueFactory = _ => CrossValidation.Default.Repeats };
        var seed = new Option<int>("--seed") { Description = "seeds the folds, the models and the bootstrap", DefaultValueFactory = _ => 0 };
        var noCv = new Option<bool>("--no-cv") { Description = "only the per-site table: no cross-validation, baselines or coverage" };
        var labelWidth = new Option<string?>("--label-width") { Description = "the label-width study's summary.tsv: its label changes beside the error against supercell width" };
        var widthPlot = new Option<string?>("--width-plot") { Description = "draw the held-out error against supercell width (and the label changes) to this .png or .svg" };
        var command = new Command("evaluate", "Per-site MSE of a model with out-of-distribution flags, and the model against four baselines under repeated group cross-validation.")
        {
            model, dataset, split, part, csv, folds, repeats, seed, noCv, labelWidth, widthPlot,
        };
        command.SetAction(parse =>
        {
            var loaded = LoadedModel.Load(parse.GetValue(model)!);
            var data = DatasetFile.Read(parse.GetValue(dataset)!);
            var labels = parse.GetValue(labelWidth) is { } table ? ErrorByWidth.ReadLabelChanges(table) : [];
            var cv = parse.GetValue(noCv) ? null : new CrossValidation(parse.GetValue(folds), parse.GetValue(repeats), parse.GetValue(seed));
            var evaluation = ModelEvaluation.Run(loaded, data, ReproductionSites.TransferOxides, cv,
                (name, done, total) => Console.Error.Write($"\rcross-validating {name}: {done}/{total} folds   "));
            if (cv is not null) Console.Error.WriteLine();
            var listed = parse.GetValue(split) is { } name
                ? data.Indices(name, Enum.TryParse<Part>(parse.GetValue(part), ignoreCase: true, out var p) ? p
                    : throw new InputError($"--part must be train, validation or test, not '{parse.GetValue(part)}'"))
                : [.. Enumerable.Range(0, data.Count)];
            if (listed.Length == 0) throw new InputError("no sites to evaluate in that part");
            var rows = listed.Select(i => evaluation.Sites[i]).OrderBy(s => s.Mse).ToList();
            PrintSites(rows, loaded, data);
            if (parse.GetValue(csv) is { } path) WriteCsv(path, rows);
            if (evaluation.Comparison is { } comparison) PrintComparison(evaluation, comparison, cv!);
            var byWidth = evaluation.ErrorsByWidth();
            PrintErrorByWidth(byWidth, labels);
            if (parse.GetValue(widthPlot) is { } plot)
            {
                if (byWidth.Count == 0) throw new InputError(plot, null, "no error against supercell width to draw: it needs the cross-validation and sites read from campaign folders");
                Plots.Save(plot, ErrorByWidth.Figure(byWidth, labels));
                Console.WriteLine($"wrote {plot}");
            }
            PrintTransfer(evaluation, data);
            return 0;
        });
        return command;
    }

    static void PrintSites(List<ModelEvaluation.Site> rows, LoadedModel loaded, Dataset data)
    {
        Tables.Write(["rank", "material", "site", "set", "MSE", "input distance", "spread score", ""], rows.Select((s, i) => (IReadOnlyList<string>)
            [$"{i + 1}", s.Record.Material, s.Record.Site, s.Set, F(s.Mse), s.Ood is { } ood ? F(ood.Distance) : "-",
                s.Ood?.Spread is { } spread ? F(spread) : "-", s.Ood is { Flagged: true } ? "out of domain" : ""]));
        var sorted = rows.Select(r => r.Mse).ToArray();
        var interval = Bootstrap.MeanOverGroups(sorted, [.. rows.Select(r => r.Record.Material)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} spectra ({loaded.Variant.Name()} input; target {data.Featurizer.TargetNormalization} x{data.Featurizer.IntensityScale}): mean MSE {sorted.Average():G4} (95% interval over materials {F(interval.Low)} - {F(interval.High)}), median {Quantile(sorted, 0.5):G4}, 90% below {Quantile(sorted, 0.9):G4}"));
        foreach (var set in rows.Where(r => r.Ood is not null).GroupBy(r => r.Set))
            Console.WriteLine($"{set.Key} sites: {set.Count()}, median MSE {F(Quantile([.. set.Select(r => r.Mse).Order()], 0.5))}, " +
                $"{set.Count(r => r.Ood!.Flagged)} flagged out of domain ({string.Join(", ", set.Where(r => r.Ood!.Flagged).Select(r => r.Record.Id))})");
        Console.WriteLine("input distance: to the nearest crystalline input over the 95th percentile of the crystalline sites' distance to another material; " +
            "spread score: the mean ensemble spread over its 95th percentile on held-out crystalline sites; above 1 is out of domain");
    }

    static void PrintComparison(ModelEvaluation evaluation, Comparison.Result comparison, CrossValidation cv)
    {
        Console.WriteLine($"group cross-validation on {evaluation.CrystallineSites} crystalline sites from {evaluation.CrystallineMaterials} materials " +
            $"({cv.Folds} folds x {cv.Repeats} repeats, seed {cv.Seed}; whole materials held out; 95% bootstrap interval over materials):");
        Tables.Write(["predictor", "MSE", "95% interval", "skill", "lowest value", "roughness / targets'"], comparison.Scores.Select(s => (IReadOnlyList<string>)
            [s.Name, F(s.Mse.Estimate), $"{F(s.Mse.Low)} - {F(s.Mse.High)}", F(s.Skill), F(s.Minimum), F(s.RoughnessRatio)]));
        Console.WriteLine(Comparison.Verdict(comparison.Scores));
        if (evaluation.Coverage is { } c)
            Console.WriteLine($"held-out coverage of the bands (spread scaled on the other folds): ±1σ {c.OneSigma:P1} (goal 68.3%), ±2σ {c.TwoSigma:P1} (goal 95.4%); further scale the held-out errors ask for {F(c.Scale)}");
    }

    /// <summary>Per supercell-width bin: each predictor's mean held-out error over the crystalline sites computed in cells
    /// that wide, and the label-width study's mean label change at that narrow width.</summary>
    static void PrintErrorByWidth(IReadOnlyList<ErrorByWidth.Series> byWidth, IReadOnlyList<ErrorByWidth.LabelChange> labels)
    {
        if (byWidth.Count == 0) return;
        var columns = byWidth.Select(p => ErrorByWidth.MeanPerBin(p.Widths, p.Errors)).ToList();
        var labelBins = ErrorByWidth.MeanPerBin([.. labels.Select(l => l.NarrowWidth)], [.. labels.Select(l => l.LabelMse)]);
        Console.WriteLine($"held-out error (group CV, mean per site) against the width of the site's core-hole supercell ({byWidth[0].Widths.Length} crystalline sites with a campaign plan)" +
            (labels.Count > 0 ? $", beside the label change between a narrow and a >= 10 Å cell of the same site ({labels.Count} sites of the label-width study):" : ":"));
        string Cell((ErrorByWidth.Bin Bin, int Count, double Mean) b) => b.Count == 0 ? "-" : $"{F(b.Mean)} ({b.Count})";
        Tables.Write(["supercell width", .. byWidth.Select(p => $"{p.Name} MSE (sites)"), .. labels.Count > 0 ? new[] { "label change (sites)" } : []],
            ErrorByWidth.Bins.Select((bin, k) => (IReadOnlyList<string>)[bin.Label, .. columns.Select(c => Cell(c[k])), .. labels.Count > 0 ? new[] { Cell(labelBins[k]) } : []]));
    }

    /// <summary>Outside the crystalline set, each predictor fitted on it: the amorphous sites' median MSE and each oxide's MSE.</summary>
    static void PrintTransfer(ModelEvaluation evaluation, Dataset data)
    {
        if (evaluation.Outside.Length == 0) return;
        var columns = evaluation.Outside.Select((site, k) => (Site: site, Index: k)).GroupBy(p => evaluation.Sites[p.Site].Set == ModelEvaluation.AmorphousSet
            ? $"amorphous ({evaluation.Outside.Count(i => evaluation.Sites[i].Set == ModelEvaluation.AmorphousSet)} sites, median)"
            : data.Records[p.Site].Material).ToList();
        Console.WriteLine("outside the crystalline set, every predictor fitted on all crystalline sites (MSE; median over a set's sites):");
        Tables.Write(["predictor", .. columns.Select(c => c.Key)], evaluation.Transfer.Select(t => (IReadOnlyList<string>)
            [t.Name, .. columns.Select(c => F(Median([.. c.Select(p => t.Mse[p.Index])])))]));
    }

    static double Median(double[] values) => Bootstrap.Quantile([.. values.Order()], 0.5);

    static void WriteCsv(string path, List<ModelEvaluation.Site> rows)
    {
        var text = new StringBuilder("rank,material,site,set,mse,input_distance,spread_score,out_of_domain\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var (s, ood) = (rows[i], rows[i].Ood);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1},{s.Record.Material},{s.Record.Site},{s.Set},{s.Mse:R},{ood?.Distance:R},{ood?.Spread:R},{(ood is { Flagged: true } ? 1 : 0)}\n");
        }
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"wrote {path}");
    }

    static string F(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>The value below which a fraction <paramref name="q"/> of the sorted values lie (nearest rank).</summary>
    static double Quantile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
