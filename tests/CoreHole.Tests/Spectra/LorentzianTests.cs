using CoreHole.Spectra;

namespace CoreHole.Tests.Spectra;

public class LorentzianTests
{
    static double Lorentzian(double x, double gamma) => gamma / (Math.PI * (x * x + gamma * gamma));

    [Fact]
    public void HalfWidthsAddAsXSpectrasXgammaDoes()
    {
        // A line plotted with xgamma = 0.1 eV, broadened by 0.4 eV, is the line plotted with xgamma = 0.5 eV.
        var energies = Enumerable.Range(0, 20001).Select(i => -50 + 0.005 * i).ToArray();
        var narrow = new Curve(energies, energies.Select(e => Lorentzian(e, 0.1)).ToArray());
        var broadened = narrow.BroadenLorentzian(0.4);
        foreach (var e in new[] { 0.0, 0.25, 0.5, 1.0, 3.0 })
            Assert.Equal(Lorentzian(e, 0.5), broadened.ValueAt(e), 0.002 * Lorentzian(0, 0.5));
    }

    [Fact]
    public void NonPositiveHalfWidthIsAnInputError()
    {
        var curve = new Curve([0.0, 1.0], [1.0, 1.0]);
        Assert.Throws<InputError>(() => curve.BroadenLorentzian(0));
    }
}
