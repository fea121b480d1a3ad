using System.CommandLine;
using CoreHole.Datasets;
using CoreHole.Reports;
using CoreHole.Spectra;
using CoreHole.Paper;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole dataset build|info|synthetic</c>: assemble DFT outputs into one HDF5 dataset, and look inside one.</summary>
static class DatasetCommand
{
    public static Command Create()
    {
        var command = new Command("dataset", "Build a learning dataset (HDF5) from DFT outputs, or summarise one.");
        command.Subcommands.Add(Build());
        command.Subcommands.Add(Info());
        command.Subcommands.Add(Synthetic());
        return command;
    }

    static Command Build()
    {
        var sources = new Argument<string[]>("sources") { Description = "campaign folders (corehole simulate) and/or manifest .csv files naming each site's files", Arity = ArgumentArity.OneOrMore };
        var output = OutputOption();
        var seed = SeedOption();
        var sigma = new Option<double>("--sigma") { Description = "Gaussian broadening of PDOS and spectra, standard deviation (eV)", DefaultValueFactory = _ => Featurizer.Default.SigmaEv };
        var inputNorm = new Option<string>("--normalize-input") { Description = "PDOS intensity: none, max or area:FROM:TO over its CBM-aligned window", DefaultValueFactory = _ => Featurizer.Default.InputNormalization.ToString() };
        var targetNorm = new Option<string>("--normalize-target") { Description = "spectrum intensity: none, max or area:FROM:TO over its threshold-aligned window", DefaultValueFactory = _ => Featurizer.Default.TargetNormalization.ToString() };
        var scale = new Option<double>("--intensity-scale") { Description = "factor applied after normalising (16 with area:-1:15: mean intensity 1 over the window)", DefaultValueFactory = _ => Featurizer.Default.IntensityScale };
        var gapWindow = new Option<double>("--gap-window") { Description = "band-gap input: eV sampled from the mid-gap upward; must reach past every half-gap", DefaultValueFactory = _ => Featurizer.Default.GapWindowEv };
        var amorphous = new Option<string>("--amorphous") { Description = "the folder of amorphous cells: campaign materials made from its structures are recorded as amorphous SiO2", DefaultValueFactory = _ => MaterialSets.DefaultAmorphousFolder };
        var zeroAbove = new Option<bool>("--zero-above-pdos") { Description = "take a PDOS as zero above its last energy instead of refusing it (too few empty bands); flagged per site" };
        var command = new Command("build", "Assemble O sites from DFT output folders into one HDF5 dataset: raw curves, the three input variants, targets, splits, provenance.")
        {
            sources, output, seed, sigma, inputNorm, targetNorm, scale, gapWindow, amorphous, zeroAbove,
        };
        command.SetAction(parse =>
        {
            var featurizer = new Featurizer(parse.GetValue(sigma), Normalization.Parse(parse.GetValue(inputNorm)!),
                Normalization.Parse(parse.GetValue(targetNorm)!), parse.GetValue(scale), parse.GetValue(gapWindow), parse.GetValue(zeroAbove));
            var sites = new List<SiteRecord>();
            foreach (var source in parse.GetValue(sources)!)
            {
                var reading = SiteSources.Read(source, parse.GetValue(amorphous)!);
                sites.AddRange(reading.Sites);
                Console.WriteLine($"{source}: {reading.Sites.Count} sites{(reading.Skipped.Count > 0 ? $", {reading.Skipped.Count} not finished" : "")}");
            }
            return Write(parse.GetValue(output)!, Dataset.Build(sites, featurizer, parse.GetValue(seed)));
        });
        return command;
    }

    static Command Synthetic()
    {
        var output = OutputOption();
        var count = new Option<int>("--sites") { Description = "number of sites", DefaultValueFactory = _ => 1000 };
        var seed = SeedOption();
        var command = new Command("synthetic", "Write a dataset of made-up sites with a known PDOS -> spectrum relation (tests, benchmarks, trying the pipeline).")
        {
            output, count, seed,
        };
        command.SetAction(parse => Write(parse.GetValue(output)!,
            Dataset.Build(SyntheticSites.Make(parse.GetValue(count), parse.GetValue(seed)), Featurizer.Default, parse.GetValue(seed))));
        return command;
    }

    static Command Info()
    {
        var file = new Argument<string>("dataset") { Description = "a dataset .h5 file" };
        var command = new Command("info", "Summarise a dataset: sites, materials, settings, thresholds, splits.") { file };
        command.SetAction(parse =>
        {
            var data = DatasetFile.Read(parse.GetValue(file)!);
            var f = data.Featurizer;
            var records = data.Records;
            var table = new List<IReadOnlyList<string>>();
            table.Add(["sites", $"{data.Count} in {records.Select(r => r.Material).Distinct().Count()} materials"]);
            table.Add(["preprocessing", $"Gaussian sigma {f.SigmaEv} eV; input {f.InputNormalization}, target {f.TargetNormalization}, x{f.IntensityScale}; band-gap window {f.GapWindowEv} eV"]);
            table.Add(["inputs", string.Join(", ", InputVariants.All.Select(v => $"{v.Name()} {data.Inputs[v].Columns}")) + $"; target {data.Targets.Columns}"]);
            table.Add(["sets (preset)", string.Join("; ", records.GroupBy(r => r.Origin is { } o ? $"{o.Set} ({o.Preset})" : "set not recorded (a manifest, or a file built before sets were)")
                .Select(g => $"{g.Key}: {g.Count()} sites in {g.Select(r => r.Material).Distinct().Count()} materials"))]);
            table.Add(["band gap (eV)", $"{records.Min(r => r.Edges.Gap):0.00} to {records.Max(r => r.Edges.Gap):0.00}, mean {records.Average(r => r.Edges.Gap):0.00}"]);
            table.Add(["spectrum thresholds", $"{records.Count(r => r.SpectrumThreshold.IsFallback)} onset fallbacks, {records.Count(r => !r.SpectrumThreshold.IsFallback)} stated by the data"]);
            table.Add(["PDOS zero above data", $"{data.ZeroAboveData.Count(z => z)} sites"]);
            table.Add(["codes", string.Join(", ", records.GroupBy(r => $"{r.Provenance.Code} {r.Provenance.CodeVersion}".Trim()).Select(g => $"{g.Key} ({g.Count()})"))]);
            var time = SetSummary.Of("dataset", records); // each material's ground state once, though every site records it
            table.Add(["DFT wall time", $"{time.GroundStateHours:0.##} h ground state, {time.CoreHoleHours:0.##} h core hole"]);
            foreach (var (name, parts) in data.SplitParts)
                table.Add([$"{name} split (seed {data.SplitSeed})",
                    string.Join(", ", Enum.GetValues<Part>().Select(p => $"{p.ToString().ToLowerInvariant()} {parts.Count(x => x == p)}"))]);
            Tables.Write(null, table);
            return 0;
        });
        return command;
    }

    static Option<string> OutputOption() => new("--output", "-o") { Description = "the dataset file to write (.h5)", Required = true };

    static Option<int> SeedOption() => new("--seed") { Description = "seed of the splits (and of synthetic sites)", DefaultValueFactory = _ => 0 };

    static int Write(string path, Dataset data)
    {
        DatasetFile.Write(path, data);
        Console.WriteLine($"wrote {path}: {data.Count} sites, {data.Records.Select(r => r.Material).Distinct().Count()} materials");
        return 0;
    }
}
