using System.CommandLine;
using System.Diagnostics;
using CoreHole.Training;
using CoreHole.Reports;
using CoreHole.Evaluation;
using CoreHole.Paper;
using CoreHole.Datasets;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>corehole reproduce</c>: the paper's results from the embedded dataset (or synthetic sites): datasets, searches
/// and models in DIR/work (resumed by a rerun), result files, then the static report DIR/index.html.
/// </summary>
static class ReproduceCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "folder of the report (index.html, figures, results) and its work files", DefaultValueFactory = _ => "report" };
        var quick = new Option<bool>("--quick") { Description = "search 8 of the 108 combinations (minutes instead of hours)" };
        var campaign = new Option<string>("--campaign") { Description = "the campaign folder of DFT results", DefaultValueFactory = _ => "data/campaign" };
        var oxides = new Option<string>("--oxides") { Description = "the oxide campaign folder, whose compounds the leave-one-compound-out transfer holds out one at a time (left out if absent)", DefaultValueFactory = _ => "data/oxides" };
        var amorphous = new Option<string>("--amorphous") { Description = "the folder of amorphous cells: campaign materials made from its structures are amorphous SiO2", DefaultValueFactory = _ => MaterialSets.DefaultAmorphousFolder };
        var synthetic = new Option<int>("--synthetic") { Description = "instead of the campaign, this many made-up crystalline sites (and a third as many amorphous): to try the pipeline; nothing is a result" };
        var labelWidth = new Option<string>("--label-width") { Description = "the label-width study's summary.tsv, drawn beside the error against supercell width (skipped if absent)", DefaultValueFactory = _ => "data/label-width/summary.tsv" };
        var jobs = new Option<int>("--jobs") { Description = "with --executor local: search jobs run side by side", DefaultValueFactory = _ => Environment.ProcessorCount };
        var executors = new ExecutorOptions(follows: true);
        var command = new Command("reproduce", "Train on the embedded dataset as the paper did, evaluate, and write a static HTML report with every figure of the paper.")
        {
            output, quick, campaign, oxides, amorphous, synthetic, labelWidth, jobs,
        };
        executors.AddTo(command);
        command.SetAction(parse =>
        {
            if (executors.IsSlurm(parse) && parse.GetResult(jobs) is { Implicit: false }) throw new InputError("--jobs applies to --executor local; on Slurm each job is one task");
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var clock = Stopwatch.StartNew();
            void Log(string line) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
            var oxideFolder = parse.GetValue(oxides)!;
            string[] campaigns = Directory.Exists(oxideFolder) ? [parse.GetValue(campaign)!, oxideFolder] : [parse.GetValue(campaign)!];
            var sites = parse.GetValue(synthetic) is > 0 and var count
                ? ReproductionSites.Synthetic(count, Math.Max(count / 3, 1), seed: 0)
                : ReproductionSites.FromCampaigns(campaigns, parse.GetValue(amorphous)!);
            Log($"sites from {sites.Description}: {sites.Crystalline.Count} crystalline SiO2, {sites.Amorphous.Count} amorphous SiO2, {sites.Oxides.Count} transfer oxides, {sites.OtherOxides?.Count ?? 0} other oxides");
            foreach (var note in sites.Notes) Log(note);

            using var cancel = StopSignals.Token();
            void RunJobs(SearchJobRunner runner, IReadOnlyList<SearchJob> pending, int total)
            {
                SearchProgress.Run(executors.SearchExecutor(parse, runner, parse.GetValue(jobs)), pending, j => LocalSearchExecutor.Cost(j, runner.Data),
                    total - pending.Count, total, cancel.Token);
                cancel.Token.ThrowIfCancellationRequested();
            }
            var trainer = new ModelTrainer(Path.Combine(folder, "work"), parse.GetValue(quick) ? SearchSpace.Quick : SearchSpace.Paper, RunJobs, Log);
            var labelTable = parse.GetValue(labelWidth)!;
            var labelChanges = parse.GetValue(synthetic) is 0 && File.Exists(labelTable) ? ErrorByWidth.ReadLabelChanges(labelTable) : [];
            new Reproduction(trainer, new ResultFiles(folder), Log).Run(sites, labelChanges);
            Log("writing the report");
            var headlines = ReportPage.Write(folder);
            foreach (var line in headlines) Console.WriteLine(line);
            Log($"wrote {Path.Combine(folder, ReportPage.FileName)}");
            return 0;
        });
        return command;
    }
}
