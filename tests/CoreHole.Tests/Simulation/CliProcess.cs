using System.Diagnostics;

namespace CoreHole.Tests.Simulation;

/// <summary>Runs the real <c>corehole</c> CLI as a separate process, so that tests can kill it for real.</summary>
static class CliProcess
{
    public static Process Start(params string[] arguments) => StartWith(null, arguments);

    /// <summary>Starts the CLI with <paramref name="searchFirst"/> (when given) ahead of PATH, where a test puts a broken program.</summary>
    static Process StartWith(string? searchFirst, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoreHole.Cli.dll"));
        foreach (var a in arguments) info.ArgumentList.Add(a);
        if (searchFirst is not null) info.Environment["PATH"] = searchFirst + ":" + Environment.GetEnvironmentVariable("PATH");
        return Process.Start(info)!;
    }

    public static (int ExitCode, string Output) Run(TimeSpan timeout, params string[] arguments) => RunWith(null, timeout, arguments);

    public static (int ExitCode, string Output) RunWith(string? searchFirst, TimeSpan timeout, params string[] arguments)
    {
        using var process = StartWith(searchFirst, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"corehole {string.Join(' ', arguments)} still running after {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Quantum ESPRESSO must be installed for these tests (scripts/test.sh installs it): say so plainly rather than skip.</summary>
    public static void RequireQuantumEspresso()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(':').Any(d => File.Exists(Path.Combine(d, "pw.x"))))
            Assert.Fail("pw.x is not installed: run the tests with scripts/test.sh, which installs quantum-espresso");
    }
}
