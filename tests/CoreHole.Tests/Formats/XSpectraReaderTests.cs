using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

public class XSpectraReaderTests
{
    const string MgOx = "qe-seed/MgO/site_O1/xanes_x.dat";
    const string MgOOut = "qe-seed/MgO/site_O1/xspectra_x.out";

    [Fact]
    public void XanesDatHasItsFourHeaderLines()
    {
        var xanes = XSpectraDatReader.Read(TestData.Path(MgOx));
        Assert.Equal("xanes-dat", xanes.Format);
        var sigma = xanes.CurveNamed("sigma");
        Assert.Equal((800, -10.0, 30.0), (sigma.Count, sigma.FirstEnergy, sigma.LastEnergy));
        Assert.Equal(0.00018580, sigma.Intensities[0]);
        Assert.Contains(new Fact("Broadening parameter (in eV)", "0.500"), xanes.Facts);
        Assert.Contains(new Fact("Absorbing atom type (xiabs)", "1"), xanes.Facts);
    }

    [Fact]
    public void AverageIsTheMeanOfItsPolarisations()
    {
        var avg = XSpectraDatReader.Read(TestData.Path("qe-pilot/corehole_2x2x2_2pj/xanes_k111_avg.dat"));
        Assert.Equal("xanes-average", avg.Format);
        Assert.Equal(["avg", "x", "y", "z"], avg.Curves.Select(c => c.Name));
        for (var i = 0; i < 800; i += 97)
        {
            var mean = (avg.CurveNamed("x").Intensities[i] + avg.CurveNamed("y").Intensities[i] + avg.CurveNamed("z").Intensities[i]) / 3;
            Assert.Equal(mean, avg.CurveNamed("avg").Intensities[i], 1e-8);   // avg is printed to 1e-8
        }
    }

    [Fact]
    public void StdoutOfACoreHoleRunWithEmptyBands()
    {
        var run = XSpectraOutputReader.Read(TestData.Path(MgOOut));
        Assert.Equal(("6.7MaX", 5.7893, 10.1452, 5.7893, 5.7893), (run.QeVersion, run.Homo, run.Lumo, run.FermiLevel, run.EnergyZero));
        Assert.Equal(4.3559, run.LumoAboveZero!.Value, 9);
        Assert.Equal(("cartesian", 1.0, 0.0), (run.PolarisationCoordinates, run.Polarisation!.Value.X, run.Polarisation.Value.Y));
        Assert.Equal(0.5, run.XGammaEv);
        Assert.Equal(new LanczosRun(1, true, 250, 0.00096289), run.Lanczos.Single());
        Assert.True(run.JobDone);
        Assert.Equal(7.96, run.WallSeconds);
        Assert.Equal(4.3559, run.Summary().Threshold!.EnergyEv, 9);
    }

    [Fact]
    public void PilotStdoutHasNoLumoAndCrystalCoordinates()
    {
        var run = XSpectraOutputReader.Read(TestData.Path("qe-pilot/corehole_2x2x2_2pj/xspectra_k111_x.out"));
        Assert.Equal((2.6824, null, "crystallographic"), (run.Homo, run.Lumo, run.PolarisationCoordinates));
        Assert.Null(run.Summary().Threshold);
        Assert.Equal(650, run.Lanczos.Single().Iterations);
    }

    [Fact]
    public void UnconvergedLanczosKeepsItsLastError()
    {
        var run = XSpectraOutputReader.Read(TestData.Path("qe-pilot/corehole_2x2x2_gamma_tricks_NEGATIVE/xspectra_k111_x.out"));
        Assert.Equal(new LanczosRun(1, false, 1000, 0.00396024), run.Lanczos.Single());
        var kgrid = XSpectraOutputReader.Read(TestData.Path("qe-pilot/corehole_2x2x2_1pj/xspectra_k222_x.out"));
        Assert.Equal(8, kgrid.Lanczos.Count);
        Assert.All(kgrid.Lanczos, l => Assert.True(l.Converged));
    }

    [Fact]
    public void CorruptLevelNamesItsLine()
    {
        var path = TestData.WithReplaced(MgOOut, "ehomo [eV]:    5.7893", "ehomo [eV]:    5.78x3");
        TestData.AssertInputError(() => XSpectraOutputReader.Read(path), path, 92, "'5.78x3' is not a number");
    }

    [Fact]
    public void OtherProgramIsNotXSpectra()
    {
        var path = TestData.Path("qe-seed/MgO/site_O1/scf.out");
        TestData.AssertInputError(() => XSpectraOutputReader.Read(path), path, 1, "not xspectra.x output");
    }

    [Fact]
    public void DataRowWithExtraColumnNamesItsLine()
    {
        var path = TestData.WithReplaced(MgOx, "   -9.94993742    0.00018662", "   -9.94993742    0.00018662  7");
        TestData.AssertInputError(() => XSpectraDatReader.Read(path), path, 6, "3 columns, but the first row (line 5) has 2");
    }

    [Fact]
    public void InfiniteIntensityNamesItsLine()
    {
        var path = TestData.WithReplaced(MgOx, "0.00018662", "Infinity");
        TestData.AssertInputError(() => XSpectraDatReader.Read(path), path, 6, "not finite");
    }

    [Fact]
    public void HeaderlessFileIsRejected()
    {
        var path = TestData.Write("xanes.dat", "0 1\n1 2\n");
        TestData.AssertInputError(() => XSpectraDatReader.Read(path), path, 1, "no '#' header");
    }

    [Fact]
    public void HeaderAndColumnsMustAgree()
    {
        var path = TestData.WithReplaced("qe-seed/MgO/site_O1/xanes_avg.dat", "sigma_z", "");
        TestData.AssertInputError(() => XSpectraDatReader.Read(path), path, 2, "names 3 intensity columns but rows have 4");
    }
}
