using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

public class SpectrumFilesTests
{
    [Theory]
    [InlineData("qe-pilot/gs_primitive/scf.out", "pw-output")]
    [InlineData("qe-seed/MgO/gs/projwfc.out", "projwfc-output")]
    [InlineData("qe-seed/MgO/site_O1/xspectra_x.out", "xspectra-output")]
    [InlineData("qe-pilot/gs_primitive/pdos/atm4_O_p.pdos", "qe-pdos")]
    [InlineData("qe-made-here/mgo_spin.pdos.pdos_atm#2(O)_wfc#2(p)", "qe-pdos")]
    [InlineData("qe-pilot/gs_primitive/pdos/pdos_tot.dat", "qe-pdos-tot")]
    [InlineData("qe-made-here/mgo_spin.pdos.pdos_tot", "qe-pdos-tot")]
    [InlineData("qe-seed/MgO/site_O1/xanes_x.dat", "xanes-dat")]
    [InlineData("qe-seed/MgO/site_O1/xanes_avg.dat", "xanes-average")]
    [InlineData("fixtures/xmu.dat", "feff-xmu")]
    [InlineData("fixtures/DOSCAR.ispin1_lorbit11", "vasp-doscar")]
    [InlineData("fixtures/vasprun.xml", "vasprun")]
    [InlineData("fixtures/test_core_edge.dat", "optados-core-edge")]
    [InlineData("fixtures/test.pdos.dat", "optados-pdos")]
    [InlineData("fixtures/two_columns.dat", "columns")]
    public void DetectsEveryFormat(string relative, string format)
    {
        Assert.Equal(format, SpectrumFiles.Detect(TestData.Path(relative)).Name);
        Assert.Equal(format, SpectrumFiles.Read(TestData.Path(relative)).Format);
    }

    [Fact]
    public void ContentOutweighsAGenericName()
    {
        var renamed = TestData.Write("pdos.txt", File.ReadAllText(TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos")));
        Assert.Equal("qe-pdos", SpectrumFiles.Detect(renamed).Name);
    }

    [Fact]
    public void DamagedFileGoesToTheReaderItsNameSays()
    {
        var path = TestData.WithReplaced("qe-seed/MgO/site_O1/xanes_x.dat", "0.00018662", "oops");
        TestData.AssertInputError(() => SpectrumFiles.Read(path), path, 6, "'oops' is not a number");
    }

    [Fact]
    public void UnknownEmptyAndMissingFiles()
    {
        var unknown = TestData.Write("notes.md", "hello\nworld\n");
        TestData.AssertInputError(() => SpectrumFiles.Read(unknown), unknown, null, "unknown format");
        var empty = TestData.Write("xanes.dat", "\n\n");
        TestData.AssertInputError(() => SpectrumFiles.Read(empty), empty, null, "empty file");
        var missing = Path.Combine(Path.GetTempPath(), "corehole-missing", "xanes.dat");
        TestData.AssertInputError(() => SpectrumFiles.Read(missing), missing, null, "no such file");
        Assert.Contains("unknown format 'feff10'", Assert.Throws<InputError>(() => SpectrumFiles.Read(unknown, "feff10")).Message);
    }

    [Fact]
    public void ExplicitFormatOverridesDetection()
    {
        var path = TestData.Path("fixtures/xmu.dat");
        Assert.Equal("columns", SpectrumFiles.Read(TestData.Write("plain.dat", "0 1\n1 2\n2 1\n"), "columns").Format);
        Assert.Throws<InputError>(() => SpectrumFiles.Read(path, "vasp-doscar"));
    }

    [Fact]
    public void SpectrumWithoutAStatedThresholdGetsTheNamedOnsetFallback()
    {
        // Gaussian of sigma 0.3 at 5 eV broadened by 0.5: 10% of its maximum at 5 - sqrt(0.34) sqrt(2 ln 10).
        var file = SpectrumFiles.Read(TestData.Path("fixtures/two_columns.dat"));
        Assert.Equal(5 - Math.Sqrt(0.34 * 2 * Math.Log(10)), file.Threshold!.EnergyEv, 3);
        Assert.True(file.Threshold.IsFallback);
        Assert.Null(SpectrumFiles.Read(TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos")).Threshold);   // a PDOS needs the CBM
    }

    [Fact]
    public void PwSummariesCarryTheRightThreshold()
    {
        var coreHole = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/site_O1/scf.out"));
        Assert.Equal(4.3559, coreHole.Threshold!.EnergyEv, 9);
        Assert.Contains("core-hole run", coreHole.Threshold.Source);
        var ground = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/gs/nscf.out"));
        Assert.Equal((10.3387, 4.7736), (ground.Threshold!.EnergyEv, Math.Round(ground.Edges!.Gap, 4)));
        Assert.Equal(6.4068, ground.Fermi);
    }
}
