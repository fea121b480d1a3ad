using CoreHole.Tests.Simulation;

namespace CoreHole.Tests.Cli;

/// <summary>`corehole simulate --dry-run` shows a plan and writes nothing; `--plan` is the way to save one.</summary>
public class SimulateDryRunTests
{
    static readonly string Structure = Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif");

    [Fact]
    public void ADryRunWritesNothingWhilePlanSavesThePlan()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("corehole-dry-").FullName, "campaign");
        var (code, log) = CliProcess.Run(TimeSpan.FromMinutes(2), "simulate", Structure, "-o", output, "--preset", "smoke", "--dry-run");
        Assert.True(code == 0, log);
        Assert.Contains("1 materials in run order", log);
        Assert.False(Directory.Exists(output), $"the dry run made {output}");

        (code, log) = CliProcess.Run(TimeSpan.FromMinutes(2), "simulate", Structure, "-o", output, "--preset", "smoke", "--plan");
        Assert.True(code == 0, log);
        Assert.True(File.Exists(Path.Combine(output, "MgO-p1", "plan.json")), log);
        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

        // A dry run of the saved folder reads it and changes nothing in it.
        (code, log) = CliProcess.Run(TimeSpan.FromMinutes(2), "simulate", "-o", output, "--dry-run");
        Assert.True(code == 0, log);
        Assert.Contains("MgO-p1", log);
        Assert.Equal(written, Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList());
    }

    [Fact]
    public void HelpNamesTheCommandPeopleType()
    {
        var (code, log) = CliProcess.Run(TimeSpan.FromMinutes(1), "--help");
        Assert.True(code == 0, log);
        Assert.Contains("corehole [command] [options]", log);
        Assert.DoesNotContain("CoreHole.Cli", log);
    }
}
