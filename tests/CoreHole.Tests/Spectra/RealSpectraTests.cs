using CoreHole.Formats;
using CoreHole.Spectra;
using CoreHole.Tests.Formats;

namespace CoreHole.Tests.Spectra;

/// <summary>The spectra core on real XSpectra output, against numbers stated in the QE READMEs and outputs.</summary>
public class RealSpectraTests
{
    [Fact]
    public void PilotMainPeakIsWhereTheReadmeSays()
    {
        // qe-pilot README: "main peak at 7.67 eV above the HOMO" (isotropic average).
        var avg = SpectrumFiles.Read(TestData.Path("qe-pilot/corehole_2x2x2_2pj/xanes_k111_avg.dat")).CurveNamed("avg");
        var main = avg.FindPeaks(minProminence: 0.1 * avg.Maximum.Intensity).MaxBy(p => p.Height)!;
        Assert.Equal(7.67, main.Energy, 0.03);
    }

    [Fact]
    public void OnsetFallbackIsNearThePrintedLumo()
    {
        // MgO: LUMO - HOMO = 10.1452 - 5.7893 eV printed by the core-hole scf; the fallback is documented to within 1.3 eV.
        var avg = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat"));
        var onset = Threshold.Onset(avg.CurveNamed("avg"))!;
        Assert.True(onset.IsFallback);
        Assert.InRange(onset.EnergyEv - (10.1452 - 5.7893), -1.3, 1.3);
    }

    [Fact]
    public void MgOPeaksAreWhereTheReadmeSays()
    {
        // qe-seed README: MgO "7.47 (strongest 8.82)" eV above the HOMO, isotropic average.
        var avg = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat")).CurveNamed("avg");
        var peaks = avg.FindPeaks(0.05 * avg.Maximum.Intensity);
        Assert.Equal(7.47, peaks[0].Energy, 0.03);
        Assert.Equal(8.82, peaks.MaxBy(p => p.Height)!.Energy, 0.03);
    }

    [Fact]
    public void MgOSpectrumOnThePaperGrid()
    {
        var avg = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat")).CurveNamed("avg");
        var lumo = 10.1452 - 5.7893;
        var window = avg.ToAlignedWindow(lumo, EnergyGrid.Conduction, 0.5);
        Assert.Equal(EnergyGrid.Conduction.ToArray(), window.Energies.ToArray());
        // The window is the broadened curve sampled 2 eV above the LUMO, etc. (up to interpolation on 0.05 eV steps).
        var broadened = avg.BroadenGaussian(0.5);
        foreach (var e in new[] { -1.0, 0.0, 2.0, 4.6, 14.9 })
            Assert.Equal(broadened.ValueAt(e + lumo), window.ValueAt(e), 1e-3 * window.Maximum.Intensity);
    }
}
