using CoreHole.Cluster;

namespace CoreHole.Tests.Cluster;

/// <summary>What CoreHole reads from and writes for Slurm, checked without a cluster.</summary>
public class SlurmTextTests
{
    [Theory]
    [InlineData("812_3", "812_3")]
    [InlineData("812_[0]", "812_0")]
    [InlineData("812_[0-2,5]", "812_0 812_1 812_2 812_5")]
    [InlineData("812_[4-6%2]", "812_4 812_5 812_6")]
    public void SacctArrayRangesExpandToTasks(string listed, string tasks) =>
        Assert.Equal(tasks, string.Join(' ', Slurm.Expand(listed)));

    [Fact]
    public void ScriptsCarryTheEstimatesUnlessTheUserOverridesThem()
    {
        var stage = new SlurmStage("site", ["MgO/site_O2", "Li2O/site_O3"], "run \"$task\"", new SlurmResources(2, 3000, TimeSpan.FromMinutes(95)), []);
        var estimated = stage.Script("/c/.slurm/site.tasks", "/c/.slurm/logs", new SlurmOptions());
        Assert.Contains("#SBATCH --array=0-1\n", estimated);
        Assert.Contains("#SBATCH --ntasks=2\n", estimated);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", estimated);
        Assert.Contains("#SBATCH --mem=3000M\n", estimated);
        Assert.Contains("#SBATCH --time=0-01:35:00\n", estimated);
        Assert.DoesNotContain("--partition", estimated);

        var imposed = stage.Script("/c/.slurm/site.tasks", "/c/.slurm/logs", new SlurmOptions("short", "chem42", "4:00:00", 4, "8G", "module load qe"));
        foreach (var line in new[] { "--partition=short", "--account=chem42", "--time=4:00:00", "--cpus-per-task=4", "--mem=8G" })
            Assert.Contains($"#SBATCH {line}\n", imposed);
        // The setup runs after the task id is read (it may change PATH) and before the command.
        Assert.True(imposed.IndexOf("task=$(sed", StringComparison.Ordinal) < imposed.IndexOf("module load qe", StringComparison.Ordinal));
        Assert.True(imposed.IndexOf("module load qe", StringComparison.Ordinal) < imposed.IndexOf("run \"$task\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(60, 13)]     // 3 x 1 min + 10
    [InlineData(3600, 190)]  // 3 x 60 min + 10
    public void TimeLimitsLeaveRoomOverTheEstimate(double seconds, double minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SlurmResources.Generous(seconds));

    [Fact]
    public void ShellQuotingSurvivesQuotes() => Assert.Equal("'it'\\''s'", Shell.Quote("it's"));
}
