using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;

namespace CoreHole.Tests.Simulation;

public class CampaignFolderTests
{
    [Fact]
    public void ScratchGoesUnderTheCampaignOrUnderANodeLocalFolderNamedPerCampaign()
    {
        var first = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Smoke);
        var second = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Smoke);
        var job = new CampaignJob("MgO", "O2", 8);
        Assert.Equal(Path.Combine(first.Folder, ".work", "MgO", "site_O2"), first.WorkFolderUnder(null, job));
        var scratch = first.WorkFolderUnder("/scratch/me", job);
        Assert.StartsWith("/scratch/me/corehole-", scratch);
        Assert.EndsWith(Path.Combine("MgO", "site_O2"), scratch);
        Assert.NotEqual(scratch, second.WorkFolderUnder("/scratch/me", job));   // two campaigns never share a scratch folder
        Assert.Equal(scratch, first.WorkFolderUnder("/scratch/me", job));
    }

    [Fact]
    public void AFolderRefusesOtherSettingsAndSaysWhichDiffer()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-campaign-").FullName;
        Campaign.Open(folder, Preset.Fast);
        Assert.Equal(Preset.Fast, Campaign.Open(folder, Preset.Fast).Preset);
        var error = Assert.Throws<InputError>(() => Campaign.Open(folder, Preset.Fast.With("ecutwfc=50,xspectra_iterations=1000")));
        Assert.Contains("ecut_wfc: 40 vs 50, xspectra_iterations: 300 vs 1000", error.Message);
        Assert.DoesNotContain("ecut_rho", error.Message);
    }

    [Fact]
    public void KeepCellPlansTheGroundStateInTheCellGivenWithTheSameSites()
    {
        var campaign = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Fast);
        var cif = Path.Combine(AppContext.BaseDirectory, "data", "structures", "ABW.cif");   // Imma, body-centred conventional cell
        var primitive = campaign.Add(cif);
        var kept = campaign.Add(cif, "ABW-conventional", keepCell: true);
        Assert.Equal(2 * primitive.Primitive.Atoms.Count, kept.Primitive.Atoms.Count);
        Assert.Equal(primitive.OxygenSites.Count, kept.OxygenSites.Count);
        Assert.Equal(2 * primitive.Primitive.Lattice.Volume, kept.Primitive.Lattice.Volume, 6);
        Assert.Contains("cell as given", File.ReadAllText(Path.Combine(campaign.Folder, "ABW-conventional", "structure.cif")));
    }

    /// <summary>The valence electrons of Si (4) and O (6) in Quantum ESPRESSO's pseudopotentials; others have none here.</summary>
    static double SilicaElectrons(string element) => element switch { "Si" => 4, "O" => 6, _ => throw new ArgumentException(element) };

    /// <summary>A new campaign whose jobs are sized by silica's electron counts.</summary>
    internal static Campaign Silica() => Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Fast, SilicaElectrons);

    /// <summary>The materials in the order a run takes them, costed from what has finished.</summary>
    static string[] RunOrder(Campaign campaign) =>
        [.. campaign.Jobs(campaign.Materials(), new CostModel(campaign.FinishedJobs(), campaign.Preset)).Select(j => j.Material).Distinct()];

    [Fact]
    public void JobsCarryTheElectronsOfTheirCellAsTheEngineCountsThem()
    {
        // A magnesium with its 2s2p shell as valence (10 electrons, not 2): the sites' supercell and the ground state's
        // cell count it, so a semicore cation weighs in the cost model as the bands it adds.
        ValenceElectrons semicore = e => e == "Mg" ? 10 : 6;
        var campaign = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Fast, semicore);
        var plan = campaign.Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif"));
        var jobs = campaign.Jobs([plan]);
        Assert.Equal(8.0 * plan.Primitive.Atoms.Count, jobs.Single(j => !j.IsCoreHole).Electrons);
        Assert.All(jobs.Where(j => j.IsCoreHole), j => Assert.Equal(8.0 * plan.SupercellAtoms, j.Electrons));
        // Opened to read results only, a campaign has no counts, and its jobs cannot be costed.
        var unsized = Campaign.Open(campaign.Folder).Jobs([plan]);
        Assert.All(unsized, j => Assert.Equal(0, j.Electrons));
        Assert.Throws<ArgumentException>(() => new CostModel([], Preset.Fast).Seconds(unsized[0], 1));
    }

    [Fact]
    public void MaterialsGoCheapestPerSpectrumFirstAndAStartedMaterialFinishesNext()
    {
        var campaign = Silica();
        foreach (var file in new[] { "SOD.cif", "stishovite-p1.cif", "ABW.cif" })
            campaign.Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", file));
        string[] Order() => RunOrder(campaign);
        // The pilot's costs on one process: ABW's three sites share one ground state (4.7 min a spectrum, 14 min in
        // all), so they come before SOD's single site with its own ground state (8 min) and stishovite's (10 min),
        // although by whole cost ABW would come last.
        Assert.Equal(["ABW", "SOD", "stishovite-p1"], Order());
        Finish(campaign, campaign.Jobs(campaign.Materials().Where(m => m.Name == "SOD")).Single(j => !j.IsCoreHole));
        // SOD's ground state done, one more spectrum of it costs just its site (1.2 min): it goes first.
        Assert.Equal(["SOD", "ABW", "stishovite-p1"], Order());
    }

    [Fact]
    public void SitesWaitingForTheirGroundStateCountAsTheSpectraItMakesUsable()
    {
        var campaign = Silica();
        foreach (var file in new[] { "SOD.cif", "stishovite-p1.cif", "ABW.cif" })
            campaign.Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", file));
        foreach (var site in campaign.Jobs(campaign.Materials().Where(m => m.Name == "ABW")).Where(j => j.IsCoreHole).Take(2))
            Finish(campaign, site);
        // ABW's ground state and last site make all three of its spectra usable, so it stays ahead of SOD (8 min a
        // spectrum) and stishovite (10 min); counted per unfinished site, one spectrum would carry its whole ground state.
        Assert.Equal(["ABW", "SOD", "stishovite-p1"], RunOrder(campaign));
    }

    [Fact]
    public void AGroundStateMadeWithTetrahedraIsOutdatedAndComesFirstForTheSpectraItSetsRight()
    {
        var campaign = Silica();
        foreach (var file in new[] { "SOD.cif", "stishovite-p1.cif", "ABW.cif" })
            campaign.Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", file));
        var jobs = campaign.Jobs(campaign.Materials().Where(m => m.Name == "stishovite-p1"));
        foreach (var job in jobs) Finish(campaign, job);
        var groundState = jobs.Single(j => !j.IsCoreHole);
        var stage = campaign.StageFolder(groundState);
        Assert.Equal(JobState.Done, campaign.State(groundState));

        // The campaign's first ground states: projwfc's tetrahedra sampled on a 0.05 eV grid.
        File.WriteAllText(Path.Combine(stage, "projwfc.in"), " &projwfc\n    prefix = 'gs',\n    DeltaE = 0.05,\n    Emin = -31.5,\n /\n");
        Assert.Equal(JobState.Outdated, campaign.State(groundState));
        Assert.True(campaign.IsToDo(groundState, retryFailed: false));
        Assert.Equal(JobState.Done, campaign.State(jobs.First(j => j.IsCoreHole)));   // its sites stand
        // Its redo (1.6 min on the pilot's costs) sets its finished site's input right: the cheapest per spectrum.
        Assert.Equal("stishovite-p1", RunOrder(campaign)[0]);
        File.Delete(Path.Combine(stage, "projwfc.in"));   // a record that cannot show its method is not taken on trust
        Assert.Equal(JobState.Outdated, campaign.State(groundState));

        // A failed redo leaves its failure beside the stage: failed (retried on request), the old stage in use.
        new StageFailure("stishovite-p1", "gs", "pw.x", "S matrix not positive definite", DateTimeOffset.UnixEpoch).Write(Campaign.RedoFolder(stage));
        Assert.Equal(JobState.Failed, campaign.State(groundState));
        Assert.Equal("S matrix not positive definite", campaign.Failure(groundState)!.Reason);
        Assert.False(campaign.IsToDo(groundState, retryFailed: false));
        Assert.True(campaign.IsToDo(groundState, retryFailed: true));
        Assert.True(File.Exists(Path.Combine(stage, StageRecord.FileName)));
    }

    /// <summary>Marks a job finished as the current code would (a ground state with its projwfc input).</summary>
    internal static void Finish(Campaign campaign, CampaignJob job)
    {
        var stage = campaign.StageFolder(job);
        Directory.CreateDirectory(stage);
        if (!job.IsCoreHole) File.WriteAllText(Path.Combine(stage, "projwfc.in"), GroundStateStage.ProjwfcInput(-30, 30).ToString());
        new StageRecord(job.Material, job.Stage, "6.7MaX", "fast", Preset.Fast, 1, "host", DateTimeOffset.UnixEpoch, 341, [],
            new Dictionary<string, double>(), new Dictionary<string, string>()).Write(stage);
    }

    [Fact]
    public void AJobHeldByAnotherProcessIsRunningAndLeftAlone()
    {
        var campaign = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Smoke);
        campaign.Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif"));
        var job = campaign.Jobs(campaign.Materials()).First(j => j.IsCoreHole);
        var stage = campaign.StageFolder(job);
        Directory.CreateDirectory(stage);
        File.WriteAllText(Path.Combine(stage, "scf.in"), "the other process's input");
        Assert.Equal(JobState.Pending, campaign.State(job));

        using (var other = CampaignLock.TryClaim(stage))   // a lock is per open file: held here, it is another's to the runner
        {
            Assert.NotNull(other);
            Assert.Equal(JobState.Running, campaign.State(job));
            Assert.Null(CampaignLock.TryClaim(stage));
            Assert.Equal(JobState.Running, new JobRunner(campaign, 1, new QuantumEspressoEngine()).Run(job));
            Assert.Equal("the other process's input", File.ReadAllText(Path.Combine(stage, "scf.in")));
        }
        Assert.Equal(JobState.Pending, campaign.State(job));   // released with its holder; the lock file stays
        Assert.True(File.Exists(CampaignLock.PathOf(stage)));
    }

    [Fact]
    public void AStructureFileChangedSincePlanningIsRefusedWithTheDifference()
    {
        var campaign = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Smoke);
        var cif = Path.Combine(Directory.CreateTempSubdirectory("corehole-structure-").FullName, "MgO.cif");
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif"));
        File.WriteAllText(cif, original);
        var plan = campaign.Add(cif);
        File.WriteAllText(cif, "# a comment added, the structure unchanged\n" + original);
        Assert.Equal(plan.Primitive.Lattice, campaign.Add(cif).Primitive.Lattice);

        File.WriteAllText(cif, original.Replace("_cell_length_a 2.977768", "_cell_length_a 3.0"));   // a lattice parameter edited
        Assert.NotEqual(original, File.ReadAllText(cif));
        var error = Assert.Throws<InputError>(() => campaign.Add(cif));
        Assert.Contains("MgO.cif", error.Message);
        Assert.Contains("differs from the structure planned in", error.Message);
        Assert.Contains("volume per atom", error.Message);
    }
}
