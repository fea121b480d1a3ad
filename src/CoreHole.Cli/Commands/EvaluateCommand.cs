using System.CommandLine;
using System.Globalization;
using System.Text;
using CoreHole.Datasets;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole evaluate MODEL DATASET</c>: each site's MSE between predicted and computed spectrum, sorted (the paper's Fig. 2a).</summary>
static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "a model file (corehole train)" };
        var dataset = new Argument<string>("dataset") { Description = "a dataset .h5 file prepared as the model's" };
        var split = new Option<string?>("--split") { Description = "only a part of this split (paper or group); default: every site" };
        var part = new Option<string>("--part") { Description = "with --split: train, validation or test", DefaultValueFactory = _ => "test" };
        var csv = new Option<string?>("--csv") { Description = "also write the table as CSV" };
        var command = new Command("evaluate", "Per-spectrum MSE of a model on a dataset, sorted, with the mean, median and 90th percentile.")
        {
            model, dataset, split, part, csv,
        };
        command.SetAction(parse =>
        {
            var spectra = SpectrumModel.Load(parse.GetValue(model)!);
            var data = DatasetFile.Read(parse.GetValue(dataset)!);
            var inputs = spectra.InputsOf(data);
            int[] sites = parse.GetValue(split) is { } name
                ? data.Indices(name, Enum.TryParse<Part>(parse.GetValue(part), ignoreCase: true, out var p) ? p
                    : throw new InputError($"--part must be train, validation or test, not '{parse.GetValue(part)}'"))
                : [.. Enumerable.Range(0, data.Count)];
            if (sites.Length == 0) throw new InputError("no sites to evaluate in that part");
            var predicted = spectra.Predict(Dataset.Rows(inputs, sites));
            var targets = Dataset.Rows(data.Targets, sites);
            var rows = sites.Select((site, i) => (Site: data.Records[site], Mse: RowMse(predicted.Row(i), targets.Row(i))))
                .OrderBy(r => r.Mse).ToList();

            Tables.Write(["rank", "material", "site", "MSE"], rows.Select((r, i) => (IReadOnlyList<string>)[$"{i + 1}", r.Site.Material, r.Site.Site, $"{r.Mse:G4}"]));
            var sorted = rows.Select(r => r.Mse).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows.Count} spectra ({spectra.Variant.Name()} input; target {data.Featurizer.TargetNormalization} x{data.Featurizer.IntensityScale}): mean MSE {sorted.Average():G4}, median {Quantile(sorted, 0.5):G4}, 90% below {Quantile(sorted, 0.9):G4}"));
            if (parse.GetValue(csv) is { } path)
            {
                var text = new StringBuilder("rank,material,site,mse\n");
                for (int i = 0; i < rows.Count; i++) text.Append(CultureInfo.InvariantCulture, $"{i + 1},{rows[i].Site.Material},{rows[i].Site.Site},{rows[i].Mse:R}\n");
                File.WriteAllText(path, text.ToString());
                Console.WriteLine($"wrote {path}");
            }
            return 0;
        });
        return command;
    }

    static double RowMse(ReadOnlySpan<float> predicted, ReadOnlySpan<float> target)
    {
        double sum = 0;
        for (int i = 0; i < target.Length; i++) sum += (predicted[i] - target[i]) * (double)(predicted[i] - target[i]);
        return sum / target.Length;
    }

    /// <summary>The value below which a fraction <paramref name="q"/> of the sorted values lie (nearest rank).</summary>
    static double Quantile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
