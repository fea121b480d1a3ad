using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoreHole.Formats;
using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;
using CoreHole.Spectra;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.QuantumEspresso;

/// <summary>
/// Real Quantum ESPRESSO runs through the real CLI, on rock salt at the smoke preset (an 8-atom core-hole cell),
/// so that they finish in a minute or two: the whole chain, a committed reference, and a real kill and resume.
/// </summary>
public class SimulateEndToEndTests
{
    static readonly string Structure = Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif");
    static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "data", "simulate", "MgO-smoke");
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    static string NewFolder() => Directory.CreateTempSubdirectory("corehole-simulate-").FullName;

    [Fact]
    public void SmokeCampaignMatchesTheCommittedReference()
    {
        CliProcess.RequireQuantumEspresso();
        var output = NewFolder();
        // One process, as the reference was made: MPI runs differ in the last digits, and the Lanczos with them.
        var (code, log) = CliProcess.Run(Limit, "simulate", Structure, "-o", output, "--preset", "smoke", "--np", "1");
        Assert.True(code == 0, log);

        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(Reference, "reference.json"))).RootElement;
        var gs = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MgO-p1", "gs", "stage.json"))).RootElement.GetProperty("results");
        Assert.Equal(reference.GetProperty("band_gap_ev").GetDouble(), gs.GetProperty("band_gap_ev").GetDouble(), 2);
        var site = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MgO-p1", "site_O2", "stage.json"))).RootElement.GetProperty("results");
        Assert.Equal(reference.GetProperty("lumo_ev").GetDouble() - reference.GetProperty("homo_ev").GetDouble(),
            site.GetProperty("lumo_ev").GetDouble() - site.GetProperty("homo_ev").GetDouble(), 2);

        var expected = SpectrumFiles.Read(Path.Combine(Reference, "xanes_avg.dat")).CurveNamed("avg");
        var computed = SpectrumFiles.Read(Path.Combine(output, "MgO-p1", "site_O2", "xanes_avg.dat.gz")).CurveNamed("avg");
        var comparison = Comparison.Of(expected, computed, 0, 30);
        Assert.True(comparison.Pearson >= 0.999, $"Pearson r = {comparison.Pearson}");
        Assert.InRange(comparison.MainPeakShift, -0.05, 0.05);
        Assert.Contains($"xniter = {Preset.Smoke.XspectraIterations},", File.ReadAllText(Path.Combine(output, "MgO-p1", "site_O2", "xspectra_z.in")));

        // The ground-state PDOS of the site is kept and reads as a projwfc O-p file reaching CBM + the preset's reach (8 eV).
        var pdos = SpectrumFiles.Read(Path.Combine(output, "MgO-p1", "gs", "pdos", "atm2_O_p.pdos.gz"));
        Assert.True(pdos.Curves[0].Curve.LastEnergy >= gs.GetProperty("cbm_ev").GetDouble() + 8);

        // On a k mesh too the DOS is projwfc's narrow Gaussian sum, which holds every occupied state (two per band)
        // below the gap; tetrahedra sampled at projwfc's grid points held 0.84-1.22 of them in the frameworks.
        var states = StatesBelow(Path.Combine(output, "MgO-p1", "gs", "pdos", "pdos_tot.dat.gz"), gs.GetProperty("mid_gap_ev").GetDouble());
        Assert.Equal(2 * gs.GetProperty("occupied_bands").GetDouble(), states, 0.001 * states);   // 7.9994 of 8 (tetrahedra: 7.958)
        Assert.Contains("occupations = 'fixed'", File.ReadAllText(Path.Combine(output, "MgO-p1", "gs", "nscf.in")));
    }

    /// <summary>The total DOS (projwfc's pdos_tot, second column) integrated up to <paramref name="energy"/> (trapezoids).</summary>
    static double StatesBelow(string pdosTot, double energy)
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(pdosTot), System.IO.Compression.CompressionMode.Decompress));
        var points = reader.ReadToEnd().Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (E: double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), Dos: double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Where(p => p.E <= energy).ToList();
        return points.Zip(points.Skip(1), (a, b) => (b.E - a.E) * (a.Dos + b.Dos) / 2).Sum();
    }

    [Fact]
    public void KilledCampaignResumesWithoutRedoingFinishedStages()
    {
        CliProcess.RequireQuantumEspresso();
        var output = NewFolder();
        var groundState = Path.Combine(output, "MgO-p1", "gs", "stage.json");
        var sitePid = Path.Combine(output, ".work", "MgO-p1", "site_O2", "running.pid");
        using (var campaign = CliProcess.Start("simulate", Structure, "-o", output, "--preset", "smoke", "--np", "1"))
        {
            var clock = Stopwatch.StartNew();
            // Kill once the ground state is finished and the core-hole pw.x is running.
            while (!(File.Exists(groundState) && File.Exists(sitePid)))
            {
                if (campaign.HasExited)
                    Assert.Fail($"the campaign ended (exit {campaign.ExitCode}) before it could be killed: {campaign.StandardOutput.ReadToEnd()}{campaign.StandardError.ReadToEnd()}");
                Assert.True(clock.Elapsed < Limit, "the campaign did not reach the core-hole scf in time");
                Thread.Sleep(200);
            }
            campaign.Kill(); // SIGKILL to CoreHole alone: its pw.x is orphaned, as after a hard kill
            campaign.WaitForExit();
        }
        var finishedBytes = File.ReadAllBytes(groundState);
        var finishedTime = File.GetLastWriteTimeUtc(groundState);
        Assert.False(File.Exists(Path.Combine(output, "MgO-p1", "site_O2", "stage.json")));

        var (code, log) = CliProcess.Run(Limit, "simulate", "-o", output, "--np", "1");
        Assert.True(code == 0, log);
        Assert.Contains("1 jobs done now", log);
        Assert.DoesNotContain("start MgO-p1/gs", log);
        Assert.Equal(finishedBytes, File.ReadAllBytes(groundState));
        Assert.Equal(finishedTime, File.GetLastWriteTimeUtc(groundState));
        Assert.True(File.Exists(Path.Combine(output, "MgO-p1", "site_O2", "stage.json")));
        Assert.False(Directory.Exists(Path.Combine(output, ".work", "MgO-p1", "site_O2")));
        Assert.DoesNotContain(Process.GetProcessesByName("pw.x"), p => CommandLineOf(p.Id).Contains("scf.in") && WorkingFolderOf(p.Id).StartsWith(output));
    }

    [Fact]
    public async Task APwRunStoppedFromOutsideLeavesItsJobToDoAndTheNextRunFinishesIt()
    {
        CliProcess.RequireQuantumEspresso();
        var output = NewFolder();
        var groundState = Path.Combine(output, "MgO-p1", "gs", "stage.json");
        var sitePid = Path.Combine(output, ".work", "MgO-p1", "site_O2", "running.pid");
        string log;
        using (var campaign = CliProcess.Start("simulate", Structure, "-o", output, "--preset", "smoke", "--np", "1"))
        {
            var stdout = campaign.StandardOutput.ReadToEndAsync();
            var stderr = campaign.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(groundState) && File.Exists(sitePid) && File.ReadAllText(sitePid).EndsWith("pw.x")))
            {
                Assert.False(campaign.HasExited, "the campaign ended before its core-hole pw.x could be stopped");
                Assert.True(clock.Elapsed < Limit, "the campaign did not reach the core-hole scf in time");
                Thread.Sleep(100);
            }
            // SIGTERM to pw.x alone, as a user's kill or a stray pkill does: CoreHole itself goes on.
            using (var kill = Process.Start("kill", ["-TERM", File.ReadAllText(sitePid).Split(' ')[0]])) kill.WaitForExit();
            Assert.True(campaign.WaitForExit(Limit), "the campaign did not end after its pw.x was stopped");
            log = await stdout + await stderr;
            Assert.True(campaign.ExitCode == 0, log);
        }
        // The whole log on failure: Assert.Contains would show only its first line.
        Assert.True(log.Contains("stopped MgO-p1/site_O2: pw.x in"), log);
        Assert.True(log.Contains("was stopped by SIGTERM from outside CoreHole; it stays to do"), log);
        Assert.False(Directory.Exists(Path.Combine(output, "MgO-p1", "site_O2")));   // no failed.json, no partial files

        var (code, rerun) = CliProcess.Run(Limit, "simulate", "-o", output, "--np", "1");
        Assert.True(code == 0, rerun);
        Assert.Contains("1 jobs done now", rerun);
        Assert.True(File.Exists(Path.Combine(output, "MgO-p1", "site_O2", "stage.json")));
    }

    [Fact]
    public void TwoProcessesOnOneFolderShareItsJobsAndRunEachOnce()
    {
        CliProcess.RequireQuantumEspresso();
        var output = NewFolder();
        var (code, log) = CliProcess.Run(Limit, "simulate", Structure, "-o", output, "--preset", "smoke", "--plan");
        Assert.True(code == 0, log);
        using var first = CliProcess.Start("simulate", "-o", output, "--np", "1");
        using var second = CliProcess.Start("simulate", "-o", output, "--np", "1");
        var logs = new[] { first, second }.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        Assert.True(first.WaitForExit(Limit) && second.WaitForExit(Limit), "the two campaigns did not finish in time");
        var text = logs.Select(l => l.Out.Result + l.Err.Result).ToList();
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, string.Join("\n---\n", text));

        // The ground state and the one O site ran once each, whichever process took them, and both finished.
        foreach (var id in new[] { "MgO-p1/gs", "MgO-p1/site_O2" })
        {
            Assert.Equal(1, text.Sum(t => t.Split('\n').Count(line => line.Contains($"done  {id} "))));
            Assert.True(File.Exists(Path.Combine(output, id, "stage.json")), id);
        }
        Assert.DoesNotContain(text, t => t.Contains("FAILED"));
    }

    [Fact]
    public void CellsWiderThanTheGammaWidthRunTheirGroundStateAtGammaAlone()
    {
        CliProcess.RequireQuantumEspresso();
        var output = NewFolder();
        // Rock salt's primitive cell is 2.4 Å wide: a Γ width of 2 Å sends it down the amorphous cells' path. The nscf's
        // own threshold goes to its input alone.
        var (code, log) = CliProcess.Run(Limit, "simulate", Structure, "-o", output, "--preset", "smoke", "--set", "gamma_cell_width=2,nscf_convergence=1e-6", "--plan");
        Assert.True(code == 0, log);
        (code, log) = CliProcess.Run(Limit, "simulate", "-o", output, "--job", "MgO-p1/gs", "--np", "1");
        Assert.True(code == 0, log);

        var gs = Path.Combine(output, "MgO-p1", "gs");
        foreach (var input in new[] { "scf.in", "nscf.in" }) Assert.EndsWith("K_POINTS gamma\n", File.ReadAllText(Path.Combine(gs, input)));
        Assert.Contains("occupations = 'fixed'", File.ReadAllText(Path.Combine(gs, "nscf.in")));
        Assert.Contains("conv_thr = 1.0d-6,", File.ReadAllText(Path.Combine(gs, "nscf.in")));
        Assert.Contains("conv_thr = 1.0d-8,", File.ReadAllText(Path.Combine(gs, "scf.in")));
        Assert.Contains("degauss = 0.005197", File.ReadAllText(Path.Combine(gs, "projwfc.in")));
        var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(gs, "stage.json"))).RootElement.GetProperty("results");
        Assert.Equal(1, results.GetProperty("gamma_only").GetDouble());
        Assert.Equal(1, results.GetProperty("nscf_k_points").GetDouble());

        // The band edges are Γ's own eigenvalues (of the scf and nscf runs, both at Γ), and the PDOS is projwfc's
        // Gaussian sum reaching the preset's 8 eV above the CBM.
        var gamma = new[] { "scf.out.gz", "nscf.out.gz" }.Select(f => Assert.Single(PwOutputReader.Read(Path.Combine(gs, f)).Bands)).ToList();
        Assert.Equal(gamma.Max(k => k.Energies[3]), results.GetProperty("vbm_ev").GetDouble(), 10);
        Assert.Equal(gamma.Min(k => k.Energies[4]), results.GetProperty("cbm_ev").GetDouble(), 10);
        var pdos = SpectrumFiles.Read(Path.Combine(gs, "pdos", "atm2_O_p.pdos.gz")).Curves[0].Curve;
        Assert.True(pdos.LastEnergy >= results.GetProperty("cbm_ev").GetDouble() + 8);
        using var projwfc = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(gs, "projwfc.out.gz")), System.IO.Compression.CompressionMode.Decompress));
        Assert.Contains("Gaussian broadening (read from input)", projwfc.ReadToEnd());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]   // a shell script stands in for a broken projwfc.x
    public void AnOutdatedGroundStateIsRedoneBesideItselfAndReplacedOnlyWhenTheRedoFinishes()
    {
        CliProcess.RequireQuantumEspresso();
        var output = NewFolder();
        var (code, log) = CliProcess.Run(Limit, "simulate", Structure, "-o", output, "--preset", "smoke", "--np", "1");
        Assert.True(code == 0, log);
        var gs = Path.Combine(output, "MgO-p1", "gs");
        var record = Path.Combine(gs, "stage.json");
        var siteRecord = File.ReadAllBytes(Path.Combine(output, "MgO-p1", "site_O2", "stage.json"));
        // Made as the campaign's first ground states were: projwfc's tetrahedra on a 0.05 eV grid, no degauss.
        var projwfc = Path.Combine(gs, "projwfc.in");
        File.WriteAllText(projwfc, Regex.Replace(File.ReadAllText(projwfc), @"DeltaE = 0\.02,\n\s*degauss = [0-9.]+,", "DeltaE = 0.05,"));
        var old = File.ReadAllBytes(record);
        var campaign = Campaign.Open(output);
        var job = campaign.Jobs(campaign.Materials()).Single(j => !j.IsCoreHole);
        Assert.Equal(JobState.Outdated, campaign.State(job));

        // A redo that fails (a broken projwfc.x first on PATH) records why beside the stage, which stays as it was.
        var broken = Directory.CreateTempSubdirectory("corehole-broken-").FullName;
        var fake = Path.Combine(broken, "projwfc.x");
        File.WriteAllText(fake, "#!/bin/sh\necho 'Error in routine projwave (1): broken on purpose' >&2\nexit 3\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (code, log) = CliProcess.RunWith(broken, Limit, "simulate", "-o", output, "--job", "MgO-p1/gs", "--np", "1");
        Assert.True(code == 1, log);
        Assert.Contains("broken on purpose", log);
        Assert.Equal(old, File.ReadAllBytes(record));
        Assert.Contains("DeltaE = 0.05,", File.ReadAllText(projwfc));
        Assert.Equal(JobState.Failed, campaign.State(job));
        Assert.Contains("broken on purpose", campaign.Failure(job)!.Reason);

        // Retried with QE's projwfc.x, the redo finishes and takes the stage's place: no second folder is left, and
        // the site, whose spectrum does not depend on the ground state's DOS, is not run again.
        (code, log) = CliProcess.Run(Limit, "simulate", "-o", output, "--np", "1", "--retry-failed");
        Assert.True(code == 0, log);
        Assert.Contains("start MgO-p1/gs again (outdated)", log);
        Assert.Contains("1 jobs done now", log);
        Assert.Equal(siteRecord, File.ReadAllBytes(Path.Combine(output, "MgO-p1", "site_O2", "stage.json")));
        Assert.Equal(JobState.Done, campaign.State(job));
        Assert.Contains("degauss = 0.005197", File.ReadAllText(projwfc));
        Assert.NotEqual(old, File.ReadAllBytes(record));
        Assert.Equal(["gs", "site_O2"], Directory.GetDirectories(Path.Combine(output, "MgO-p1")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void StructuresNamedAreTheOnlyOnesRunWhileNoneMeansTheWholeFolder()
    {
        var output = NewFolder();
        var stishovite = Path.Combine(AppContext.BaseDirectory, "data", "structures", "stishovite-p1.cif");
        var (code, log) = CliProcess.Run(Limit, "simulate", Structure, stishovite, "-o", output, "--plan");
        Assert.True(code == 0, log);

        (code, log) = CliProcess.Run(Limit, "simulate", stishovite, "-o", output, "--dry-run");
        Assert.True(code == 0, log);
        Assert.Contains("stishovite-p1", log);
        Assert.DoesNotContain("MgO-p1", log);
        Assert.Contains("1 materials", log);

        (code, log) = CliProcess.Run(Limit, "simulate", "-o", output, "--dry-run");
        Assert.True(code == 0, log);
        Assert.Contains("2 materials in run order", log);
        // The table (plain text in a log) lists the materials in the order a run takes them, one row each.
        var campaign = Campaign.Open(output, new QuantumEspressoEngine().ValenceElectrons);
        var runOrder = campaign.Jobs(campaign.Materials(), new CostModel(campaign.FinishedJobs(), campaign.Preset)).Select(j => j.Material).Distinct().ToList();
        var rows = log[log.IndexOf("material ", StringComparison.Ordinal)..].Split('\n');
        Assert.Equal(runOrder, runOrder.OrderBy(name => Array.FindIndex(rows, r => r.StartsWith(name + " ", StringComparison.Ordinal))));
        Assert.DoesNotContain('│', log);
    }

    static string CommandLineOf(int pid) { try { return File.ReadAllText($"/proc/{pid}/cmdline"); } catch (IOException) { return ""; } }

    static string WorkingFolderOf(int pid) { try { return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(false)?.FullName ?? ""; } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } }
}
