using System.Diagnostics;

namespace CoreHole.Simulation.Engines.QuantumEspresso;

/// <summary>One run of a Quantum ESPRESSO program: executable, working folder, input and output file names (in that folder), MPI processes.</summary>
/// <param name="StdinInput">ld1.x reads its input from standard input; the others take <c>-in FILE</c>.</param>
/// <param name="ExtraArguments">e.g. <c>-nk 2</c> for pool parallelism.</param>
public sealed record QeRun(string Program, string Folder, string Input, string Output, int Processes, bool StdinInput = false, string ExtraArguments = "");

/// <summary>A QE program that stopped on an error, with QE's own error text (the %%%% block) or the tail of its output.</summary>
public sealed class QeRunFailedException(QeRun run, string reason)
    : ProgramFailedException(run.Program, $"{run.Program} failed in {run.Folder}: {reason}", reason)
{
    public QeRun Run { get; } = run;
}

/// <summary>
/// A QE program stopped by a signal from outside CoreHole (SIGHUP, SIGINT, SIGTERM: a user, a scheduler, a shutdown):
/// an interruption, not a failure of the calculation, so its job stays to do.
/// </summary>
public sealed class QeRunInterruptedException(QeRun run, string signal)
    : ProgramInterruptedException($"{run.Program} in {run.Folder} was stopped by {signal} from outside CoreHole")
{
    public QeRun Run { get; } = run;
}

/// <summary>
/// Starts QE programs the way this field does (mpirun -np N prog -in file > out), measures them, and turns a failure
/// into a <see cref="QeRunFailedException"/> carrying QE's own error text. Child processes are killed if CoreHole is
/// cancelled, and their pid is recorded so that a resumed campaign can kill a run orphaned by a hard kill.
/// </summary>
public sealed class QeProgramRunner
{
    /// <summary>Throws a one-line error naming the Debian package when a program is missing.</summary>
    public static void RequireInstalled(params string[] programs)
    {
        foreach (var program in programs)
            if (FindOnPath(program) is null)
                throw new InputError(program == "mpirun"
                    ? "mpirun not found: apt-get install openmpi-bin (it comes with quantum-espresso)"
                    : $"{program} not found: apt-get install quantum-espresso libopenblas0-serial");
    }

    static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    public ProgramRunRecord Run(QeRun run, CancellationToken cancel = default)
    {
        RequireInstalled(run.Program);
        var useMpi = run.Processes > 1;
        if (useMpi) RequireInstalled("mpirun");
        var arguments = new List<string>();
        if (useMpi) arguments.AddRange(["-np", run.Processes.ToString(), "--bind-to", "none", run.Program]);
        if (!run.StdinInput) arguments.AddRange(["-in", run.Input]);
        arguments.AddRange(run.ExtraArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var executable = useMpi ? "mpirun" : run.Program;
        var command = $"{executable} {string.Join(' ', arguments)}{(run.StdinInput ? $" < {run.Input}" : "")} > {run.Output}";

        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = run.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = run.StdinInput,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
        info.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";

        var outputPath = Path.Combine(run.Folder, run.Output);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InputError($"could not start {executable}");
        var pidFile = Path.Combine(run.Folder, JobRunner.PidFileName);
        File.WriteAllText(pidFile, $"{process.Id} {run.Program}");
        using var kill = cancel.Register(() => ProcessTree.KillTree(process.Id));

        if (run.StdinInput)
        {
            process.StandardInput.Write(File.ReadAllText(Path.Combine(run.Folder, run.Input)));
            process.StandardInput.Close();
        }
        var stderrTask = process.StandardError.ReadToEndAsync();
        long maxRss = 0;
        using (var output = File.Create(outputPath))
        {
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            while (!copy.Wait(500)) maxRss = Math.Max(maxRss, ProcessTree.LargestRss(process.Id));
            copy.Wait();
        }
        process.WaitForExit();
        stopwatch.Stop();
        File.Delete(pidFile);
        cancel.ThrowIfCancellationRequested();

        var stdout = File.ReadAllText(outputPath);
        var stderr = stderrTask.Result;
        var error = stdout.Length == 0 ? null : Formats.QeStdout.ErrorText(Formats.TextFile.Load(outputPath))?.ReplaceLineEndings(" ");
        if (error != null) throw new QeRunFailedException(run, error);
        if (process.ExitCode != 0)
        {
            if (StopSignal(process.ExitCode) is { } signal) throw new QeRunInterruptedException(run, signal);
            var killed = process.ExitCode == 128 + 9 ? "killed by SIGKILL (out of memory? dmesg says); " : "";
            throw new QeRunFailedException(run, $"{killed}exit code {process.ExitCode}; {Tail(stderr.Length > 0 ? stderr : stdout)}");
        }
        if (CompletionMarker(run.Program) is { } marker && !stdout.Contains(marker))
            throw new QeRunFailedException(run, $"output ends without '{marker}'; {Tail(stdout)}");
        return new ProgramRunRecord(run.Program, command, stopwatch.Elapsed.TotalSeconds, maxRss, outputPath);
    }

    /// <summary>
    /// The stop signal a program ended on, from its exit code: 128 + the signal, both for a program run directly (as
    /// .NET reports it) and under mpirun (which exits as its ranks did).
    /// </summary>
    static string? StopSignal(int exitCode) => exitCode switch
    {
        128 + 1 => "SIGHUP",
        128 + 2 => "SIGINT",
        128 + 15 => "SIGTERM",
        _ => null,
    };

    /// <summary>What each program prints last when it finished normally (ld1.x prints no such line).</summary>
    static string? CompletionMarker(string program) => program switch
    {
        "ld1.x" => null,
        "xspectra.x" => "END JOB XSpectra",
        _ => "JOB DONE.",
    };

    static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(" | ", lines.TakeLast(3));
    }
}
