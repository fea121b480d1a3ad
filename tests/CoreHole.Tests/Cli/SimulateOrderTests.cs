using System.Globalization;
using CoreHole.Prediction;
using CoreHole.Tests.Prediction;
using CoreHole.Tests.Simulation;

namespace CoreHole.Tests.Cli;

/// <summary>`corehole simulate --order`: the dry run shows the uncertainty order's ranking; without it, the plan as before.</summary>
public class SimulateOrderTests
{
    [Fact]
    public void ADryRunInUncertaintyOrderPrintsEachSitesSpreadMinutesAndScore()
    {
        var (campaign, plan) = ModelUncertaintyTests.MgOWithGroundState();
        var (model, _) = StructurePredictionTests.SmallModel();
        var spread = ModelUncertainty.Load(model.Path).Spreads(campaign, plan).Single().Value;

        var (code, log) = CliProcess.Run(TimeSpan.FromMinutes(2), "simulate", "-o", campaign.Folder, "--order", "uncertainty", "--model", model.Path, "--dry-run", "--np", "1");
        Assert.True(code == 0, log);
        var row = log.Split('\n').Single(l => l.StartsWith("MgO-p1/site_", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(spread.ToString("0.0000", CultureInfo.InvariantCulture), row[1]);
        var minutes = double.Parse(row[2], CultureInfo.InvariantCulture);
        Assert.Equal(spread / minutes, double.Parse(row[3], CultureInfo.InvariantCulture), 3);
        Assert.Contains("1 core-hole sites to do", log);
    }

    [Fact]
    public void WithoutTheOptionTheDryRunIsTheCheapestFirstPlan()
    {
        var (campaign, _) = ModelUncertaintyTests.MgOWithGroundState();
        var (code, plain) = CliProcess.Run(TimeSpan.FromMinutes(2), "simulate", "-o", campaign.Folder, "--dry-run");
        Assert.True(code == 0, plain);
        Assert.Contains("in run order (the cheapest next spectrum first)", plain);
        Assert.DoesNotContain("spread / min", plain);
        (code, var cheapest) = CliProcess.Run(TimeSpan.FromMinutes(2), "simulate", "-o", campaign.Folder, "--order", "cheapest", "--dry-run");
        Assert.True(code == 0, cheapest);
        Assert.Equal(plain, cheapest);
    }

    [Fact]
    public void AMissingModelIsOneLineNamingItWithExitCode2()
    {
        var (campaign, _) = ModelUncertaintyTests.MgOWithGroundState();
        var missing = Path.Combine(campaign.Folder, "no-such.chmodel");
        var (code, log) = CliProcess.Run(TimeSpan.FromMinutes(2), "simulate", "-o", campaign.Folder, "--order", "uncertainty", "--model", missing, "--dry-run");
        Assert.Equal(2, code);
        Assert.Contains(missing, log.Trim());
        Assert.Single(log.Trim().Split('\n'));
    }
}
