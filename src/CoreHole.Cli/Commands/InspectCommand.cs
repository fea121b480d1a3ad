using System.CommandLine;
using System.Globalization;
using CoreHole.Formats;
using CoreHole.Simulation;
using CoreHole.Spectra;
using CoreHole.Structures;
using Spectre.Console;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole inspect FILE...</c>: what CoreHole reads from each file, one table per file.</summary>
public static class InspectCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var files = new Argument<string[]>("files") { Description = "spectrum, DOS or DFT output files (any format CoreHole reads), or structures (CIF, POSCAR)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = $"read as this format instead of detecting it: {string.Join(", ", SpectrumFiles.Formats.Select(f => f.Name).Concat(StructureFiles.Formats.Select(f => f.Name)))}" };
        var command = new Command("inspect", "Show what CoreHole reads from files: format, grid, sites, thresholds, HOMO/LUMO, band gap, Fermi level; for a structure, its symmetry, O sites, supercell and cation-O shells.")
        {
            files, format,
        };
        command.SetAction(parse =>
        {
            var failed = 0;
            // A diagnostic over many files: an unreadable file is reported in one line and the rest still shown.
            foreach (var path in parse.GetValue(files)!)
            {
                IReadOnlyList<(string Name, string Value)> rows;
                try { rows = Rows(path, parse.GetValue(format)); }
                catch (InputError e)
                {
                    Console.Error.WriteLine($"corehole: {e.Message}");
                    failed++;
                    continue;
                }
                Tables.Write(null, rows.Select(r => (IReadOnlyList<string>)[r.Name, r.Value]), path, console);
            }
            return failed == 0 ? 0 : 2;
        });
        return command;
    }

    /// <summary>
    /// What inspect shows for one file, a structure or anything <see cref="SpectrumFiles"/> reads: the reading path of
    /// every command, which the fuzz tests run on corrupted files. A bad file is an <see cref="InputError"/>.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Rows(string path, string? format = null) =>
        (format is null ? StructureFiles.Detect(path) : StructureFiles.ByName(format)) is { } structure
            ? DescribeStructure(structure.Name, StructureFiles.Read(path, structure.Name))
            : Describe(SpectrumFiles.Read(path, format));

    /// <summary>The rows shown for one file (energies in eV, on the file's own scale).</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(SpectrumFile file)
    {
        var rows = new List<(string, string)> { ("format", file.Format) };
        if (file.Curves.Count > 0)
        {
            var names = file.Curves.Select(c => c.Name).ToList();
            rows.Add(("curves", $"{names.Count}: {string.Join(", ", names.Take(8))}{(names.Count > 8 ? ", ..." : "")}"));
            rows.Add(("grid", Grid(file.Curves[0].Curve)));
        }
        if (file.Sites is not null) rows.Add(("sites", file.Sites));
        rows.Add(("threshold", file.Threshold is { } t
            ? $"{Ev(t.EnergyEv)}  ({t.Source}{(t.IsFallback ? "; an estimate: the run's xspectra.x or core-hole pw.x output, kept beside the file, gives the printed one" : "")})"
            : file.NoThresholdReason is { } why ? $"none: {why}"
            : SpectrumFiles.ByName(file.Format).Kind == FileKind.DensityOfStates
                ? "none in this file: a PDOS aligns at the CBM of its run (inspect the pw.x output)"
                : "none in this file"));
        if (file.Homo is not null || file.Lumo is not null)
            rows.Add(("HOMO / LUMO", $"{Ev(file.Homo)} / {Ev(file.Lumo)}"));
        if (file.Edges is { } e)
            rows.Add(("band gap", $"{Ev(e.Gap)} (VBM {Ev(e.Vbm)}, CBM {Ev(e.Cbm)}, mid-gap {Ev(e.MidGap)}; {e.Source})"));
        if (file.Fermi is { } fermi) rows.Add(("Fermi level", Ev(fermi)));
        rows.AddRange(file.Facts.Select(f => (f.Name, f.Value)));
        return rows;
    }

    /// <summary>
    /// The rows shown for a structure: what <c>corehole simulate</c> would plan for it (primitive cell, space group,
    /// inequivalent O sites, the 8 Å supercell) and the first shells by which a structure typed from a paper is checked.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> DescribeStructure(string format, Crystal crystal)
    {
        var l = crystal.Lattice.Parameters();
        var rows = new List<(string, string)>
        {
            ("format", format),
            ("atoms", $"{crystal.Atoms.Count}: {string.Join(" ", crystal.Atoms.GroupBy(a => a.Element).Select(g => $"{g.Key}{g.Count()}"))}"),
            ("cell", Invariant($"a {l.A:F4} b {l.B:F4} c {l.C:F4} Å, alpha {l.Alpha:F2} beta {l.Beta:F2} gamma {l.Gamma:F2}°, {crystal.Lattice.Volume:F2} Å³")),
            ("density", Invariant($"{StructureAnalysis.Density(crystal):F3} g/cm³")),
        };
        if (crystal.Atoms.Any(a => a.Element == "O"))
        {
            var plan = MaterialPlan.Make(crystal.Name, crystal.Name, crystal, Preset.Default);
            rows.Add(("space group", $"{plan.SpaceGroupSymbol} ({plan.SpaceGroupNumber}), spglib tolerance {Symmetry.DefaultTolerance} Å"));
            rows.Add(("primitive cell", $"{plan.Primitive.Atoms.Count} atoms"));
            rows.Add(("O sites", $"{plan.OxygenSites.Count}: {string.Join(", ", plan.OxygenSites.Select(s => $"{s.Label} ({s.Wyckoff}, x{s.Multiplicity})"))}"));
            rows.Add(("core-hole supercell", Invariant($"{plan.SupercellAtoms} atoms, narrowest width {plan.SupercellMinWidth:F2} Å ({Preset.Default.Name} preset: >= {Preset.Default.SupercellWidth} Å)")));
        }
        foreach (var shell in OxygenShell.Of(crystal))
        {
            var counts = string.Join(", ", shell.Coordination.Select(c => $"{c.Value} with {c.Key} {shell.Ligand}"));
            rows.Add(($"{shell.Center} shell", Invariant($"{counts}; bonds {shell.ShortestBond:F3}-{shell.LongestBond:F3} Å, next {shell.Ligand} {shell.NextLigand:F3} Å; angles {shell.SmallestAngle:F1}-{shell.LargestAngle:F1}°")));
        }
        return rows;
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    static string Grid(Curve c) =>
        $"{c.Count} points, {Ev(c.FirstEnergy)} to {Ev(c.LastEnergy)}, " +
        (c.UniformStep is { } step ? $"step {step.ToString("0.#####", CultureInfo.InvariantCulture)} eV" : "non-uniform");

    static string Ev(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) + " eV" : "-";
}
