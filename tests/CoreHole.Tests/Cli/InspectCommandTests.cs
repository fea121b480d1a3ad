using System.CommandLine;
using CoreHole.Cli.Commands;
using CoreHole.Formats;
using CoreHole.Tests.Formats;
using CoreHole.Tests.Structures;
using Spectre.Console;

namespace CoreHole.Tests.Cli;

/// <summary>`corehole inspect` on the real QE outputs: the numbers must be the ones the outputs print.</summary>
public class InspectCommandTests
{
    static string Row(string relative, string name) =>
        InspectCommand.Describe(SpectrumFiles.Read(TestData.Path(relative))).Single(r => r.Name == name).Value;

    [Fact]
    public void GroundStateGapAndCbm()
    {
        Assert.Equal("4.7736 eV (VBM 5.5651 eV, CBM 10.3387 eV, mid-gap 7.9519 eV; bands at 84 k-points)", Row("qe-seed/MgO/gs/nscf.out", "band gap"));
        Assert.Equal("10.3387 eV  (PDOS threshold: CBM (bands at 84 k-points))", Row("qe-seed/MgO/gs/nscf.out", "threshold"));
        Assert.Equal("6.0676 eV (VBM 2.4569 eV, CBM 8.5245 eV, mid-gap 5.4907 eV; bands at 50 k-points)", Row("qe-pilot/gs_primitive/nscf.out", "band gap"));
        Assert.Equal("6.4068 eV", Row("qe-seed/MgO/gs/nscf.out", "Fermi level"));
    }

    [Fact]
    public void CoreHoleHomoLumoAndSpectrumThreshold()
    {
        Assert.Equal("5.7893 eV / 10.1452 eV", Row("qe-seed/MgO/site_O1/scf.out", "HOMO / LUMO"));
        Assert.Equal("4.3559 eV  (core-hole run: LUMO - HOMO, above the XSpectra zero)", Row("qe-seed/MgO/site_O1/scf.out", "threshold"));
        Assert.Equal("4.3559 eV  (core-hole LUMO above the spectrum's zero (elumo - ef))", Row("qe-seed/MgO/site_O1/xspectra_x.out", "threshold"));
        Assert.Equal("2.6824 eV / -", Row("qe-pilot/corehole_2x2x2_2pj/xspectra_k111_x.out", "HOMO / LUMO"));
    }

    [Fact]
    public void SpectrumGridAndFallbackOnset()
    {
        Assert.Equal("800 points, -10 eV to 30 eV, step 0.05006 eV", Row("qe-pilot/corehole_2x2x2_2pj/xanes_k111_avg.dat", "grid"));
        // No output beside it prints a LUMO (the pilot's core-hole scf had no empty bands): the estimate, said in words.
        var threshold = Row("qe-pilot/corehole_2x2x2_2pj/xanes_k111_avg.dat", "threshold");
        Assert.StartsWith("5.0608 eV  (onset fallback", threshold);
        Assert.Contains("the run's xspectra.x or core-hole pw.x output, kept beside the file, gives the printed one", threshold);
        Assert.DoesNotContain("FALLBACK", threshold);
        Assert.Equal("4: avg, x, y, z", Row("qe-pilot/corehole_2x2x2_2pj/xanes_k111_avg.dat", "curves"));
    }

    [Fact]
    public void PrintsATablePerFileAndReportsUnreadableOnes()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var root = new RootCommand { InspectCommand.Create(console) };
        var unknown = TestData.Write("notes.md", "not a spectrum\n");
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            var code = root.Parse(["inspect", TestData.Path("qe-seed/MgO/site_O1/scf.out"), unknown, TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos")]).Invoke();
            Assert.Equal(2, code);
        }
        finally { Console.SetError(saved); }
        var text = writer.ToString();
        Assert.Contains("5.7893 eV / 10.1452 eV", text);
        Assert.Contains("atom 2 (O), p", text);
        Assert.Contains($"corehole: {unknown}: unknown format", error.ToString());
    }

    [Fact]
    public void InspectShowsWhatSimulateWouldPlanForAStructure()
    {
        var path = OxygenShellTests.DatasetStructure("alpha-quartz.cif");
        var rows = InspectCommand.DescribeStructure("cif", CifReader.Read(path)).ToDictionary(r => r.Name, r => r.Value);
        Assert.Equal("P3_221 (154), spglib tolerance 0.001 Å", rows["space group"]);
        Assert.Equal("1: O1 (c, x6)", rows["O sites"]);
        // The default (wide) preset: the 3x3x1 cell of data/convergence/alpha-quartz/w10, not the 72-atom 8 Å one.
        Assert.StartsWith("81 atoms, narrowest width 10.03 Å (wide preset", rows["core-hole supercell"]);
        Assert.StartsWith("3 with 4 O; bonds 1.604-1.613 Å", rows["Si shell"]);
        Assert.Equal("2.649 g/cm³", rows["density"]);
    }
}
