using System.CommandLine;
using CoreHole.Amorphous;
using CoreHole.Structures;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole amorphous</c>: amorphous SiO2 cells by LAMMPS melt-quench, checked as glasses, written as P1 CIFs for <c>corehole simulate</c>.</summary>
static class AmorphousCommand
{
    public static Command Create()
    {
        var defaults = new MeltQuenchProtocol();
        var output = new Option<string>("--output", "-o") { Description = "folder of the cells (created if new; finished cells are kept, not recomputed)", Required = true };
        var cells = new Option<int>("--cells") { Description = "how many independent cells (one per seed)", DefaultValueFactory = _ => 3 };
        var firstSeed = new Option<int>("--first-seed") { Description = "seed of the first cell; the others take the next seeds", DefaultValueFactory = _ => 1 };
        var units = new Option<int>("--formula-units") { Description = "SiO2 units per cell: 24 (72 atoms, ~10.3 Å) or 72 (216 atoms, the paper's size)", DefaultValueFactory = _ => defaults.FormulaUnits };
        var density = new Option<double>("--density") { Description = "fixed density in g/cm3 (silica glass: 2.20)", DefaultValueFactory = _ => defaults.Density };
        var quenchRate = new Option<double>("--quench-rate") { Description = "cooling rate from the melt in K/s (the paper: 2.5e11)", DefaultValueFactory = _ => defaults.QuenchRate };
        var meltPs = new Option<double>("--melt-ps") { Description = "time in the 5000 K liquid, ps", DefaultValueFactory = _ => defaults.MeltPicoseconds };

        var command = new Command("amorphous", "Make amorphous SiO2 cells by LAMMPS melt-quench (5000 K to 300 K, fixed density), check them as glasses, write P1 CIFs.")
        {
            output, cells, firstSeed, units, density, quenchRate, meltPs,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(cells);
            var first = parse.GetValue(firstSeed);
            if (count < 1) throw new InputError($"--cells must be at least 1, not {count}");
            if (first < 1) throw new InputError($"--first-seed must be at least 1 (LAMMPS takes positive seeds), not {first}");
            var protocol = defaults with
            {
                FormulaUnits = parse.GetValue(units), Density = parse.GetValue(density),
                QuenchRate = parse.GetValue(quenchRate), MeltPicoseconds = parse.GetValue(meltPs),
            };
            var potential = SilicaPotential.Vashishta1994;
            LammpsRunner.Executable();
            potential.Locate();
            var folder = new AmorphousSilicaFolder(parse.GetValue(output)!, protocol, potential, new GlassCriteria());
            // Plain lines: a log (nohup) keeps them whole, where the console library would wrap them at 80 columns.
            Console.WriteLine(
                $"{protocol.Atoms}-atom cells ({protocol.BoxLength:F2} Å cube, {protocol.Density} g/cm3) with {potential.FileName}: melt {protocol.MeltPicoseconds} ps at {protocol.MeltTemperature} K, quench {protocol.QuenchPicoseconds:F0} ps at {protocol.QuenchRate:G3} K/s to {protocol.FinalTemperature} K, anneal {protocol.AnnealPicoseconds} ps, minimise; {protocol.TotalSteps:N0} MD steps per cell");

            using var stop = StopSignals.Token();
            var made = 0;
            var refused = 0;
            foreach (var seed in Enumerable.Range(first, count))
            {
                var kept = folder.Finished(seed);
                var cell = kept ?? WithProgress(folder.CellName(seed), protocol.TotalSteps, steps => folder.Make(seed, steps, stop.Token));
                if (cell.Sound)
                {
                    made++;
                    Console.WriteLine($"{cell.Name}{(kept is null ? "" : " (made before)")}: {cell.Structure}, pressure {cell.Lammps.PressureGpa:F2} GPa");
                }
                else
                {
                    refused++;
                    // The one-line error of a refused cell, on stderr like every CoreHole error; the others still run.
                    Console.Error.WriteLine($"corehole: {cell.Name} is not a sound glass: {string.Join("; ", cell.Problems)} (checks in {folder.WorkFolder(seed)})");
                }
            }
            var listed = folder.WriteManifest();
            Console.WriteLine($"{folder.Folder}: {made} sound cells of these seeds, {refused} refused; {listed} listed in {AmorphousSilicaFolder.ManifestFile}");
            return refused > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Runs one cell with a live bar of its MD steps on a terminal, or a line per tenth of the steps otherwise (logs, nohup).</summary>
    static AmorphousCell WithProgress(string name, long totalSteps, Func<IProgress<long>, AmorphousCell> make)
    {
        var started = DateTime.Now;
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            Console.WriteLine($"[{started:HH:mm:ss}] start {name}: {totalSteps:N0} MD steps");
            var reported = 0L;
            return make(new Reporter(step =>
            {
                if (step * 10 / totalSteps <= reported) return;
                reported = step * 10 / totalSteps;
                Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}: {reported * 10}% of the MD steps");
            }));
        }
        AmorphousCell? cell = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: totalSteps);
                cell = make(new Reporter(step => task.Value = step));
                task.Value = totalSteps;
            });
        return cell!;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the steps arrive on the reading thread, so handle them there, in order.</summary>
    sealed class Reporter(Action<long> handler) : IProgress<long>
    {
        public void Report(long value) => handler(value);
    }
}
