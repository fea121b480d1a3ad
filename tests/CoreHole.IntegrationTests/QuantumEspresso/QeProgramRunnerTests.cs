using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;

namespace CoreHole.IntegrationTests.QuantumEspresso;

/// <summary>How a run that ends on a signal is told apart: stopped from outside (the job stays to do) or failed.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]   // signals and shell scripts, as QE itself
public class QeProgramRunnerTests
{
    /// <summary>
    /// A stand-in for a QE program that prints a line and then sends itself <paramref name="signal"/>. Perl restores
    /// the signal's default action first: a shell started in the background (tests run under nohup or with &amp;)
    /// inherits SIGINT ignored and cannot undo that, so it would outlive its own kill -INT.
    /// </summary>
    static QeRun ProgramEndingOn(string signal, int processes)
    {
        var folder = Directory.CreateTempSubdirectory("corehole-qe-run-").FullName;
        var program = Path.Combine(folder, "pw.x");
        File.WriteAllText(program, $"#!/bin/sh\necho \"     Program PWSCF v.6.7MaX starts\"\n" +
            $"exec perl -e '$SIG{{{signal}}} = \"DEFAULT\"; kill \"{signal}\", $$; sleep 5'\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(folder, "scf.in"), "");
        return new QeRun(program, folder, "scf.in", "scf.out", processes);
    }

    [Theory]
    [InlineData("TERM", 1)]
    [InlineData("INT", 1)]
    [InlineData("HUP", 1)]
    [InlineData("TERM", 2)]   // under mpirun, which exits as its ranks did
    public void AProgramStoppedFromOutsideIsAnInterruptionNotAFailure(string signal, int processes)
    {
        var run = ProgramEndingOn(signal, processes);
        var stopped = Assert.Throws<QeRunInterruptedException>(() => new QeProgramRunner().Run(run));
        Assert.Contains($"stopped by SIG{signal} from outside CoreHole", stopped.Message);
        Assert.Contains(run.Folder, stopped.Message);
    }

    [Fact]
    public void AProgramKilledBySigkillFailsAndTheReasonSuggestsMemory()
    {
        var failed = Assert.Throws<QeRunFailedException>(() => new QeProgramRunner().Run(ProgramEndingOn("KILL", 1)));
        Assert.StartsWith("killed by SIGKILL (out of memory?", failed.Reason);
        Assert.Contains("exit code 137", failed.Reason);
    }
}
