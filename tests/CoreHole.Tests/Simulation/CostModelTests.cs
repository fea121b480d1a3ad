using CoreHole.Simulation;

namespace CoreHole.Tests.Simulation;

public class CostModelTests
{
    static StageRecord CoreHole(int atoms, double seconds, int processes = 2, Preset? preset = null) =>
        new("m", "site_O1", "6.7MaX", (preset ?? Preset.Fast).Name, preset ?? Preset.Fast, processes, "host", DateTimeOffset.UnixEpoch, seconds, [],
            new Dictionary<string, double> { ["supercell_atoms"] = atoms }, new Dictionary<string, string>());

    [Fact]
    public void WithoutMeasurementsThePilotsCostIsTheEstimate()
    {
        var model = new CostModel([], Preset.Fast);
        Assert.Equal(210, model.Seconds(new CampaignJob("q", "O1", 72), 2), 6);
        Assert.Equal(210 * 1.7, model.Seconds(new CampaignJob("q", "O1", 72), 1), 6);
    }

    [Fact]
    public void MeasuredStagesSetTheLawThatPredictsOthers()
    {
        // Exactly wall = 0.01 * atoms^2.5 on this "machine".
        var model = new CostModel([CoreHole(48, 0.01 * Math.Pow(48, 2.5)), CoreHole(72, 0.01 * Math.Pow(72, 2.5)), CoreHole(144, 0.01 * Math.Pow(144, 2.5))], Preset.Fast);
        Assert.Equal(0.01 * Math.Pow(96, 2.5), model.Seconds(new CampaignJob("z", "O3", 96), 2), 3);
    }

    [Fact]
    public void ACoreHoleKMeshScalesSitesAndNotGroundStates()
    {
        // A 2x2x2 site measured at 4x the Γ law predicts Γ sites at the law, and 2x2x2 sites at 4x it.
        var k2 = Preset.Fast.With("core_hole_k_grid=2");
        var measured = new[] { CoreHole(36, 4 * 0.01 * Math.Pow(36, 2.5), preset: k2), CoreHole(72, 0.01 * Math.Pow(72, 2.5)), CoreHole(144, 0.01 * Math.Pow(144, 2.5)) };
        var gamma = new CostModel(measured, Preset.Fast);
        Assert.Equal(0.01 * Math.Pow(48, 2.5), gamma.Seconds(new CampaignJob("z", "O1", 48), 2), 3);
        Assert.Equal(4 * 0.01 * Math.Pow(48, 2.5), new CostModel(measured, Preset.Converged).Seconds(new CampaignJob("z", "O1", 48), 2), 3);
        Assert.Equal(gamma.Seconds(new CampaignJob("z", null, 18), 2), new CostModel(measured, k2).Seconds(new CampaignJob("z", null, 18), 2));
    }
}
