using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Simulation;

/// <summary>
/// A simulation campaign is a folder. Its state is nothing but files, so a killed campaign resumes from what is there
/// and any executor (this machine, or a cluster scheduler) can run its jobs:
/// <code>
/// DIR/campaign.json                 preset
/// DIR/&lt;material&gt;/plan.json          primitive cell, O sites, supercell (fixed before any DFT)
/// DIR/&lt;material&gt;/structure.cif      the primitive cell as a P1 CIF, for people and other programs
/// DIR/&lt;material&gt;/gs/               ground state: inputs, *.out.gz, pdos/*.gz, stage.json
/// DIR/&lt;material&gt;/site_&lt;O&gt;/          core hole: inputs, *.out.gz, xanes_{x,y,z,avg}.dat.gz, stage.json
/// DIR/.work/                        scratch of running jobs (wavefunctions; or under $COREHOLE_SCRATCH); never kept
/// DIR/pseudo/                       pseudopotentials generated with ld1.x on first use
/// </code>
/// </summary>
public sealed class Campaign
{
    public string Folder { get; }
    public Preset Preset { get; }
    const string SettingsFile = "campaign.json";
    /// <summary>The engine's electron counts, which size the jobs for <see cref="CostModel"/>; null to read results only.</summary>
    readonly ValenceElectrons? _valence;

    // Absolute: QE programs run inside per-job scratch folders and must still find the pseudopotentials.
    Campaign(string folder, Preset preset, ValenceElectrons? valence) { Folder = Path.GetFullPath(folder); Preset = preset; _valence = valence; }

    /// <summary>Opens a campaign folder, creating it with <paramref name="preset"/>; an existing folder must have been made with the same preset.</summary>
    /// <param name="valence">The engine's electron counts (<see cref="IDftEngine.ValenceElectrons"/>), needed to estimate job times.</param>
    public static Campaign Open(string folder, Preset preset, ValenceElectrons? valence = null)
    {
        if (Exists(folder)) return SamePreset(Open(folder, valence), preset);
        Directory.CreateDirectory(folder);
        Atomic.WriteAllText(Path.Combine(folder, SettingsFile), System.Text.Json.JsonSerializer.Serialize(preset, PlanFile.Options));
        File.WriteAllText(Path.Combine(folder, ".gitignore"), ".work/\npseudo/\n*.lock\n");
        return new Campaign(folder, preset, valence);
    }

    /// <summary>
    /// The campaign <see cref="Open(string, Preset)"/> would give, with nothing created or written (a dry run): an
    /// existing folder with its own preset (which must be <paramref name="preset"/> when one is given), else a new one.
    /// </summary>
    public static Campaign Preview(string folder, Preset? preset, ValenceElectrons? valence = null) =>
        Exists(folder) ? preset is null ? Open(folder, valence) : SamePreset(Open(folder, valence), preset) : new Campaign(folder, preset ?? Preset.Default, valence);

    static Campaign SamePreset(Campaign existing, Preset preset) => existing.Preset == preset ? existing
        : throw new InputError(Path.Combine(existing.Folder, SettingsFile), null,
            $"this campaign was made with preset '{existing.Preset.Name}' and other settings ({Differences(existing.Preset, preset)}); use another folder for preset '{preset.Name}'");

    /// <summary>"field: folder value vs requested value" for each setting that differs, in the file's names.</summary>
    static string Differences(Preset? existing, Preset requested)
    {
        var before = System.Text.Json.JsonSerializer.SerializeToElement(existing, PlanFile.Options);
        string Old(string name) => before.ValueKind == System.Text.Json.JsonValueKind.Object && before.TryGetProperty(name, out var v) ? v.GetRawText() : "-";
        return string.Join(", ", System.Text.Json.JsonSerializer.SerializeToElement(requested, PlanFile.Options).EnumerateObject()
            .Where(p => p.Name != "name" && Old(p.Name) != p.Value.GetRawText())
            .Select(p => $"{p.Name}: {Old(p.Name)} vs {p.Value.GetRawText()}"));
    }

    /// <summary>
    /// The campaign a run of <c>corehole simulate</c> works on: a new folder gets the preset named (<see cref="Preset.Default"/>
    /// when none is) with <paramref name="changes"/> (<see cref="Preset.With"/>); an existing one keeps its own, and
    /// must have been made with the same if they are given again. A preview creates and writes nothing (a dry run).
    /// </summary>
    public static Campaign ForRun(string folder, string? presetName, string? changes, bool preview, ValenceElectrons valence)
    {
        var chosen = presetName is not null ? Preset.Named(presetName) : changes is not null || !Exists(folder) ? Preset.Default : null;
        if (changes is not null) chosen = chosen!.With(changes);
        return preview ? Preview(folder, chosen, valence) : chosen is null ? Open(folder, valence) : Open(folder, chosen, valence);
    }

    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, SettingsFile));

    /// <summary>Opens an existing campaign folder with the preset it was made with.</summary>
    /// <param name="valence">The engine's electron counts (<see cref="IDftEngine.ValenceElectrons"/>), needed to estimate job times.</param>
    public static Campaign Open(string folder, ValenceElectrons? valence = null)
    {
        var settings = Path.Combine(folder, SettingsFile);
        if (!File.Exists(settings)) throw new InputError(folder, null, $"not a campaign folder (no {SettingsFile})");
        var preset = System.Text.Json.JsonSerializer.Deserialize<Preset>(File.ReadAllText(settings), PlanFile.Options)
            ?? throw new InputError(settings, null, "empty settings");
        return new Campaign(folder, preset, valence);
    }

    public string MaterialFolder(string material) => Path.Combine(Folder, material);
    public string StageFolder(CampaignJob job) => Path.Combine(Folder, job.Material, job.Stage);
    /// <summary>Where running jobs keep their scratch when set: a node-local disk on a cluster, so wavefunctions never cross the shared filesystem.</summary>
    public const string ScratchVariable = "COREHOLE_SCRATCH";

    public string WorkFolder(CampaignJob job) => WorkFolderUnder(Environment.GetEnvironmentVariable(ScratchVariable), job);

    /// <summary>A job's scratch: DIR/.work/MATERIAL/STAGE, or SCRATCH/corehole-KEY/MATERIAL/STAGE with KEY naming this campaign folder.</summary>
    public string WorkFolderUnder(string? scratch, CampaignJob job) => scratch is { Length: > 0 }
        ? Path.Combine(scratch, "corehole-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Folder)))[..12], job.Material, job.Stage)
        : Path.Combine(Folder, ".work", job.Material, job.Stage);

    /// <summary>
    /// Adds a structure: reads it, finds its primitive cell, O sites and supercell, and saves the plan. A structure
    /// already planned keeps its plan (the plan never changes under finished stages); a file whose structure has
    /// changed since is refused, so that no spectrum of the old structure is ever filed under the new one.
    /// </summary>
    public MaterialPlan Add(string structurePath, string? name = null, int[,]? supercellMatrix = null, bool keepCell = false)
    {
        var plan = Plan(structurePath, name, supercellMatrix, keepCell);
        var folder = MaterialFolder(plan.Name);
        var planPath = Path.Combine(folder, "plan.json");
        if (File.Exists(planPath)) return plan;
        Directory.CreateDirectory(folder);
        Atomic.WriteAllText(Path.Combine(folder, "structure.cif"),
            CifWriter.ToText(plan.Primitive, $"{(keepCell ? "cell as given" : "primitive cell")} of {structurePath}, space group {plan.SpaceGroupSymbol} ({plan.SpaceGroupNumber})"));
        PlanFile.Write(planPath, plan);
        return plan;
    }

    /// <summary>The plan <see cref="Add"/> would save (or the one saved before), writing nothing.</summary>
    public MaterialPlan Plan(string structurePath, string? name = null, int[,]? supercellMatrix = null, bool keepCell = false)
    {
        name ??= Path.GetFileNameWithoutExtension(structurePath);
        var folder = MaterialFolder(name);
        var planPath = Path.Combine(folder, "plan.json");
        var structure = StructureFiles.Read(structurePath);
        if (!File.Exists(planPath)) return MaterialPlan.Make(name, structurePath, structure, Preset, supercellMatrix, keepCell);
        var planned = PlanFile.Read(planPath);
        if (StructureAnalysis.Difference(planned.Primitive, structure) is { } difference)
            throw new InputError(structurePath, null,
                $"differs from the structure planned in {folder} ({difference}); move that folder away to start {name} again");
        return planned;
    }

    /// <summary>The materials planned in the folder (none for a folder not made yet, as a dry run sees one).</summary>
    public IReadOnlyList<MaterialPlan> Materials() => !Directory.Exists(Folder) ? [] :
        Directory.EnumerateDirectories(Folder)
            .Where(d => File.Exists(Path.Combine(d, "plan.json")))
            .Select(d => PlanFile.Read(Path.Combine(d, "plan.json")))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Every job of the given materials, the ground state first, then each O site; with <paramref name="costs"/>, in the
    /// order a run takes them (without, in the order given). Materials are ordered by what one
    /// more usable spectrum costs: the estimated time of their unfinished jobs per site they make usable (a site needs
    /// its core hole and its material's ground state: the unfinished sites once the ground state is done, every site
    /// until then), cheapest first. A framework with many sites in a small supercell beats one whose single site
    /// carries a whole ground state, a material whose ground state is done has its sites next, and one whose sites wait
    /// for their ground state has it next, so a campaign stopped at any point has made the most spectra it could. On data/campaign's queue (2026-11-29 estimates) the next 24 core-hours make 94 spectra from
    /// 11 materials this way, 68 from 17 ordered by each material's whole cost.
    /// </summary>
    public IReadOnlyList<CampaignJob> Jobs(IEnumerable<MaterialPlan> materials, CostModel? costs = null)
    {
        var jobs = materials.Select(m => (IReadOnlyList<CampaignJob>)[GroundStateJob(m),
            .. m.OxygenSites.Select(s => new CampaignJob(m.Name, s.Label, m.SupercellAtoms, Electrons: Electrons(m.Primitive) * m.SupercellAtoms / m.Primitive.Atoms.Count))]).ToList();
        if (costs is null) return [.. jobs.SelectMany(j => j)];
        double CostPerSpectrum(IReadOnlyList<CampaignJob> jobs)
        {
            var open = jobs.Where(j => State(j) != JobState.Done).ToList();
            var usable = State(jobs[0]) == JobState.Done ? open.Count(j => j.IsCoreHole) : jobs.Count(j => j.IsCoreHole);
            return open.Sum(j => costs.Seconds(j, 1)) / Math.Max(1, usable);
        }
        return jobs.OrderBy(CostPerSpectrum).ThenBy(jobs => jobs[0].Material, StringComparer.Ordinal)
            .SelectMany(jobs => jobs).ToList();
    }

    /// <summary>
    /// A material's ground-state job, sized as its cost grows: the nscf dominates, and it costs per irreducible k-point
    /// (1 at Γ) about the bands to CBM + 20 eV times the plane waves, each growing with the cell volume.
    /// </summary>
    CampaignJob GroundStateJob(MaterialPlan plan)
    {
        var cell = plan.Primitive;
        var kPoints = KMesh.IsGammaOnly(cell.Lattice, Preset) ? 1 : Symmetry.IrreducibleKPoints(cell, KMesh.Of(cell.Lattice, Preset.NscfKLength));
        return new CampaignJob(plan.Name, null, cell.Atoms.Count, cell.Lattice.Volume, kPoints, Electrons(cell));
    }

    /// <summary>A cell's valence electrons as the engine counts them; 0 without its counts.</summary>
    double Electrons(Crystal cell) => _valence is null ? 0 : cell.Atoms.Sum(a => _valence(a.Element));

    public JobState State(CampaignJob job) => State(job.Id);

    /// <summary>
    /// The state of a job by its id, MATERIAL/STAGE, which is also its folder. An outdated stage whose redo failed is
    /// <see cref="JobState.Failed"/> (the failure is in its redo folder; its old result stays in use).
    /// </summary>
    public JobState State(string jobId)
    {
        var folder = Path.Combine(Folder, jobId);
        if (File.Exists(Path.Combine(folder, StageRecord.FileName)))
        {
            if (!IsOutdated(folder)) return JobState.Done;
            if (File.Exists(Path.Combine(RedoFolder(folder), StageFailure.FileName))) return JobState.Failed;
            return CampaignLock.IsHeld(folder) ? JobState.Running : JobState.Outdated;
        }
        if (File.Exists(Path.Combine(folder, StageFailure.FileName))) return JobState.Failed;
        return CampaignLock.IsHeld(folder) ? JobState.Running : JobState.Pending;
    }

    /// <summary>Whether a finished stage was made by a method since replaced: only ground states have been (<see cref="DosMethod.IsOutdated"/>).</summary>
    public static bool IsOutdated(string stageFolder) =>
        Path.GetFileName(stageFolder) == CampaignJob.GroundStateName && DosMethod.IsOutdated(stageFolder);

    /// <summary>
    /// Where an outdated stage is redone: a sibling folder, swapped in for the stage once it has finished, so that
    /// the old result stays in use meanwhile and a failed or stopped redo never loses it.
    /// </summary>
    public static string RedoFolder(string stageFolder) => stageFolder + ".redo";

    /// <summary>Whether a run should take the job: to do or outdated, or failed when failures are retried.</summary>
    public bool IsToDo(CampaignJob job, bool retryFailed) =>
        State(job) is var state && (state is JobState.Pending or JobState.Outdated || (retryFailed && state == JobState.Failed));

    /// <summary>Why a job last failed: its stage's failed.json, or its redo's.</summary>
    public StageFailure? Failure(CampaignJob job) =>
        StageFailure.TryRead(StageFolder(job)) ?? StageFailure.TryRead(RedoFolder(StageFolder(job)));

    /// <summary>Whether the job has a finished stage, current or outdated (a job to do that is finished is a redo).</summary>
    public bool IsFinished(CampaignJob job) => File.Exists(Path.Combine(StageFolder(job), StageRecord.FileName));

    /// <summary>Every job with a finished run, outdated ones included: their runs time the same work.</summary>
    public IEnumerable<FinishedJob> FinishedJobs() =>
        Materials().SelectMany(m => Jobs([m])).Where(IsFinished)
            .Select(j => new FinishedJob(j, StageRecord.TryRead(StageFolder(j))!));
}
