using System.Diagnostics;
using CoreHole.Formats;
using CoreHole.Amorphous;
using CoreHole.Structures;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.Lammps;

/// <summary>
/// Real LAMMPS runs, tiny so that they take seconds: 24 atoms through a 1300-step melt-quench. They exercise the
/// driver (script, run, progress, errors, data file back, checks, outputs, resume), not the glass's quality.
/// </summary>
public class LammpsRunTests
{
    static readonly MeltQuenchProtocol Tiny = new(FormulaUnits: 8, MeltPicoseconds: 1.0, QuenchRate: 2.35e16, AnnealPicoseconds: 0.1);

    /// <summary>Criteria every structure meets, and criteria none does: the two ways a cell can end, chosen by the test.</summary>
    static readonly GlassCriteria AcceptAll = new(0, 0, 0, 100, 0, 100, 0, 0, 0);
    static readonly GlassCriteria RefuseAll = new() { MinFourFoldSi = 1.01 };

    static string NewFolder() => Directory.CreateTempSubdirectory("corehole-amorphous-").FullName;

    static void RequireLammps()
    {
        try { LammpsRunner.Executable(); }
        catch (InputError) { Assert.Fail("lmp is not installed: run the tests with scripts/test.sh, which installs lammps"); }
    }

    [Fact]
    public void SoundCellIsWrittenAsACifThatSimulateReads()
    {
        RequireLammps();
        var folder = new AmorphousSilicaFolder(NewFolder(), Tiny, SilicaPotential.Vashishta1994, AcceptAll);
        var steps = new List<long>();
        var cell = folder.Make(1, new Collect(steps));

        Assert.True(cell.Sound);
        Assert.Equal("a-SiO2-24-s1", cell.Name);
        Assert.StartsWith("LAMMPS (", cell.Lammps.Version);
        Assert.True(double.IsFinite(cell.Lammps.PressureGpa) && cell.Lammps.EnergyEvPerAtom < 0, $"{cell.Lammps}");
        Assert.Equal([0L, 1000L], steps.Distinct());   // each run reports its first step too: 1000 ends the melt and starts the quench
        Assert.Equal(2.20, cell.Structure.Density, 6);

        var cif = Path.Combine(folder.Folder, "a-SiO2-24-s1.cif");
        var glass = StructureFiles.Read(cif);
        Assert.Equal(24, glass.Atoms.Count);
        Assert.Equal(16, glass.IndicesOf("O").Count());
        foreach (var extension in new[] { ".json", ".rdf.csv", ".rdf.png" })
            Assert.True(File.Exists(Path.Combine(folder.Folder, "a-SiO2-24-s1" + extension)), extension);
        var record = AmorphousCell.Read(Path.Combine(folder.Folder, "a-SiO2-24-s1.json"));
        Assert.Equal(cell.Structure.SiOPeak, record.Structure.SiOPeak);
        Assert.Equal(cell.Structure.SiCoordination, record.Structure.SiCoordination);
        Assert.Equal(1, folder.WriteManifest());
        Assert.Contains("\na-SiO2-24-s1.cif\n", File.ReadAllText(Path.Combine(folder.Folder, AmorphousSilicaFolder.ManifestFile)));
        Assert.NotNull(folder.Finished(1));
    }

    [Fact]
    public void RefusedCellKeepsItsChecksInTheWorkFolderAndIsCheckedAgainWithoutRerunningLammps()
    {
        RequireLammps();
        var output = NewFolder();
        var folder = new AmorphousSilicaFolder(output, Tiny, SilicaPotential.Vashishta1994, RefuseAll);
        var cell = folder.Make(2);
        Assert.False(cell.Sound);
        Assert.Contains(cell.Problems, p => p.Contains("of Si 4-fold (at least 101 % needed)"));
        Assert.False(File.Exists(Path.Combine(output, "a-SiO2-24-s2.cif")));
        var work = Path.Combine(output, ".work", "a-SiO2-24-s2");
        Assert.True(File.Exists(Path.Combine(work, "a-SiO2-24-s2.json")));
        Assert.Null(folder.Finished(2));

        // Once LAMMPS has finished, the same script is not run again: a second pass only checks the glass.
        var screen = Path.Combine(work, "lammps.out");
        var ran = File.GetLastWriteTimeUtc(screen);
        var again = new AmorphousSilicaFolder(output, Tiny, SilicaPotential.Vashishta1994, AcceptAll).Make(2);
        Assert.True(again.Sound);
        Assert.Equal(ran, File.GetLastWriteTimeUtc(screen));
        Assert.Equal(cell.Lammps, again.Lammps);
    }

    [Fact]
    public void LammpsErrorIsAOneLineInputErrorNamingTheScript()
    {
        RequireLammps();
        var folder = NewFolder();
        File.WriteAllText(Path.Combine(folder, "in.bad"), "units metal\nno_such_command 1\n");
        var error = Assert.Throws<InputError>(() => LammpsRunner.Run(new LammpsRun(folder, "in.bad")));
        Assert.Equal(Path.Combine(folder, "in.bad"), error.File);
        Assert.Contains("LAMMPS stopped: ERROR: Unknown command", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingLammpsIsAOneLineErrorNamingThePackage()
    {
        // The CLI with a PATH that holds no lmp; dotnet itself is started by its full path.
        var dotnet = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "dotnet")).First(File.Exists);
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "CoreHole.Cli.dll"), "amorphous", "-o", NewFolder() }) info.ArgumentList.Add(a);
        info.Environment["PATH"] = "/nonexistent";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("corehole: lmp not found: apt-get install lammps", stderr.Trim());
    }

    [Fact]
    public void CliMakesACellPrintsItsChecksAndKeepsItOnTheNextRun()
    {
        RequireLammps();
        var output = NewFolder();
        string[] arguments = ["amorphous", "-o", output, "--cells", "1", "--formula-units", "8", "--melt-ps", "1", "--quench-rate", "2.35e16"];
        var (code, log) = CliProcess.Run(TimeSpan.FromMinutes(3), arguments);
        // Whether so fast a quench leaves a sound glass is not the point; each outcome must be reported as such.
        if (code == 0) Assert.Contains("a-SiO2-24-s1: density 2.200 g/cm3, Si-O peak", log);
        else Assert.Contains("corehole: a-SiO2-24-s1 is not a sound glass: ", log);
        Assert.Contains($"{output}: {(code == 0 ? 1 : 0)} sound cells of these seeds", log);

        var (codeAgain, logAgain) = CliProcess.Run(TimeSpan.FromMinutes(3), arguments);
        Assert.Equal(code, codeAgain);
        if (code == 0) Assert.Contains("a-SiO2-24-s1 (made before): density 2.200 g/cm3", logAgain);
    }

    sealed class Collect(List<long> steps) : IProgress<long>
    {
        public void Report(long value) => steps.Add(value);
    }
}
