using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>On the synthetic data/fixtures/vasprun.xml (VASP's element layout; numbers from make_fixtures.py).</summary>
public class VasprunReaderTests
{
    const string Vasprun = "fixtures/vasprun.xml";

    [Fact]
    public void TotalAndPartialDosWithFieldNames()
    {
        var run = VasprunReader.Read(TestData.Path(Vasprun));
        Assert.Equal(1 + 2 * 9, run.Curves.Count);
        Assert.Equal(["total", "ion 1 (Mg) s", "ion 1 (Mg) py"], run.Curves.Take(3).Select(c => c.Name));
        Assert.Equal(73, run.CurveNamed("ion 2 (O) px").Count);
        Assert.Equal(1.0, run.Fermi);
        Assert.Equal("2 ions", run.Sites);
    }

    [Fact]
    public void BandEdgesFromOccupations()
    {
        var edges = VasprunReader.Read(TestData.Path(Vasprun)).Edges!;
        Assert.Equal((-0.2, 4.1), (edges.Vbm, edges.Cbm));   // highest occupied / lowest empty over both k-points
        Assert.Equal("eigenvalue occupations at 2 k-point sets", edges.Source);
    }

    [Fact]
    public void CutXmlNamesItsLine()
    {
        var path = TestData.Truncated(Vasprun, 60);
        var e = TestData.AssertInputError(() => VasprunReader.Read(path), path, null, "malformed XML");
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void RowWithTooFewNumbersNamesItsLine()
    {
        var path = TestData.WithReplaced(Vasprun, "<r>    -8.0000     0.0000     0.0000 </r>", "<r>    -8.0000     0.0000 </r>");
        TestData.AssertInputError(() => VasprunReader.Read(path), path, 62, "expected 3 numbers in <r>, found 2");
    }

    [Fact]
    public void NaNInADosRowNamesItsLine()
    {
        var path = TestData.WithReplaced(Vasprun, "<r>    -7.7500     0.0000", "<r>    -7.7500        NaN");
        TestData.AssertInputError(() => VasprunReader.Read(path), path, 63, "'NaN' is not a finite number");
    }

    [Fact]
    public void MissingDosIsReported()
    {
        var text = File.ReadAllText(TestData.Path(Vasprun));
        var path = TestData.Write("vasprun.xml", text[..text.IndexOf("  <dos>", StringComparison.Ordinal)] + " </calculation>\n</modeling>\n");
        TestData.AssertInputError(() => VasprunReader.Read(path), path, null, "no <dos> block");
    }
}
