using System.Text.Json;
using CoreHole.Formats;
using CoreHole.Spectra;
using CoreHole.Structures;
using CoreHole.Simulation;
using CoreHole.Plotting;

namespace CoreHole.Amorphous;

/// <summary>
/// A folder of amorphous SiO2 cells, one per seed, made by melt-quench and kept only when they are sound glasses:
/// <code>
/// DIR/a-SiO2-&lt;atoms&gt;-s&lt;seed&gt;.cif        the glass as a P1 CIF (written last: its presence means "done")
/// DIR/a-SiO2-&lt;atoms&gt;-s&lt;seed&gt;.json       provenance and checks (<see cref="AmorphousCell"/>)
/// DIR/a-SiO2-&lt;atoms&gt;-s&lt;seed&gt;.rdf.csv    g(r): Si-Si, Si-O, O-O, total
/// DIR/a-SiO2-&lt;atoms&gt;-s&lt;seed&gt;.rdf.png    its plot
/// DIR/manifest.txt                  the sound cells' CIFs, for <c>corehole simulate --manifest</c>
/// DIR/.work/&lt;cell&gt;/                 LAMMPS inputs and outputs; a refused cell's checks
/// </code>
/// A cell whose CIF exists is never recomputed; a cell whose LAMMPS run finished (its <c>run.json</c>) with the same
/// script is checked again without rerunning LAMMPS.
/// </summary>
public sealed class AmorphousSilicaFolder
{
    const string ScriptFile = "in.melt-quench";
    const string RunFile = "run.json";
    public const string ManifestFile = "manifest.txt";

    readonly MeltQuenchProtocol protocol;
    readonly SilicaPotential potential;
    readonly GlassCriteria criteria;

    public string Folder { get; }

    public AmorphousSilicaFolder(string folder, MeltQuenchProtocol protocol, SilicaPotential potential, GlassCriteria criteria)
    {
        protocol.Validate();
        (Folder, this.protocol, this.potential, this.criteria) = (Path.GetFullPath(folder), protocol, potential, criteria);
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, ".gitignore"), ".work/\n");
    }

    public string CellName(int seed) => $"a-SiO2-{protocol.Atoms}-s{seed}";

    /// <summary>Where the cell's LAMMPS run happens, and where a refused cell's checks are left.</summary>
    public string WorkFolder(int seed) => Path.Combine(Folder, ".work", CellName(seed));

    string OutputPath(int seed, string extension) => Path.Combine(Folder, CellName(seed) + extension);

    /// <summary>The cell of this seed if it was made before (with this protocol and potential: another is an error), else null.</summary>
    public AmorphousCell? Finished(int seed)
    {
        if (!File.Exists(OutputPath(seed, ".cif"))) return null;
        var record = OutputPath(seed, ".json");
        var cell = AmorphousCell.Read(record);
        if (cell.Protocol != protocol || cell.Potential != potential)
            throw new InputError(record, null, "this cell was made with another protocol or potential; use another folder for these settings");
        return cell;
    }

    /// <summary>
    /// Makes the cell of <paramref name="seed"/>: the LAMMPS melt-quench (unless it already finished), then the checks.
    /// A sound glass gets its CIF, checks, g(r) and plot in the folder; a refused one has them in its work folder.
    /// </summary>
    public AmorphousCell Make(int seed, IProgress<long>? steps = null, CancellationToken cancel = default)
    {
        var name = CellName(seed);
        var work = WorkFolder(seed);
        Directory.CreateDirectory(work);
        var lammps = RunMeltQuench(seed, name, work, steps, cancel);

        var glass = LammpsData.Read(Path.Combine(work, MeltQuenchScript.FinalFile), MeltQuenchScript.Types, name);
        var rdf = RadialDistribution.Of(glass);
        var structure = SilicaStructure.Of(glass, rdf);
        var cell = new AmorphousCell(name, seed, glass.Atoms.Count, protocol, potential, lammps, structure, criteria,
            criteria.Problems(structure), Environment.MachineName, DateTimeOffset.UtcNow);

        var destination = cell.Sound ? Folder : work;
        string Output(string extension) => Path.Combine(destination, name + extension);
        Atomic.WriteAllText(Output(".rdf.csv"), rdf.ToCsv());
        Plots.SaveCurves(Output(".rdf.png"), [.. rdf.Functions.Select(f => new PlotSeries(f.Name, new Curve(rdf.Radii, f.G)))],
            "r (Å)", "g(r)", $"{name}: Si-O peak {structure.SiOPeak:F3} Å, {structure.Density:F2} g/cm³, {protocol.QuenchRate:G2} K/s");
        cell.Write(Output(".json"));
        if (cell.Sound)
            Atomic.WriteAllText(Output(".cif"), CifWriter.ToText(glass,
                $"amorphous SiO2 made by corehole amorphous: seed {seed}, {potential.FileName} ({potential.Citation}); checks in {name}.json"));
        return cell;
    }

    LammpsSummary RunMeltQuench(int seed, string name, string work, IProgress<long>? steps, CancellationToken cancel)
    {
        var script = MeltQuenchScript.Write(protocol, potential, seed, name);
        var scriptPath = Path.Combine(work, ScriptFile);
        var runPath = Path.Combine(work, RunFile);
        if (File.Exists(runPath) && File.Exists(scriptPath) && File.ReadAllText(scriptPath) == script)
            return JsonSerializer.Deserialize<LammpsSummary>(File.ReadAllText(runPath), PlanFile.Options)
                ?? throw new InputError(runPath, null, "empty run record");

        File.Delete(runPath);
        var start = RandomStart.Silica(protocol, seed, name);
        File.WriteAllText(Path.Combine(work, MeltQuenchScript.StartFile), LammpsData.ToText(start, MeltQuenchScript.Types));
        File.Copy(potential.Locate(), Path.Combine(work, potential.FileName), overwrite: true);
        File.WriteAllText(scriptPath, script);
        var run = new LammpsRun(work, ScriptFile);
        var summary = LammpsSummary.Of(LammpsRunner.Run(run, steps, cancel), Path.Combine(work, run.Output));
        Atomic.WriteAllText(runPath, JsonSerializer.Serialize(summary, PlanFile.Options));
        return summary;
    }

    /// <summary>Writes <see cref="ManifestFile"/> listing every sound cell's CIF (by size, then seed); returns how many.</summary>
    public int WriteManifest()
    {
        var cells = Directory.EnumerateFiles(Folder, "a-SiO2-*.json").Select(AmorphousCell.Read)
            .Where(c => c.Sound && File.Exists(Path.Combine(Folder, c.Name + ".cif")))
            .OrderBy(c => c.Atoms).ThenBy(c => c.Seed).ToList();
        Atomic.WriteAllText(Path.Combine(Folder, ManifestFile),
            "# Amorphous SiO2 cells made by `corehole amorphous` that passed the glass checks; for `corehole simulate --manifest`.\n" +
            string.Concat(cells.Select(c => $"{c.Name}.cif\n")));
        return cells.Count;
    }
}
