using System.CommandLine;
using System.Globalization;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Formats;
using CoreHole.Prediction;
using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;
using CoreHole.Spectra;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>corehole predict STRUCTURE -o DIR</c> (or <c>--ground-state DIR</c>): the ground state alone, then every O site's
/// spectrum and the material's (<see cref="StructurePrediction"/>); <c>corehole predict PDOS... | DATASET.h5</c>:
/// spectra from PDOS files or a dataset (<see cref="FilePrediction"/>).
/// </summary>
static class PredictCommand
{
    public const string DefaultDomain = "data/dataset.h5";

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "a structure (CIF, POSCAR); or O-p PDOS files (projwfc, VASP, OptaDOS, columns, ...) or dataset .h5 files", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = "folder for the predicted spectra (created if needed); a structure's ground state runs in its ground-state/ and is reused", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = $"a model file (corehole train; .chmodel or the paper MLP's .chmlp); default: the shipped model, {ShippedModel.RelativePath} of this clone, wherever you run from" };
        var groundState = new Option<string?>("--ground-state") { Description = "an existing ground-state run: its folder (pw.x scf/nscf outputs and projwfc PDOS files) to predict every O site from; with PDOS files, the pw.x output giving their band edges" };
        var processes = new Option<int>("--np") { Description = "MPI processes of the ground state's DFT runs (default: this machine's cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var settings = new Option<string?>("--set") { Description = "change settings of the ground state's predict preset, e.g. 'ecutwfc=25,ecutrho=200' (checks and tests; the keys of simulate --set)" };
        var domain = new Option<string>("--domain") { Description = $"the model's training dataset, against which each site's out-of-distribution distance is measured when the model file records no training domain; default {DefaultDomain}", DefaultValueFactory = _ => DefaultDomain };
        var cbm = new Option<double?>("--cbm") { Description = "with PDOS files: CBM (eV, on the PDOS energy scale) instead of --ground-state" };
        var vbm = new Option<double?>("--vbm") { Description = "with PDOS files: VBM (eV, on the PDOS energy scale), with --cbm" };
        var curve = new Option<string?>("--curve") { Description = "with PDOS files: the PDOS curve by name (see inspect); default: the file's main curve" };
        var variant = new Option<string?>("--variant") { Description = "with PDOS files or datasets: the input variant you expect the model to take (an error if it does not)" };
        var plot = new Option<bool>("--plot") { Description = "with PDOS files or datasets: also write a PNG per spectrum (with the dataset's computed spectrum when there is one)" };
        var command = new Command("predict", "Predict O K-edge spectra: of every O site of a structure from its ground state alone, or from ground-state PDOS files.")
        {
            inputs, output, model, groundState, processes, settings, domain, cbm, vbm, curve, variant, plot,
        };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(inputs)!;
            var folder = parse.GetValue(output)!;
            var run = parse.GetValue(groundState);
            var modelPath = parse.GetValue(model) ?? ShippedModel.Find();
            if (given.Length == 0 && run is null) throw new InputError("give a structure (CIF, POSCAR), PDOS files or a dataset, or --ground-state DIR");
            if (given.Length == 0 || (given.Length == 1 && !given[0].EndsWith(".h5", StringComparison.OrdinalIgnoreCase) && StructureFiles.Detect(given[0]) is not null))
            {
                if (given.Length == 1 && run is not null) throw new InputError("give a structure or --ground-state DIR, not both: the run's own cell sets the O sites");
                var np = parse.GetValue(processes);
                if (np < 1) throw new InputError($"--np must be at least 1, not {np}");
                using var cancel = StopSignals.Token();
                var preset = parse.GetValue(settings) is { } changes ? Preset.Predict.With(changes) : Preset.Predict;
                var request = new StructurePredictionRequest(given.FirstOrDefault(), run, folder, modelPath, parse.GetValue(domain)!, preset, np);
                var result = StructurePrediction.Run(request, new QuantumEspressoEngine(), message => Console.Error.WriteLine(message), cancel.Token);
                Print(result, folder);
                return 0;
            }
            var edges = parse.GetValue(cbm) is { } c
                ? parse.GetValue(vbm) is { } v ? new BandEdges(v, c, "given on the command line") : throw new InputError("--cbm needs --vbm too (the band-gap and valence inputs use the mid-gap)")
                : run is null ? null : FilePrediction.EdgesOf(run);
            var written = FilePrediction.Run(LoadedModel.Load(modelPath), given, folder,
                new FilePrediction.Options(parse.GetValue(curve), edges, parse.GetValue(plot), parse.GetValue(variant) is { } name ? InputVariants.Parse(name) : null));
            Console.WriteLine($"wrote {written} predicted spectra to {folder}");
            return 0;
        });
        return command;
    }

    static void Print(MaterialPrediction result, string folder)
    {
        var g = result.GroundState;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{g.Material}: gap {g.Edges.Gap:0.00} eV; ground state {(g.Reused ? "reused" : "computed")} ({g.WallSeconds:0} s on {g.Processes} processes), prediction {result.PredictSeconds * 1000:0} ms"));
        if (result.Chemistry is { } chemistry)
            Console.WriteLine($"  {chemistry.Verdict}");
        foreach (var s in result.Sites)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Site.Label,-6} x{s.Site.Multiplicity,-3} domain distance {s.Domain.Distance:0.00}{(s.Domain.Spread is { } spread ? $", spread {spread:0.00}" : "")} (each flagged above 1){(s.Domain.Flagged ? "  OUT OF DISTRIBUTION" : "")}"));
        Console.WriteLine($"wrote {result.Sites.Count} site spectra, the material spectrum and {PredictionFiles.Summary} to {folder}");
    }
}
