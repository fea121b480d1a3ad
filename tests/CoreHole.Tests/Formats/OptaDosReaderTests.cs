using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>On synthetic OptaDOS files written in the layout of OptaDOS's core.f90 / pdos.F90 (make_fixtures.py).</summary>
public class OptaDosReaderTests
{
    const string CoreEdge = "fixtures/test_core_edge.dat";

    [Fact]
    public void CoreEdgeBlocksPerEdge()
    {
        var file = OptaDosReader.ReadCoreEdge(TestData.Path(CoreEdge));
        Assert.Equal(["O 1 K1", "O 1 K1 (broadened)", "O 2 K1", "O 2 K1 (broadened)"], file.Curves.Select(c => c.Name));
        Assert.Equal("2 edges", file.Sites);
        Assert.Contains(new Fact("header", "Gaussian broadening: FWHM 1.0000000000000000"), file.Facts);
        var edge2 = file.CurveNamed("O 2 K1");
        Assert.Equal((201, -5.0, 15.0), (edge2.Count, edge2.FirstEnergy, edge2.LastEnergy));
        Assert.Equal(3.4, edge2.Maximum.Energy, 9);
    }

    [Fact]
    public void PdosColumnsAreNamedByTheirProjectors()
    {
        var pdos = OptaDosReader.ReadPdos(TestData.Path("fixtures/test.pdos.dat"));
        Assert.Equal(["O 1 p", "Mg 1 s"], pdos.Curves.Select(c => c.Name));
        var spin = OptaDosReader.ReadPdos(TestData.Path("fixtures/test_spin.pdos.dat"));
        Assert.Equal(["O 1 p up", "Mg 1 s up", "O 1 p down", "Mg 1 s down"], spin.Curves.Select(c => c.Name));
        // Down columns are written negated; read back they equal the up ones (the fixture splits spins evenly).
        Assert.Equal(spin.CurveNamed("O 1 p up").Intensities.ToArray(), spin.CurveNamed("O 1 p down").Intensities.ToArray());
        Assert.True(spin.CurveNamed("O 1 p down").Maximum.Intensity > 0);
    }

    [Fact]
    public void CoreEdgeRowWithFourColumnsNamesItsLine()
    {
        var path = TestData.WithReplaced(CoreEdge, "5.2047265951751795E-26", "5.2047265951751795E-26 9");
        TestData.AssertInputError(() => OptaDosReader.ReadCoreEdge(path), path, 11, "4 columns, but the first row (line 9) has 3");
    }

    [Fact]
    public void PdosRowsMustMatchTheDescribedColumns()
    {
        var path = TestData.WithReplaced("fixtures/test.pdos.dat", "#|    Column:    2 contains:", "#|    Column:    3 contains:");
        TestData.AssertInputError(() => OptaDosReader.ReadPdos(path), path, 14, "expected the description of column 2");
    }

    [Fact]
    public void WrongFilesAreNotOptaDos()
    {
        var xanes = TestData.Path("qe-seed/MgO/site_O1/xanes_x.dat");
        TestData.AssertInputError(() => OptaDosReader.ReadCoreEdge(xanes), xanes, 1, "not an OptaDOS core-edge file");
        TestData.AssertInputError(() => OptaDosReader.ReadPdos(xanes), xanes, 1, "not an OptaDOS PDOS file");
    }
}
