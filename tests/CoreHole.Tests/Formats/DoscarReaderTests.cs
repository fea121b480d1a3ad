using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>
/// On synthetic DOSCARs (VASP wiki layout, data/fixtures/make_fixtures.py): a model insulator with valence states
/// up to 0 eV, conduction states from 4 eV and the Fermi level at 1 eV, on a -8..10 eV grid of 0.1 eV.
/// </summary>
public class DoscarReaderTests
{
    const string Lm = "fixtures/DOSCAR.ispin1_lorbit11";
    const string SpinL = "fixtures/DOSCAR.ispin2_lorbit10";

    [Fact]
    public void LmDecomposedNonSpin()
    {
        var dos = DoscarReader.Read(TestData.Path(Lm));
        Assert.Equal(1 + 2 * 9, dos.Curves.Count);
        Assert.Equal("total", dos.Curves[0].Name);
        Assert.Equal(["ion 2 s", "ion 2 py", "ion 2 pz", "ion 2 px"], dos.Curves.Skip(10).Take(4).Select(c => c.Name));
        Assert.Equal(181, dos.CurveNamed("ion 2 px").Count);
        Assert.Equal(1.0, dos.Fermi);
        Assert.Equal("2 ions, projected DOS per ion", dos.Sites);
        // Fallback edges from the total DOS: last non-empty point below the Fermi level, first above it.
        Assert.Equal((0.0, 4.0), (dos.Edges!.Vbm, dos.Edges.Cbm));
        Assert.Equal((4.0, true), (dos.Threshold!.EnergyEv, dos.Threshold.IsFallback));
        // ion 2's px column is the valence band / 4 (make_fixtures.py): 2 N(-2, 0.8) + N(-4.5, 0.6) at -2 eV.
        Assert.Equal(0.25 * (2 * 0.4986779 + 0.0001130), dos.CurveNamed("ion 2 px").ValueAt(-2.0), 4);
    }

    [Fact]
    public void SpinPolarisedLDecomposed()
    {
        var dos = DoscarReader.Read(TestData.Path(SpinL));
        Assert.Equal(["total up", "total down", "ion 1 s up", "ion 1 s down", "ion 1 p up"], dos.Curves.Take(5).Select(c => c.Name));
        Assert.Equal(2 + 2 * 6, dos.Curves.Count);
        Assert.Equal((0.0, 4.0), (dos.Edges!.Vbm, dos.Edges.Cbm));
    }

    [Fact]
    public void TotalOnly()
    {
        var dos = DoscarReader.Read(TestData.Path("fixtures/DOSCAR.total_only"));
        Assert.Equal("total", dos.Curves.Single().Name);
        Assert.Equal("2 ions, total DOS only", dos.Sites);
    }

    [Fact]
    public void TruncatedIonBlockIsReported()
    {
        var path = TestData.Truncated(Lm, 6 + 181 + 1 + 181 + 1 + 100);   // ion 2 has 100 of 181 rows
        TestData.AssertInputError(() => DoscarReader.Read(path), path, 470, "ion 2: 100 of 181 rows: truncated");
    }

    [Fact]
    public void RowWithAMissingColumnNamesItsLine()
    {
        var path = TestData.WithReplaced(Lm, "      -7.900 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00\n",
            "      -7.900 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00 0.0000E+00\n");
        TestData.AssertInputError(() => DoscarReader.Read(path), path, 190, "9 columns, but the first row (line 189) has 10");
    }

    [Fact]
    public void BadHeaderLinesAreReported()
    {
        var nedos = TestData.WithReplaced(Lm, "    181       1.00000000", "  181.5       1.00000000");
        TestData.AssertInputError(() => DoscarReader.Read(nedos), nedos, 6, "NEDOS must be an integer");
        var first = TestData.WithReplaced(Lm, "   2   2   1   0", "   2   2   1");
        TestData.AssertInputError(() => DoscarReader.Read(first), first, 1, "expected 4 numbers, found 3");
        var shortFile = TestData.Truncated(Lm, 4);
        TestData.AssertInputError(() => DoscarReader.Read(shortFile), shortFile, 4, "truncated");
    }
}
