using System.Diagnostics;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.EndToEnd;

/// <summary>A search killed for real (SIGKILL to the process, mid-way) resumes and ends exactly as an uninterrupted one.</summary>
public class SearchResumeTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void KilledSearchResumesToTheSameResult()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-search-").FullName;
        var dataset = Path.Combine(folder, "tiny.h5");
        Assert.Equal(0, CliProcess.Run(Limit, "dataset", "synthetic", "-o", dataset, "--sites", "30", "--seed", "2").ExitCode);
        string[] Search(string output) => ["train", dataset, "-o", output, "--search", "--epochs", "4", "--patience", "2", "--jobs", "2"];

        var whole = Path.Combine(folder, "whole");
        var (code, log) = CliProcess.Run(Limit, Search(whole));
        Assert.True(code == 0, log);

        var killed = Path.Combine(folder, "killed");
        var jobs = Path.Combine(killed, "jobs");
        using (var search = CliProcess.Start(Search(killed)))
        {
            var clock = Stopwatch.StartNew();
            while (!Directory.Exists(jobs) || Directory.GetFiles(jobs, "*.json").Length < 100)
            {
                Assert.False(search.HasExited, $"the search ended (exit {(search.HasExited ? search.ExitCode : 0)}) before it could be killed");
                Assert.True(clock.Elapsed < Limit, "the search did not reach 100 jobs in time");
                Thread.Sleep(50);
            }
            search.Kill(); // SIGKILL: no handler runs, jobs in flight are lost
            search.WaitForExit();
        }
        int finishedBeforeResume = Directory.GetFiles(jobs, "*.json").Length;
        Assert.InRange(finishedBeforeResume, 100, 539);
        Assert.False(File.Exists(Path.Combine(killed, "cv-results.csv")));

        (code, log) = CliProcess.Run(Limit, Search(killed));
        Assert.True(code == 0, log);
        Assert.Contains($"{finishedBeforeResume} already done", log);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "cv-results.csv")), File.ReadAllBytes(Path.Combine(killed, "cv-results.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "model.chmlp")), File.ReadAllBytes(Path.Combine(killed, "model.chmlp")));
        Assert.Equal(108 + 1, File.ReadAllLines(Path.Combine(killed, "cv-results.csv")).Length);
    }
}
