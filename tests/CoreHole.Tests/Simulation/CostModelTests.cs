using CoreHole.Simulation;

namespace CoreHole.Tests.Simulation;

public class CostModelTests
{
    /// <summary>A core-hole site of an SiO2 supercell: 16 valence electrons per 3 atoms.</summary>
    static CampaignJob Site(int atoms, string site = "O1") => new("m", site, atoms, Electrons: atoms * 16.0 / 3);

    /// <summary>A ground state sized by its nscf bands: occupied ones for the given electrons, empty ones for the volume.</summary>
    static CampaignJob Cell(string material, double bands, int kPoints, double volume = 100) =>
        new(material, null, 12, volume, kPoints, 2 * (bands - BandCount.EmptyToReach(volume, Preset.Fast.PdosReach)));

    static FinishedJob CoreHole(int atoms, double seconds, int processes = 2, Preset? preset = null) =>
        Finished(Site(atoms), seconds, processes, preset);

    static FinishedJob GroundState(double bands, int kPoints, double seconds) =>
        Finished(Cell($"m{bands}-{kPoints}", bands, kPoints), seconds, 2, null);

    static FinishedJob Finished(CampaignJob job, double seconds, int processes, Preset? preset) =>
        new(job, new StageRecord(job.Material, job.Stage, "6.7MaX", (preset ?? Preset.Fast).Name, preset ?? Preset.Fast, processes, "host",
            DateTimeOffset.UnixEpoch, seconds, [], new Dictionary<string, double>(), new Dictionary<string, string>()));

    /// <summary>A "machine" whose per-k-point cost turns cubic at 300 bands (r = 1/300²).</summary>
    static double Law(double bands, int kPoints) => kPoints * 0.01 * (bands + bands * bands * bands / (300.0 * 300.0));

    [Fact]
    public void WithoutMeasurementsThePilotsCostIsTheEstimate()
    {
        var model = new CostModel([], Preset.Fast);
        Assert.Equal(210, model.Seconds(Site(72), 2), 6);
        Assert.Equal(210 * 1.7, model.Seconds(Site(72), 1), 6);
        // alpha-quartz's ground state: 48 valence electrons in 113 Å³, 19 irreducible k-points.
        Assert.Equal(60, model.Seconds(new CampaignJob("q", null, 9, 113, 19, 48), 2), 6);
    }

    [Fact]
    public void MeasuredStagesSetTheLawThatPredictsOthers()
    {
        // Exactly wall = 0.01 * atoms^2.5 on this "machine".
        var model = new CostModel([CoreHole(48, 0.01 * Math.Pow(48, 2.5)), CoreHole(72, 0.01 * Math.Pow(72, 2.5)), CoreHole(144, 0.01 * Math.Pow(144, 2.5))], Preset.Fast);
        Assert.Equal(0.01 * Math.Pow(96, 2.5), model.Seconds(Site(96, "O3"), 2), 3);
    }

    [Fact]
    public void GroundStatesTurnCubicInBandsAndLinearInKPoints()
    {
        // Measured from 50 to 400 bands: the law is recovered, and a larger cell with few k-points (the 48-atom
        // frameworks a power law put at half their time) is predicted as measured.
        var model = new CostModel([GroundState(100, 20, Law(100, 20)), GroundState(200, 20, Law(200, 20)), GroundState(200, 5, Law(200, 5)),
            GroundState(400, 10, Law(400, 10)), GroundState(50, 40, Law(50, 40))], Preset.Fast);
        Assert.Equal(Law(1100, 6), model.Seconds(Cell("AFY", 1100, 6), 2), 3);
        Assert.Equal(1.7 * Law(300, 12), model.Seconds(Cell("x", 300, 12), 1), 3);
    }

    [Fact]
    public void SemicoreElectronsCostWhereAtomsAndVolumeDoNot()
    {
        // Two cells of the same atoms and volume, the second with semicore shells (BaO's Ba: 10 valence electrons, not
        // 2): the model, fitted on silica-like jobs, charges the second for its extra bands in both kinds of job.
        var model = new CostModel([CoreHole(48, 0.01 * Math.Pow(48, 2.5)), CoreHole(72, 0.01 * Math.Pow(72, 2.5)), CoreHole(144, 0.01 * Math.Pow(144, 2.5)),
            GroundState(100, 20, Law(100, 20)), GroundState(200, 20, Law(200, 20)), GroundState(400, 10, Law(400, 10))], Preset.Fast);
        var (valenceOnly, semicore) = (new CampaignJob("MgO", "O1", 64, Electrons: 32 * 8), new CampaignJob("BaO", "O1", 64, Electrons: 32 * 16));
        Assert.Equal(Math.Pow(2, 2.5), model.Seconds(semicore, 1) / model.Seconds(valenceOnly, 1), 6);

        var (light, heavy) = (new CampaignJob("MgO", null, 2, 40, 20, 8), new CampaignJob("BaO", null, 2, 40, 20, 16));
        var empty = BandCount.EmptyToReach(40, Preset.Fast.PdosReach);
        Assert.Equal(Law(empty + 8, 20) / Law(empty + 4, 20), model.Seconds(heavy, 1) / model.Seconds(light, 1), 6);
    }

    [Fact]
    public void BandCountsTooCloseToShapeTheLawOnlyScaleThePrior()
    {
        // Two cells: the measurements set the scale, the prior's shape stays, so the estimate at another size moves
        // by the prior's ratio between the sizes, and the k-points count linearly.
        var prior = new CostModel([], Preset.Fast);
        var model = new CostModel([GroundState(100, 20, Law(100, 20)), GroundState(120, 10, Law(120, 10))], Preset.Fast);
        var ratio = model.Seconds(Cell("a", 1000, 8), 2) / prior.Seconds(Cell("a", 1000, 8), 2);
        Assert.Equal(ratio, model.Seconds(Cell("b", 70, 19, 113), 2) / prior.Seconds(Cell("b", 70, 19, 113), 2), 6);
        Assert.Equal(2 * model.Seconds(Cell("a", 1000, 4), 2), model.Seconds(Cell("a", 1000, 8), 2), 6);
    }

    [Fact]
    public void ACoreHoleKMeshScalesSitesAndNotGroundStates()
    {
        // A 2x2x2 site measured at 4x the Γ law predicts Γ sites at the law, and 2x2x2 sites at 4x it.
        var k2 = Preset.Fast.With("core_hole_k_grid=2");
        var measured = new[] { CoreHole(36, 4 * 0.01 * Math.Pow(36, 2.5), preset: k2), CoreHole(72, 0.01 * Math.Pow(72, 2.5)), CoreHole(144, 0.01 * Math.Pow(144, 2.5)) };
        var gamma = new CostModel(measured, Preset.Fast);
        Assert.Equal(0.01 * Math.Pow(48, 2.5), gamma.Seconds(Site(48), 2), 3);
        Assert.Equal(4 * 0.01 * Math.Pow(48, 2.5), new CostModel(measured, Preset.Converged).Seconds(Site(48), 2), 3);
        Assert.Equal(gamma.Seconds(Cell("z", 200, 10), 2), new CostModel(measured, k2).Seconds(Cell("z", 200, 10), 2));
    }

    [Fact]
    public void LeaveOneOutIsExactOnALawAndNamesTheJobThatBreaksIt()
    {
        var onLaw = new[] { (100.0, 20), (200.0, 20), (200.0, 5), (400.0, 10), (50.0, 40) }.Select(s => GroundState(s.Item1, s.Item2, Law(s.Item1, s.Item2))).ToList();
        var exact = CostModel.LeaveOneOut(onLaw, coreHole: false)!;
        Assert.Equal(5, exact.Jobs);
        Assert.Equal(1.0, exact.RmsFactor, 6);
        Assert.Equal(Cell("m400-10", 400, 10), exact.Longest);
        Assert.Equal(Law(400, 10), exact.LongestSeconds, 6);
        Assert.Equal(1.0, exact.LongestRatio, 6);
        Assert.Null(CostModel.LeaveOneOut(onLaw, coreHole: true));

        // One job took 3x its law: the others, all on the law, estimate it at exactly a third of its time.
        var slow = GroundState(300, 12, 3 * Law(300, 12));
        var accuracy = CostModel.LeaveOneOut([.. onLaw, slow], coreHole: false)!;
        Assert.Equal(slow.Job, accuracy.Worst);
        Assert.Equal(1 / 3.0, accuracy.WorstRatio, 6);
        Assert.Equal(slow.Job, accuracy.Longest);
        Assert.True(accuracy.RmsFactor > 1.2);
    }
}
