using System.Text.RegularExpressions;
using CoreHole.Formats;
using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;
using CoreHole.Spectra;
using CoreHole.Structures;

namespace CoreHole.Prediction;

/// <summary>One inequivalent O site of a ground state: its label, representative atom (0-based), multiplicity and O-p PDOS.</summary>
public sealed record GroundStateSite(string Label, int Atom, int Multiplicity, Curve Pdos, string PdosPath);

/// <summary>
/// A ground state as a prediction reads it: band edges and the O-p PDOS of every inequivalent O site, on pw.x's
/// absolute energy scale, with where it came from and what it cost (<see cref="WallSeconds"/> on
/// <see cref="Processes"/> MPI processes; zero for a run made elsewhere) and the elements of its cell.
/// </summary>
public sealed partial record GroundState(string Material, string Source, BandEdges Edges, IReadOnlyList<GroundStateSite> Sites,
    string Recipe, double WallSeconds, int Processes, bool Reused, IReadOnlyList<string> Elements)
{
    /// <summary>
    /// The ground state of a structure's primitive cell with <paramref name="preset"/> (<see cref="Preset.Predict"/>, or
    /// settings changed from it for checks), computed through the DFT
    /// engine as a one-material campaign in <paramref name="folder"/> (so a finished one is reused, and a stopped one
    /// starts again), and nothing else of the campaign: no core hole.
    /// </summary>
    public static GroundState Compute(string structure, string folder, Preset preset, int processes, IDftEngine engine, Action<string> progress, CancellationToken cancel)
    {
        var campaign = Campaign.Open(folder, preset);
        var plan = campaign.Add(structure);
        var job = campaign.Jobs([plan]).Single(j => !j.IsCoreHole);
        var reused = campaign.State(job) == JobState.Done;
        if (reused) progress($"reusing the finished ground state in {campaign.StageFolder(job)}");
        else
        {
            engine.RequireInstalled();
            progress($"ground state of {plan.Name} ({plan.Primitive.Atoms.Count} atoms, {plan.OxygenSites.Count} inequivalent O sites): " +
                     $"pw.x scf + nscf and projwfc.x, {processes} MPI processes, preset {preset.Name}, in {campaign.StageFolder(job)}");
            var state = new JobRunner(campaign, processes, engine).Run(job, cancel);
            if (state == JobState.Running) throw new InputError(campaign.StageFolder(job), null, "another CoreHole process is running this ground state");
            if (state == JobState.Failed) throw new InputError(campaign.StageFolder(job), null, $"the ground state failed: {campaign.Failure(job)?.Reason}");
        }
        return Finished(campaign, plan) with { Reused = reused };
    }

    /// <summary>The finished ground state of a campaign's material: its stage record's band edges and its sites' O-p PDOS.</summary>
    public static GroundState Finished(Campaign campaign, MaterialPlan plan)
    {
        var stage = campaign.StageFolder(new CampaignJob(plan.Name, null, plan.Primitive.Atoms.Count));
        var record = StageRecord.TryRead(stage) ?? throw new InputError(stage, null, "no stage.json: the ground state did not finish");
        double Result(string key) => record.Results.TryGetValue(key, out var v) ? v
            : throw new InputError(Path.Combine(stage, StageRecord.FileName), null, $"no result '{key}'");
        var edges = new BandEdges(Result("vbm_ev"), Result("cbm_ev"), "bands of the ground state's scf and nscf (stage.json)");
        var sites = plan.OxygenSites.Select(s => Site(s, Path.Combine(stage, "pdos", $"atm{s.Atom + 1}_O_p.pdos.gz"))).ToList();
        return new GroundState(plan.Name, stage, edges, sites, record.Preset, record.WallSeconds, record.Processes, Reused: true, ElementsOf(plan.Primitive));
    }

    /// <summary>
    /// A ground state computed elsewhere: a folder with its pw.x outputs (*.out, scf and nscf: both refused if charged
    /// or with a core-hole pseudopotential; their bands give the edges, the cell the O sites) and projwfc's O-p PDOS
    /// files of those sites (<c>*.pdos_atm#N(O)_wfc#M(p)</c>, or <c>atmN_O_p.pdos</c> as CoreHole keeps them), found
    /// in the folder or below it.
    /// </summary>
    public static GroundState FromQeRun(string folder)
    {
        if (!Directory.Exists(folder)) throw new InputError(folder, null, "no such folder (--ground-state takes the folder of a pw.x + projwfc.x run)");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var runs = files.Where(f => TextFile.UncompressedName(f).EndsWith(".out", StringComparison.Ordinal)
                                    && SpectrumFiles.Detect(f).Name == "pw-output")
            .Select(f => InputChecks.GroundState(PwOutputReader.Read(f))).ToList();
        if (runs.Count == 0) throw new InputError(folder, null, "holds no pw.x output (*.out): give the folder of the ground-state run");
        var edges = runs.Select(r => r.BandEdges()).Aggregate((BandEdges?)null, (a, b) => a is null ? b : GroundStateStage.Combined(a, b) ?? a)
            ?? throw new InputError(folder, null, "its pw.x outputs give no band edges: the nscf needs empty bands (nbnd) and verbosity 'high'");
        var run = runs.FirstOrDefault(r => r.Structure is not null) ?? throw new InputError(folder, null, "no pw.x output prints the cell and atoms");
        // pw.x labels atoms by species ("O"), not by site: the sites are numbered O1, O2, ... instead.
        var cell = run.Structure! with { Atoms = [.. run.Structure!.Atoms.Select(a => a with { Label = null })] };
        var sites = Symmetry.InequivalentSites(cell, "O");
        if (sites.Count == 0) throw new InputError(run.Path, null, "has no O atom");
        return new GroundState(Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/')), folder, edges,
            sites.Select(s => Site(s, PdosOf(files, s.Atom + 1, folder))).ToList(), $"QE run in {folder}", 0, 0, Reused: true, ElementsOf(cell));
    }

    static string[] ElementsOf(Crystal cell) => [.. cell.Atoms.Select(a => a.Element).Distinct().Order(StringComparer.Ordinal)];

    static GroundStateSite Site(Site site, string pdos) =>
        new(site.Label, site.Atom, site.Multiplicity, InputChecks.OxygenP(pdos), pdos);

    /// <summary>The O-p PDOS file of atom <paramref name="atom"/> (1-based, as projwfc numbers them).</summary>
    static string PdosOf(IEnumerable<string> files, int atom, string folder)
    {
        var matches = files.Where(f => OxygenP().Match(TextFile.UncompressedName(f)) is { Success: true } m && m.Groups["atom"].Value == atom.ToString()).ToList();
        return matches.Count == 1 ? matches[0]
            : throw new InputError(folder, null, matches.Count == 0
                ? $"no O-p PDOS of atom {atom} (projwfc's *.pdos_atm#{atom}(O)_wfc#M(p)): run projwfc.x"
                : $"{matches.Count} O-p PDOS files of atom {atom}: keep one run per folder");
    }

    [GeneratedRegex(@"(?:pdos_atm#(?<atom>\d+)\(O\)_wfc#\d+\(p\)|^atm(?<atom>\d+)_O_p\.pdos)$")] private static partial Regex OxygenP();
}
