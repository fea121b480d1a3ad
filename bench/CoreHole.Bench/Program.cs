using System.Text.Json;
using CoreHole.Bench;

// CoreHole.Bench: the CoreHole side of bench/run-mlp.sh. Each command prints one JSON object per line.
//   peak                                  register-only FMA loop: the core's single-precision FMA peak
//   kernel  --hidden 500,500              the matrix products of one training step, GFLOP/s each
//   train   --hidden 500,500 --threads 2  samples/s of one training (threads inside it)
//   train   --hidden 500,500 --concurrent 2   samples/s of 2 independent 1-thread trainings side by side
//   profile --hidden 500,500              microseconds per phase of one training step
//   designs DATASET [--folds 5 --repeats 3 --seed 0] [--only 1,2]   default-predictor candidates against the
//                                         baselines under repeated group CV (a table, then the JSON line)
//   widths DATASET [WIDE_CAMPAIGN]        ridge with the supercell width as an input (a study), CV and against the
//                                         labels of WIDE_CAMPAIGN (default data/label-width)
var options = Options.Parse(args.Skip(1).ToArray());
object result = args.FirstOrDefault() switch
{
    "peak" => FmaPeak.Measure(),
    "kernel" => KernelBench.Measure(options.Hidden),
    "profile" => StepProfile.Measure(options.Hidden),
    "designs" => DesignBench.Measure(args.ElementAtOrDefault(1) ?? throw new ArgumentException("designs needs a dataset"),
        options.Folds, options.Repeats, options.Seed, options.Only),
    "widths" => WidthInputBench.Measure(args.ElementAtOrDefault(1) ?? throw new ArgumentException("widths needs a dataset"),
        args.ElementAtOrDefault(2) is { } wide && !wide.StartsWith("--") ? wide : "data/label-width", options.Folds, options.Repeats, options.Seed),
    "train" => TrainingBench.Measure(options.Hidden, options.Threads, options.Concurrent, options.Repeats),
    _ => throw new ArgumentException("usage: CoreHole.Bench peak | kernel --hidden W,W | profile --hidden W,W | train --hidden W,W [--threads N | --concurrent N] [--repeats N] | designs DATASET [--only 1,2] | widths DATASET [WIDE_CAMPAIGN]"),
};
Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));

namespace CoreHole.Bench
{
    sealed record Options(int[] Hidden, int Threads, int Concurrent, int Repeats, int Folds, int Seed, string[] Only)
    {
        public static Options Parse(string[] args)
        {
            string Value(string name, string fallback)
            {
                int i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }
            return new Options(
                Value("--hidden", "500").Split(',').Select(int.Parse).ToArray(),
                int.Parse(Value("--threads", "1")), int.Parse(Value("--concurrent", "0")), int.Parse(Value("--repeats", "3")),
                int.Parse(Value("--folds", "5")), int.Parse(Value("--seed", "0")), Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>The benchmark's fixed work, the same as bench/torch_mlp.py's.</summary>
    static class Work
    {
        public const int Samples = 1000, Features = 160, Batch = 32, Epochs = 50;

        public static int[] Widths(int[] hidden) => [Features, .. hidden, Features];

        /// <summary>Multiply-add FLOPs per sample of one training step: forward, ∂W, and ∂x of all but the first layer.</summary>
        public static double FlopsPerSample(int[] hidden)
        {
            var widths = Widths(hidden);
            double flops = 0;
            for (int i = 0; i + 1 < widths.Length; i++)
                flops += 2.0 * widths[i] * widths[i + 1] * (i == 0 ? 2 : 3);
            return flops;
        }
    }
}
