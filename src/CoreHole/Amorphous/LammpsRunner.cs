using System.Diagnostics;

namespace CoreHole.Amorphous;

/// <summary>One LAMMPS run: its folder, the input script there, and the file (in that folder) its screen output goes to.</summary>
public sealed record LammpsRun(string Folder, string Input, string Output = "lammps.out");

/// <summary>What a finished run was: the command, LAMMPS's version line and the wall time.</summary>
public sealed record LammpsRunRecord(string Command, string Version, double WallSeconds);

/// <summary>
/// Starts LAMMPS as one serial process at lowered priority (<c>nice -n 10</c>: it shares the machine with DFT runs
/// that must not slow down), saves its screen output, reports its progress, and turns an error into a one-line
/// <see cref="InputError"/> naming the input script and LAMMPS's own message. Cancelling kills it.
/// </summary>
public static class LammpsRunner
{
    /// <summary>A script line <c>fix ... print N "COREHOLE_STEP $(step)"</c> makes LAMMPS report each N-th step this way.</summary>
    public const string StepMarker = "COREHOLE_STEP";

    /// <summary>The LAMMPS program on the PATH (Debian's <c>lmp</c>, or <c>lmp_serial</c> of a source build); a one-line error naming the package when there is none.</summary>
    public static string Executable()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        return new[] { "lmp", "lmp_serial" }.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists)
            ?? throw new InputError("lmp not found: apt-get install lammps");
    }

    public static LammpsRunRecord Run(LammpsRun run, IProgress<long>? steps = null, CancellationToken cancel = default)
    {
        var executable = Executable();
        string[] arguments = ["-n", "10", executable, "-in", run.Input, "-log", "log.lammps", "-nocite"];
        var info = new ProcessStartInfo("nice")
        {
            WorkingDirectory = run.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["OMP_NUM_THREADS"] = "1";

        var inputPath = Path.Combine(run.Folder, run.Input);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InputError(inputPath, null, $"could not start {executable}");
        using var kill = cancel.Register(() => ProcessTree.KillTree(process.Id));
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var lines = new List<string>();
        using (var output = new StreamWriter(Path.Combine(run.Folder, run.Output)))
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                output.WriteLine(line);
                lines.Add(line);
                if (line.StartsWith(StepMarker) && long.TryParse(line[StepMarker.Length..], out var step)) steps?.Report(step);
            }
        }
        process.WaitForExit();
        cancel.ThrowIfCancellationRequested();

        // LAMMPS prints "ERROR: message (src/file.cpp:line)" and then "Last command: ..." when it stops on a problem.
        var problem = lines.Concat(stderr.Result.Split('\n')).Where(l => l.StartsWith("ERROR") || l.StartsWith("Last command:")).ToList();
        if (problem.Count > 0 || process.ExitCode != 0)
        {
            var reason = problem.Count > 0 ? string.Join(" | ", problem) : $"exit code {process.ExitCode}; {string.Join(" | ", lines.TakeLast(2))}";
            throw new InputError(inputPath, null, $"LAMMPS stopped: {reason} (screen output in {run.Output})");
        }
        return new LammpsRunRecord($"nice {string.Join(' ', arguments)}", lines.FirstOrDefault(l => l.StartsWith("LAMMPS ("))?.Trim() ?? "LAMMPS (version not printed)",
            clock.Elapsed.TotalSeconds);
    }
}
