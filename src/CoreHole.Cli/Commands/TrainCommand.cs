using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CoreHole.Cluster;
using CoreHole.Datasets;
using CoreHole.Learning;
using CoreHole.Training;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>corehole train DATASET -o DIR</c>: one training with fixed hyper-parameters, or <c>--search</c>: the paper's
/// 5-fold cross-validation over 108 combinations (resumable), then the best one trained and saved.
/// </summary>
static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "a dataset .h5 file (corehole dataset build)" };
        var output = new Option<string>("--output", "-o") { Description = "folder for the model (model.chmlp), its report and, with --search, the search state (resumed if it exists)", Required = true };
        var variant = new Option<string>("--variant") { Description = "input: conduction, band-gap or valence", DefaultValueFactory = _ => "conduction" };
        var split = new Option<string>("--split") { Description = "paper (sites shuffled) or group (whole materials on one side)", DefaultValueFactory = _ => Splits.Paper };
        var search = new Option<bool>("--search") { Description = "cross-validate the 108 combinations (18 architectures x 6 weight decays) and train the best" };
        var grid = new Option<string>("--grid") { Description = "with --search: paper (all 108 combinations) or quick (8 of them, for a first look)", DefaultValueFactory = _ => SearchSpace.Paper };
        var hidden = new Option<string>("--hidden") { Description = "without --search: hidden layer widths, e.g. 256,256", DefaultValueFactory = _ => "256,256" };
        var decay = new Option<float>("--weight-decay") { Description = "without --search: L2 weight decay", DefaultValueFactory = _ => 1e-6f };
        var epochs = new Option<int>("--epochs") { Description = "maximum epochs per fit", DefaultValueFactory = _ => MlpRegressor.DefaultEpochs };
        var patience = new Option<int>("--patience") { Description = "early stopping: epochs without a lower validation loss", DefaultValueFactory = _ => MlpRegressor.DefaultPatience };
        var rate = new Option<float>("--learning-rate") { Description = "Adam step size", DefaultValueFactory = _ => MlpRegressor.DefaultLearningRate };
        var batch = new Option<int>("--batch-size") { Description = "samples per Adam step", DefaultValueFactory = _ => MlpRegressor.DefaultBatchSize };
        var dropout = new Option<float>("--dropout") { Description = "dropout after hidden layers not linked to the output (paper: 0.5)", DefaultValueFactory = _ => MlpRegressor.DefaultDropout };
        var folds = new Option<int>("--folds") { Description = "cross-validation folds", DefaultValueFactory = _ => SearchSettings.DefaultFolds };
        var seed = new Option<int>("--seed") { Description = "seeds folds, initialisation, shuffling and dropout", DefaultValueFactory = _ => SearchSettings.DefaultSeed };
        var jobs = new Option<int>("--jobs") { Description = "search jobs run side by side", DefaultValueFactory = _ => Environment.ProcessorCount };
        var ensemble = new Option<bool>("--ensemble") { Description = "train the default predictor instead: a deep ensemble on the crystalline sites, its spread calibrated by group CV, compared with the baselines (model.chmodel with its training domain, model-card.md, model-card.json)" };
        var repeats = new Option<int>("--repeats") { Description = "with --ensemble: repeats of the group cross-validation that calibrates the spread", DefaultValueFactory = _ => 3 };
        var job = new Option<string?>("--job") { Description = "with --search: run only this job (e.g. c017-f3) from the folder's state and checkpoint it (for cluster executors)" };
        var executors = new ExecutorOptions();
        var command = new Command("train", "Train the spectrum model on a dataset, with fixed hyper-parameters or the paper's cross-validated search.")
        {
            dataset, output, variant, split, search, grid, hidden, decay, epochs, patience, rate, batch, dropout, folds, seed, jobs, job, ensemble, repeats,
        };
        executors.AddTo(command);
        command.SetAction(parse =>
        {
            var slurm = executors.IsSlurm(parse);
            if (slurm && (!parse.GetValue(search) || parse.GetValue(job) is not null)) throw new InputError("--executor slurm runs a whole --search (without --job)");
            var path = Path.GetFullPath(parse.GetValue(dataset)!);
            if (!File.Exists(path)) throw new InputError(path, null, "no such dataset file");
            if (parse.GetValue(ensemble))
                return EnsembleTraining.Run(path, InputVariants.Parse(parse.GetValue(variant)!), parse.GetValue(output)!,
                    new CoreHole.Evaluation.CrossValidation(parse.GetValue(folds), parse.GetValue(repeats), parse.GetValue(seed)),
                    $"./corehole {string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,".Contains(c)) ? a : Shell.Quote(a)))}");
            var settings = new SearchSettings(path, SearchFolder.Sha256(path), InputVariants.Parse(parse.GetValue(variant)!).Name(),
                parse.GetValue(split)!, parse.GetValue(folds), parse.GetValue(rate), parse.GetValue(batch), parse.GetValue(epochs),
                parse.GetValue(patience), parse.GetValue(dropout), parse.GetValue(seed), parse.GetValue(grid)!);
            SearchSpace.Grid(settings.Grid); // an unknown grid is an error before any folder is made
            if (!Splits.Names.Contains(settings.Split)) throw new InputError($"unknown split '{settings.Split}': use {string.Join(" or ", Splits.Names)}");
            if (parse.GetValue(job) is not null && !parse.GetValue(search)) throw new InputError("--job runs one job of a search: give --search too");
            var folder = SearchFolder.Create(parse.GetValue(output)!, settings);
            Combination combination;
            FinalTrainingReport report;
            if (parse.GetValue(search))
            {
                if (parse.GetValue(job) is { } id)
                {
                    var result = new SearchJobRunner(folder).Run(SearchJob.Parse(id, settings.Folds));
                    Console.WriteLine($"{result.Id}: validation MSE {result.ValidationMse:G6} after {result.EpochsRun} epochs");
                    return 0;
                }
                if (slurm) return SearchOnSlurm(folder, executors.SlurmSettings(parse), parse.GetValue(executors.Wait));
                (combination, report) = Search(folder, parse.GetValue(jobs));
            }
            else
            {
                combination = new Combination(-1, ParseWidths(parse.GetValue(hidden)!), parse.GetValue(decay));
                report = FinalTraining.RunAndSave(folder, combination);
            }
            Print(combination, report);
            Console.WriteLine($"wrote {folder.ModelFile} and {folder.TrainingReport}");
            Print(combination, FinalTraining.OnOtherSplit(settings, combination));
            return 0;
        });
        return command;
    }

    static (Combination, FinalTrainingReport) Search(SearchFolder folder, int concurrency)
    {
        var all = folder.Jobs();
        var pending = all.Where(j => folder.Result(j) is null).ToList();
        Console.WriteLine($"search in {folder.Folder}: {all.Count} jobs ({all.Count / folder.Settings.Folds} combinations of the {folder.Settings.Grid} grid x {folder.Settings.Folds} folds), {all.Count - pending.Count} already done, {concurrency} at a time");
        using var cancel = StopSignals.Token();
        var seconds = 0.0;
        var (summary, report) = ModelTrainer.SearchAndTrain(folder, (runner, jobs, total) =>
        {
            var clock = Stopwatch.StartNew();
            SearchProgress.Run(new LocalSearchExecutor(runner, concurrency), jobs, j => LocalSearchExecutor.Cost(j, runner.Data),
                total - jobs.Count, total, cancel.Token);
            cancel.Token.ThrowIfCancellationRequested();
            seconds = clock.Elapsed.TotalSeconds;
        });
        PrintScores(summary);
        var ranNow = new HashSet<string>(pending.Select(j => j.Id));
        var flopsNow = summary.Results.Where(r => ranNow.Contains(r.Id)).Sum(r => r.Flops);
        Console.WriteLine(pending.Count == 0 ? $"search: nothing left to run; all jobs {summary.TotalFlops:0.000e+00} FLOP"
            : string.Create(CultureInfo.InvariantCulture,
                $"search: {pending.Count} jobs run now in {seconds:0.0} s: {flopsNow:0.000e+00} FLOP, {flopsNow / seconds / 1e9:0.0} GFLOP/s sustained; all jobs {summary.TotalFlops:0.000e+00} FLOP"));
        Console.WriteLine($"best: {summary.Best.Combination} (mean CV MSE {summary.Best.Mean:G4} ± {summary.Best.Std:G3}); table in {folder.ResultsCsv}");
        return (summary.Best.Combination, report);
    }

    /// <summary>
    /// The search as Slurm jobs (an array of folds, then the final training after it); with --wait, follows them and
    /// prints what the final job wrote into the folder.
    /// </summary>
    static int SearchOnSlurm(SearchFolder folder, SlurmOptions options, bool wait)
    {
        var slurm = new SlurmSearch(folder, options);
        var submitted = slurm.Submit();
        ExecutorOptions.PrintSubmitted(submitted, folder.Folder);
        if (!wait) return 0;
        using var cancel = StopSignals.Token();
        var total = folder.Jobs().Count;
        var done = folder.Jobs().Count(j => folder.Result(j) is not null);
        slurm.Follow(new SynchronousProgress<SearchJobResult>(r => Console.WriteLine(SearchProgress.Line(++done, total, r))), cancel.Token);
        var summary = SearchSummary.Of(folder);
        PrintScores(summary);
        Print(summary.Best.Combination, folder.ReadReport());
        Console.WriteLine($"the final Slurm job wrote {folder.ModelFile} and {folder.TrainingReport}");
        return 0;
    }

    static void PrintScores(SearchSummary summary)
    {
        Tables.Write(["#", "hidden", "weight decay", "mean CV MSE", "std", "mean epochs"], summary.Scores.OrderBy(s => s.Mean).Select(s =>
            (IReadOnlyList<string>)[$"{s.Combination.Index}", s.Combination.HiddenText, s.Combination.WeightDecayText, $"{s.Mean:G4}", $"{s.Std:G3}", $"{s.MeanEpochs:0}"]));
    }

    static void Print(Combination combination, FinalTrainingReport report) => AnsiConsole.MarkupLineInterpolated(
        $"trained hidden {combination.HiddenText}, weight decay {combination.WeightDecayText} on {report.TrainSamples} sites ({report.Split} split): {report.EpochsRun} epochs, validation MSE {report.ValidationMse:G4}, test MSE {(report.TestMse is { } t ? t.ToString("G4", CultureInfo.InvariantCulture) : "- (no test sites)")}");

    static int[] ParseWidths(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => int.TryParse(t.Trim(), out var w) && w > 0 ? w
            : throw new InputError($"--hidden: '{t}' is not a positive width"))];
}
