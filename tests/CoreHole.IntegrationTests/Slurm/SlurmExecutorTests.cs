using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.Slurm;

/// <summary>
/// The Slurm executor against a real Slurm (scripts/slurm-local.sh: slurmctld, slurmd, slurmdbd on this machine, which
/// scripts/test.sh starts): the same small campaign and search give identical results locally and through job arrays,
/// an array cancelled with scancel is completed by a re-run that recomputes nothing finished, and a job that fails on
/// the cluster is reported with its Slurm state and CoreHole's own error.
/// </summary>
public class SlurmExecutorTests
{
    static readonly string MgO = Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif");
    static readonly string Stishovite = Path.Combine(AppContext.BaseDirectory, "data", "structures", "stishovite-p1.cif");
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    static string NewFolder() => Directory.CreateTempSubdirectory("corehole-slurm-").FullName;

    [Fact]
    public void CampaignThroughSlurmEqualsTheLocalOne()
    {
        RequireSlurm();
        CliProcess.RequireQuantumEspresso();
        var local = NewFolder();
        var cluster = NewFolder();
        var (code, log) = CliProcess.Run(Limit, "simulate", MgO, "-o", local, "--preset", "smoke", "--np", "1");
        Assert.True(code == 0, log);
        (code, log) = CliProcess.Run(Limit, "simulate", MgO, "-o", cluster, "--preset", "smoke", "--np", "1", "--executor", "slurm", "--wait");
        Assert.True(code == 0, log);
        Assert.Contains("submitted gs: Slurm job", log);
        Assert.Contains("2 jobs done now, 0 failed, 0 still to do", log);

        foreach (var stage in new[] { "gs", "site_O2" })
        {
            var expected = Results(Path.Combine(local, "MgO-p1", stage));
            var computed = Results(Path.Combine(cluster, "MgO-p1", stage));
            Assert.Equal(expected, computed);
        }
        foreach (var file in new[] { "site_O2/xanes_avg.dat.gz", "site_O2/xanes_x.dat.gz", "gs/pdos/atm2_O_p.pdos.gz" })
            Assert.Equal(Gunzip(Path.Combine(local, "MgO-p1", file)), Gunzip(Path.Combine(cluster, "MgO-p1", file)));
    }

    [Fact]
    public void CancelledArraysAreCompletedByARerunThatRecomputesNothingFinished()
    {
        RequireSlurm();
        CliProcess.RequireQuantumEspresso();
        var folder = NewFolder();
        // Two MPI processes per job: mpirun must find its slots inside the Slurm allocation.
        var (code, log) = CliProcess.Run(Limit, "simulate", MgO, Stishovite, "-o", folder, "--preset", "smoke", "--np", "2", "--executor", "slurm");
        Assert.True(code == 0, log);
        var stages = new[] { "MgO-p1/gs", "MgO-p1/site_O2", "stishovite-p1/gs", "stishovite-p1/site_O3" }
            .Select(s => Path.Combine(folder, s, "stage.json")).ToList();

        // Cancel every array once the first job has finished and before the last has.
        var clock = Stopwatch.StartNew();
        while (!stages.Any(File.Exists))
        {
            Assert.True(clock.Elapsed < Limit, "no job finished in time");
            Thread.Sleep(100);
        }
        var jobIds = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ".slurm", "submissions.json"))).RootElement
            .EnumerateArray().Select(s => s.GetProperty("JobId").GetString()!).ToList();
        Assert.Equal(0, Command("scancel", [.. jobIds]).Code);
        while (Command("squeue", ["-h", "-j", string.Join(',', jobIds)]).Output.Trim().Length > 0)
        {
            Assert.True(clock.Elapsed < Limit, "cancelled jobs did not leave the queue");
            Thread.Sleep(200);
        }
        var finished = stages.Where(File.Exists).ToDictionary(s => s, s => (Bytes: File.ReadAllBytes(s), Time: File.GetLastWriteTimeUtc(s)));
        Assert.InRange(finished.Count, 1, 3);
        var status = Eventually(() => CliProcess.Run(Limit, "status", folder).Output, s => s.Contains("CANCELLED"), TimeSpan.FromMinutes(3));
        Assert.True(status.Contains("CANCELLED"), $"corehole status said:\n{status}");

        (code, log) = CliProcess.Run(Limit, "simulate", "-o", folder, "--np", "2", "--executor", "slurm", "--wait");
        Assert.True(code == 0, log);
        Assert.Contains($"{4 - finished.Count} jobs done now, 0 failed, 0 still to do", log);
        Assert.All(stages, s => Assert.True(File.Exists(s), s));
        foreach (var (path, (bytes, time)) in finished)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(time, File.GetLastWriteTimeUtc(path));
        }
        // Everything is finished: a further run submits nothing.
        Assert.Contains("nothing to submit", CliProcess.Run(Limit, "simulate", "-o", folder, "--executor", "slurm").Output);
    }

    [Fact]
    public void AJobThatFailsOnTheClusterIsReportedWithItsSlurmStateAndCoreHolesError()
    {
        RequireSlurm();
        var folder = NewFolder();
        // A compute node without Quantum ESPRESSO on its PATH (a module not loaded): the pseudopotential job fails
        // first, and the arrays waiting for it are cancelled rather than left pending for ever.
        var (code, log) = CliProcess.Run(Limit, "simulate", MgO, "-o", folder, "--preset", "smoke", "--np", "1", "--executor", "slurm", "--wait",
            "--setup", "export PATH=/nonexistent");
        Assert.Equal(2, code);
        Assert.Contains("the pseudopotential job", log);
        Assert.Contains("ended FAILED", log);
        Assert.Contains("pw.x not found: apt-get install quantum-espresso", log);
        Assert.False(File.Exists(Path.Combine(folder, "MgO-p1", "gs", "stage.json")));
        var status = Eventually(() => CliProcess.Run(Limit, "status", folder).Output,
            s => s.Contains("FAILED") && s.Contains("CANCELLED"), TimeSpan.FromMinutes(3));
        Assert.True(status.Contains("FAILED") && status.Contains("CANCELLED"), $"corehole status said:\n{status}");
    }

    [Fact]
    public void SearchThroughSlurmEqualsTheLocalOne()
    {
        RequireSlurm();
        var folder = NewFolder();
        var dataset = Path.Combine(folder, "tiny.h5");
        Assert.Equal(0, CliProcess.Run(Limit, "dataset", "synthetic", "-o", dataset, "--sites", "30", "--seed", "2").ExitCode);
        string[] Search(string output) => ["train", dataset, "-o", output, "--search", "--grid", "quick", "--epochs", "4", "--patience", "2"];

        var (code, log) = CliProcess.Run(Limit, [.. Search(Path.Combine(folder, "local")), "--jobs", "2"]);
        Assert.True(code == 0, log);
        (code, log) = CliProcess.Run(Limit, [.. Search(Path.Combine(folder, "slurm")), "--executor", "slurm", "--wait"]);
        Assert.True(code == 0, log);
        Assert.Contains("submitted cv: Slurm job", log);
        Assert.Contains("submitted final: Slurm job", log);
        foreach (var file in new[] { "cv-results.csv", "model.chmlp" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "local", file)), File.ReadAllBytes(Path.Combine(folder, "slurm", file)));
        // Each fold's checkpoint too, but for its timing.
        foreach (var job in Directory.GetFiles(Path.Combine(folder, "local", "jobs")).Select(Path.GetFileName))
            Assert.Equal(FoldResult(Path.Combine(folder, "local", "jobs", job!)), FoldResult(Path.Combine(folder, "slurm", "jobs", job!)));
        Assert.Contains("nothing to submit", CliProcess.Run(Limit, [.. Search(Path.Combine(folder, "slurm")), "--executor", "slurm"]).Output);
        // Slurm's accounting (sacct) records a finished task some time after squeue has dropped it: wait for that.
        var status = Eventually(() => CliProcess.Run(Limit, "status", Path.Combine(folder, "slurm")).Output,
            s => s.Contains("COMPLETED 40"), TimeSpan.FromMinutes(3));
        Assert.True(status.Contains("40/40 cross-validation jobs done") && status.Contains("final model written") && status.Contains("COMPLETED 40"),
            $"corehole status said:\n{status}");
    }

    [Fact]
    public void ReproduceThroughSlurmEqualsTheLocalOne()
    {
        RequireSlurm();
        var folder = NewFolder();
        string[] Reproduce(string output) => ["reproduce", "--synthetic", "24", "--quick", "-o", Path.Combine(folder, output)];
        var (code, log) = CliProcess.Run(TimeSpan.FromMinutes(30), [.. Reproduce("local"), "--jobs", "2"]);
        Assert.True(code == 0, log);
        (code, log) = CliProcess.Run(TimeSpan.FromMinutes(45), [.. Reproduce("slurm"), "--executor", "slurm"]);
        Assert.True(code == 0, log);
        // Every model's search ran as Slurm arrays, and chose and trained what the local search did. (24 synthetic
        // crystalline sites train the three crystalline models; their 8 amorphous ones are too few for the fourth.)
        var models = Directory.GetDirectories(Path.Combine(folder, "local", "work")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["crystalline-band-gap", "crystalline-conduction", "crystalline-valence"], models);
        foreach (var model in models)
        {
            var (local, cluster) = (Path.Combine(folder, "local", "work", model!), Path.Combine(folder, "slurm", "work", model!));
            Assert.True(File.Exists(Path.Combine(cluster, ".slurm", "submissions.json")), $"{model}: nothing was submitted to Slurm");
            Assert.False(File.Exists(Path.Combine(local, ".slurm", "submissions.json")), $"{model}: the local run submitted to Slurm");
            foreach (var file in new[] { "cv-results.csv", "model.chmlp" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(cluster, file)));
        }
    }

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds or <paramref name="limit"/> passes; returns the last reading.</summary>
    static string Eventually(Func<string> read, Func<string, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var text = read();
        while (!done(text) && clock.Elapsed < limit)
        {
            Thread.Sleep(TimeSpan.FromSeconds(2));
            text = read();
        }
        return text;
    }

    static Dictionary<string, double> Results(string stage) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(stage, "stage.json"))).RootElement.GetProperty("results")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

    static string FoldResult(string path) => string.Join(' ', JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateObject()
        .Where(p => p.Name != "seconds").Select(p => $"{p.Name}={p.Value}"));

    static string Gunzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        return new StreamReader(gzip).ReadToEnd();
    }

    static (int Code, string Output) Command(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>A running Slurm is part of the test environment (scripts/test.sh starts one): say so plainly rather than skip.</summary>
    static void RequireSlurm()
    {
        try
        {
            if (Command("sinfo", "-h", "-o", "%T").Output.Trim() is "idle" or "mixed" or "allocated") return;
        }
        catch (System.ComponentModel.Win32Exception) { }
        Assert.Fail("no Slurm cluster answers: run the tests with scripts/test.sh, or start one with: sudo bash scripts/slurm-local.sh start");
    }
}
