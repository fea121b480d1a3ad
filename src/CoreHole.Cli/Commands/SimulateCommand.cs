using System.CommandLine;
using CoreHole.Evaluation;
using System.Globalization;
using CoreHole.Cluster;
using CoreHole.Prediction;
using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole simulate</c>: plans and runs a Quantum ESPRESSO campaign (ground-state PDOS + core-hole O K edges).</summary>
static class SimulateCommand
{
    /// <summary>The DFT engine campaigns run with (and whose electron counts size their jobs).</summary>
    internal static readonly IDftEngine Engine = new QuantumEspressoEngine();

    public static Command Create()
    {
        var structures = new Argument<string[]>("structures") { Description = "CIF or POSCAR files to add to the campaign and run (none: run every material of the folder)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = "campaign folder (created if new; resumed if it exists)", Required = true };
        var manifest = new Option<string?>("--manifest") { Description = "text file listing structure files, one per line (paths relative to it; # comments)" };
        var preset = new Option<string?>("--preset") { Description = "numerical settings of a new campaign: wide (default; the pilot's 40/320 Ry, supercells at least 10 Å wide at one k-point), fast (the same in 8 Å supercells: data/campaign's SiO2), converged (10 Å supercell, 2x2x2 core-hole k mesh: the convergence study's reference, hours per site) or smoke (tests only); an existing folder keeps its own" };
        var settings = new Option<string?>("--set") { Description = "change settings of the preset for a new campaign, e.g. 'ecutwfc=60,ecutrho=480' or 'supercell_width=12' (convergence studies)" };
        var processes = new Option<int>("--np") { Description = "MPI processes per DFT run (default: this machine's cores; with --executor slurm, 1)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var dryRun = new Option<bool>("--dry-run") { Description = "print the plan of the structures given and of the folder (sites, supercells, estimated times), writing and running nothing" };
        var planOnly = new Option<bool>("--plan") { Description = "plan the structures given, save their plans in the folder and print the plan, running nothing: a later run (or --job) then finds them" };
        var retry = new Option<bool>("--retry-failed") { Description = "run again the jobs that failed before" };
        var maxAtoms = new Option<int?>("--max-atoms") { Description = "leave out materials whose core-hole supercell has more atoms" };
        var supercell = new Option<string?>("--supercell") { Description = "supercell of the primitive cell for the structures given: 'n1 n2 n3' or a 3x3 integer matrix (9 numbers, rows); default: the smallest at least the preset's width (wide: 10 Å) in every direction" };
        var keepCell = new Option<bool>("--keep-cell") { Description = "compute the ground state of the structures given in their own cell, not spglib's primitive cell (e.g. a supercell, to check k sampling)" };
        var stopAfter = new Option<double?>("--stop-after-minutes") { Description = "start no job that would not finish within this many minutes" };
        var order = new Option<string>("--order") { Description = "which jobs first: cheapest (the cheapest next spectrum first) or uncertainty (every ground state, then the core-hole sites by the model's spread per estimated minute, each material's best site before any material's second)", DefaultValueFactory = _ => "cheapest" };
        order.AcceptOnlyFromAmong("cheapest", "uncertainty");
        var model = new Option<string?>("--model") { Description = $"with --order uncertainty: the ensemble whose spread orders the sites; default: the shipped model, {ShippedModel.RelativePath} of this clone" };
        var job = new Option<string?>("--job") { Description = $"run only this job of the folder (MATERIAL/gs, MATERIAL/site_LABEL, or '{SingleJob.PrepareTask}'): what a cluster task runs" };
        var executors = new ExecutorOptions();

        var command = new Command("simulate", "Compute ground-state O-p PDOS and core-hole O K-edge spectra with Quantum ESPRESSO, resumably.")
        {
            structures, output, manifest, preset, settings, processes, dryRun, planOnly, retry, maxAtoms, supercell, keepCell, stopAfter, order, model, job,
        };
        executors.AddTo(command);
        command.SetAction(parse =>
        {
            var slurm = executors.IsSlurm(parse);
            var slurmSettings = executors.SlurmSettings(parse);
            // This machine's cores say nothing about a cluster's nodes: there, one process unless --np says more.
            var np = parse.GetResult(processes) is { Implicit: false } || !slurm ? parse.GetValue(processes) : 1;
            if (np < 1) throw new InputError($"--np must be at least 1, not {np}");
            var folder = parse.GetValue(output)!;
            if (parse.GetValue(job) is { } id) return RunOne(Campaign.Open(folder, Engine.ValenceElectrons), id, np);
            var dry = parse.GetValue(dryRun);
            var campaign = Campaign.ForRun(folder, parse.GetValue(preset), parse.GetValue(settings), dry, Engine.ValenceElectrons);
            var files = parse.GetValue(structures)!.ToList();
            if (parse.GetValue(manifest) is { } m) files.AddRange(Manifest.Read(m));
            var matrix = parse.GetValue(supercell) is { } text ? SupercellMatrix(text) : null;
            var given = new List<MaterialPlan>();
            foreach (var file in files)
            {
                var plan = dry ? campaign.Plan(file, supercellMatrix: matrix, keepCell: parse.GetValue(keepCell))
                    : campaign.Add(file, supercellMatrix: matrix, keepCell: parse.GetValue(keepCell));
                given.Add(plan);
                AnsiConsole.MarkupLineInterpolated($"planned [bold]{plan.Name}[/]: {plan.SpaceGroupSymbol}, {plan.Primitive.Atoms.Count} atoms, {plan.OxygenSites.Count} O sites, supercell {plan.SupercellAtoms} atoms");
            }
            // Structures named on the command line are the ones to run now (how a user puts some first); none: the whole folder.
            var materials = (given.Count > 0 ? given.DistinctBy(p => p.Name) : campaign.Materials())
                .Where(p => parse.GetValue(maxAtoms) is not { } max || p.SupercellAtoms <= max).ToList();
            var costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
            var uncertainty = parse.GetValue(order) == "uncertainty" ? ModelUncertainty.Load(parse.GetValue(model) ?? ShippedModel.Find()) : null;
            var ranked = uncertainty is null ? null : UncertaintyOrder.Rank(campaign, materials, costs, uncertainty, np);
            var jobs = ranked is null ? campaign.Jobs(materials, costs) : UncertaintyOrder.Jobs(campaign, materials, costs, ranked);
            if (dry || parse.GetValue(planOnly))
            {
                PrintPlan(campaign, materials, jobs, costs, np);
                if (ranked is not null) PrintRanking(ranked);
                return 0;
            }
            if (slurm && parse.GetValue(stopAfter) is not null) throw new InputError("--stop-after-minutes applies to the local executor; on Slurm use --time");
            ICampaignExecutor executor;
            if (slurm)
            {
                // Submit and say so first; then, with --wait, follow what is queued.
                var cluster = new SlurmCampaignExecutor(campaign, np, parse.GetValue(retry), slurmSettings);
                ExecutorOptions.PrintSubmitted(cluster.Submit(jobs), folder);
                if (!parse.GetValue(executors.Wait)) return 0;
                executor = cluster;
            }
            else
            {
                Engine.RequireInstalled();
                var deadline = parse.GetValue(stopAfter) is { } minutes ? DateTimeOffset.UtcNow.AddMinutes(minutes) : (DateTimeOffset?)null;
                executor = new LocalExecutor(campaign, Engine, np, parse.GetValue(retry), deadline);
            }
            var (done, failed) = (0, 0);
            if (uncertainty is not null && !slurm)
            {
                // Ground states first; then the sites ranked again, now that those ground states give their inputs.
                (done, failed) = CampaignProgress.Run(executor, UncertaintyOrder.GroundStates(campaign, materials, costs));
                costs = new CostModel(campaign.FinishedJobs(), campaign.Preset);
                jobs = [.. UncertaintyOrder.Rank(campaign, materials, costs, uncertainty, np).Select(s => s.Job)];
            }
            var (doneNow, failedNow) = CampaignProgress.Run(executor, jobs);
            (done, failed) = (done + doneNow, failed + failedNow);
            var left = campaign.Jobs(materials).Count(j => campaign.IsToDo(j, retryFailed: false));
            AnsiConsole.MarkupLineInterpolated($"campaign {campaign.Folder}: {done} jobs done now, {failed} failed, {left} still to do");
            return failed > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>One job of an existing campaign, as a cluster task runs it: nothing if it is finished; exit code 1 if it failed.</summary>
    static int RunOne(Campaign campaign, string id, int np)
    {
        using var cancel = StopSignals.Token();
        var result = SingleJob.Run(campaign, Engine, id, np, cancel.Token);
        var line = result.Outcome switch
        {
            SingleJobOutcome.Prepared => $"pseudopotentials ready in {Path.Combine(campaign.Folder, "pseudo")}",
            SingleJobOutcome.AlreadyFinished => $"{id}: already finished",
            SingleJobOutcome.RunningElsewhere => $"{id}: another process is running it",
            SingleJobOutcome.Done => $"{id}: done in {Duration(result.Seconds)}",
            SingleJobOutcome.Interrupted => $"corehole: {id}: {result.Detail}; it stays to do",
            _ => $"corehole: {id} failed: {result.Detail}",
        };
        (result.Succeeded ? Console.Out : Console.Error).WriteLine(line);
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>The plan, materials in the order a run takes them (<see cref="Campaign.Jobs"/>), finished ones last.</summary>
    static void PrintPlan(Campaign campaign, IReadOnlyList<MaterialPlan> materials, IReadOnlyList<CampaignJob> runOrder, CostModel costs, int np)
    {
        var table = new List<IReadOnlyList<string>>();
        var rank = runOrder.Where(j => campaign.IsToDo(j, retryFailed: false)).Select(j => j.Material).Distinct()
            .Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        double total = 0;
        foreach (var m in materials.OrderBy(m => rank.GetValueOrDefault(m.Name, int.MaxValue)).ThenBy(m => m.SupercellAtoms))
        {
            var jobs = campaign.Jobs([m]);
            var states = jobs.Select(campaign.State).ToList();
            var todo = jobs.Where(j => campaign.IsToDo(j, retryFailed: false)).Sum(j => costs.Seconds(j, np));
            total += todo;
            table.Add([m.Name, $"{m.SpaceGroupSymbol} ({m.SpaceGroupNumber})", m.Primitive.Atoms.Count.ToString(), m.OxygenSites.Count.ToString(),
                m.SupercellAtoms.ToString(), $"{m.SupercellMinWidth:F2}", states.Count(s => s == JobState.Done).ToString(),
                states.Count(s => s == JobState.Outdated).ToString(), states.Count(s => s == JobState.Failed).ToString(), states.Count(s => s == JobState.Running).ToString(),
                states.Count(s => s == JobState.Pending).ToString(), Duration(todo)]);
        }
        Tables.Write(["material", "space group", "atoms", "O sites", "supercell", "min width (Å)", "done", "outdated", "failed", "running", "to do", "est. to do"], table);
        AnsiConsole.MarkupLineInterpolated($"{materials.Count} materials in run order (the cheapest next spectrum first), {materials.Sum(m => m.OxygenSites.Count)} O sites; estimated time left with --np {np}: {Duration(total)}");
    }

    /// <summary>The sites to do in the order <c>--order uncertainty</c> takes them, with what ranks them.</summary>
    static void PrintRanking(IReadOnlyList<RankedSite> sites)
    {
        Tables.Write(["site", "spread", "est. min", "spread / min"], [.. sites.Select(s => (IReadOnlyList<string>)[s.Job.Id,
            s.Spread is { } spread ? spread.ToString("0.0000", CultureInfo.InvariantCulture) : "-", (s.Seconds / 60).ToString("0.0", CultureInfo.InvariantCulture),
            s.Score is { } score ? score.ToString("0.00000", CultureInfo.InvariantCulture) : "-"])]);
        AnsiConsole.MarkupLineInterpolated($"{sites.Count} core-hole sites to do, after the ground states, by the model's spread per estimated minute, each material's best first ({sites.Count(s => s.Spread is null)} wait for their ground state: last, in the campaign's order)");
    }

    static int[,] SupercellMatrix(string text)
    {
        var numbers = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => int.TryParse(t, out var v) ? v : throw new InputError($"--supercell: '{t}' is not an integer")).ToArray();
        var m = numbers.Length switch
        {
            3 => new[,] { { numbers[0], 0, 0 }, { 0, numbers[1], 0 }, { 0, 0, numbers[2] } },
            9 => new[,] { { numbers[0], numbers[1], numbers[2] }, { numbers[3], numbers[4], numbers[5] }, { numbers[6], numbers[7], numbers[8] } },
            _ => throw new InputError($"--supercell takes 3 or 9 integers, not {numbers.Length}"),
        };
        var det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0]) + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        return det > 0 ? m : throw new InputError($"--supercell matrix has determinant {det}: it must be positive");
    }

    public static string Duration(double seconds) =>
        seconds < 90 ? $"{seconds:F0} s" : seconds < 5400 ? $"{seconds / 60:F0} min" : $"{seconds / 3600:F1} h";
}
