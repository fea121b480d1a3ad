using CoreHole.Tests.Simulation;

namespace CoreHole.Tests.Cli;

public class EvaluateCommandTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [Fact]
    public void AMissingModelIsOneLineAndExitCodeTwo()
    {
        var (code, output) = CliProcess.Run(Limit, "evaluate", "/nonexistent/model.chmodel", "/nonexistent/data.h5");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/model.chmodel: no such model file", output);
        Assert.DoesNotContain("   at ", output);
    }
}
