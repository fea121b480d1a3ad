using CoreHole.Simulation;

namespace CoreHole.Tests.Simulation;

public class CostModelTests
{
    static StageRecord CoreHole(int atoms, double seconds, int processes = 2) =>
        new("m", "site_O1", "6.7MaX", "fast", Preset.Fast, processes, "host", DateTimeOffset.UnixEpoch, seconds, [],
            new Dictionary<string, double> { ["supercell_atoms"] = atoms }, new Dictionary<string, string>());

    [Fact]
    public void WithoutMeasurementsThePilotsCostIsTheEstimate()
    {
        var model = new CostModel([]);
        Assert.Equal(210, model.Seconds(new CampaignJob("q", "O1", 72), 2), 6);
        Assert.Equal(210 * 1.7, model.Seconds(new CampaignJob("q", "O1", 72), 1), 6);
    }

    [Fact]
    public void MeasuredStagesSetTheLawThatPredictsOthers()
    {
        // Exactly wall = 0.01 * atoms^2.5 on this "machine".
        var model = new CostModel([CoreHole(48, 0.01 * Math.Pow(48, 2.5)), CoreHole(72, 0.01 * Math.Pow(72, 2.5)), CoreHole(144, 0.01 * Math.Pow(144, 2.5))]);
        Assert.Equal(0.01 * Math.Pow(96, 2.5), model.Seconds(new CampaignJob("z", "O3", 96), 2), 3);
    }
}
