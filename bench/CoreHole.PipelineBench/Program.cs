using System.Diagnostics;
using System.Text.Json;
using CoreHole.Datasets;
using CoreHole.Learning;
using CoreHole.Training;

// Prediction throughput from preprocessed input: spectra per second through MlpRegressor.Predict, on one thread and on
// every core (one model copy per core, each predicting its share of the rows). One JSON line per measurement.
//   CoreHole.PipelineBench MODEL.chmlp [--rows 100000] [--repeats 5]
//   CoreHole.PipelineBench --hidden 256,256 [--input 160] ...      (an untrained network of that shape: same work)
string? Value(string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int rows = int.Parse(Value("--rows") ?? "100000"), repeats = int.Parse(Value("--repeats") ?? "5");

Func<MlpRegressor> load;
string label;
int inputs;
if (Value("--hidden") is { } hidden)
{
    int[] widths = [.. hidden.Split(',').Select(int.Parse)];
    inputs = int.Parse(Value("--input") ?? "160");
    var tiny = new Matrix(2, inputs, new float[2 * inputs]);
    var target = new Matrix(2, 160, new float[2 * 160]);
    load = () => { var m = new MlpRegressor(widths, epochs: 1); m.Fit(tiny, target); return m; };
    label = $"untrained {inputs}-{hidden}-160";
}
else
{
    var path = args.FirstOrDefault() ?? throw new ArgumentException("usage: CoreHole.PipelineBench MODEL.chmlp | --hidden W,W [--rows N] [--repeats N]");
    var model = SpectrumModel.Load(path);
    (load, label, inputs) = (() => SpectrumModel.Load(path).Regressor, $"{path} ({model.Variant.Name()} input)", model.Featurizer.InputLength(model.Variant));
}

var models = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => load()).ToArray();
var x = new Matrix(rows, inputs);
var random = new SeededRandom(1);
random.NextFloats(x.Data);

foreach (int threads in new[] { 1, models.Length }.Distinct())
{
    int share = (rows + threads - 1) / threads;
    var parts = Enumerable.Range(0, threads).Select(t => Dataset.Rows(x, [.. Enumerable.Range(t * share, Math.Max(0, Math.Min(share, rows - t * share)))])).ToArray();
    double Pass()
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => models[t].Predict(parts[t]));
        return clock.Elapsed.TotalSeconds;
    }
    // Warm-up until tiered compilation has settled: untimed passes for at least 2 s (the first passes run slower code).
    for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 2;) Pass();
    var seconds = Enumerable.Range(0, repeats).Select(_ => Pass()).ToList();
    double best = seconds.Min(), median = seconds.Order().ElementAt(seconds.Count / 2);
    int[] widths = [inputs, .. models[0].HiddenWidths, 160];
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        model = label, threads, rows, spectra_per_s_median = Math.Round(rows / median), spectra_per_s_best = Math.Round(rows / best),
        gflops_median = Math.Round(rows / median * NetworkFlops.Forward(widths) / 1e9, 1), seconds = seconds.Select(s => Math.Round(s, 4)),
    }));
}
