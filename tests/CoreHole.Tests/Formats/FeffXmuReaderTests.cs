using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>On the synthetic fixture data/fixtures/xmu.dat (FEFF 9 layout; numbers from make_fixtures.py).</summary>
public class FeffXmuReaderTests
{
    const string Xmu = "fixtures/xmu.dat";

    [Fact]
    public void CurvesAgainstTheEdgeEnergy()
    {
        var xmu = FeffXmuReader.Read(TestData.Path(Xmu));
        Assert.Equal(["mu", "mu0", "chi"], xmu.Curves.Select(c => c.Name));
        var mu0 = xmu.CurveNamed("mu0");
        Assert.Equal((81, -10.0, 30.0), (mu0.Count, mu0.FirstEnergy, mu0.LastEnergy));
        Assert.Equal(0.5, mu0.ValueAt(0), 5);   // the arctan step is half way at the edge
        Assert.Equal((0.0, false), (xmu.Threshold!.EnergyEv, xmu.Threshold.IsFallback));
        Assert.Contains(new Fact("edge photon energy", "544.964 eV (omega - e)"), xmu.Facts);
        Assert.Contains(new Fact("Mu (FEFF Fermi level)", "-11.43 eV"), xmu.Facts);
    }

    [Fact]
    public void MissingColumnLineIsNotXmu()
    {
        var path = TestData.WithReplaced(Xmu, "#  omega    e    k    mu    mu0     chi", "#  energies");
        TestData.AssertInputError(() => FeffXmuReader.Read(path), path, 1, "no '# omega e k mu mu0 chi' header");
    }

    [Fact]
    public void ShortRowNamesItsLine()
    {
        var path = TestData.WithReplaced(Xmu, "   534.964  -10.000  -1.620 3.17255E-02 3.17255E-02 0.00000E+00", "   534.964  -10.000  -1.620 3.17255E-02 3.17255E-02");
        TestData.AssertInputError(() => FeffXmuReader.Read(path), path, 6, "expected 6 columns, found 5");
    }

    [Fact]
    public void NaNNamesItsLine()
    {
        var path = TestData.WithReplaced(Xmu, "3.33834E-02 3.33834E-02", "NaN 3.33834E-02");
        TestData.AssertInputError(() => FeffXmuReader.Read(path), path, 7, "'NaN' is not finite");
    }
}
