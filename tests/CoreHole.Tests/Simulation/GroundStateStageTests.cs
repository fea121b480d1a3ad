using CoreHole.Simulation;
using CoreHole.Spectra;
using CoreHole.Tests.Formats;
using CoreHole.Simulation.Engines.QuantumEspresso;

namespace CoreHole.Tests.Simulation;

public class GroundStateStageTests
{
    [Fact]
    public void BandEdgesComeFromBothMeshes()
    {
        // Cubic SrTiO3 (measured here): the 7x7x7 nscf mesh misses R, where the VBM is; the 6x6x6 scf mesh holds it.
        var nscf = new BandEdges(9.9376, 11.9232, "nscf");
        var scf = new BandEdges(10.0020, 11.9237, "scf");
        var edges = GroundStateStage.Combined(nscf, scf)!;
        Assert.Equal((10.0020, 11.9232), (edges.Vbm, edges.Cbm));
        Assert.Equal(1.9212, edges.Gap, 4);
        Assert.Equal(nscf, GroundStateStage.Combined(nscf, null));
        Assert.Null(GroundStateStage.Combined(null, scf));
    }

    [Fact]
    public void AnScfThatStoppedUnconvergedIsAFailureNotADensity()
    {
        // pw.x ends with JOB DONE after electron_maxstep iterations: only the convergence line tells.
        var unconverged = new ProgramRunRecord("pw.x", "pw.x -in unconverged_scf.in > unconverged_scf.out", 1, 0, TestData.Path("qe-made-here/unconverged_scf.out"));
        var failure = Assert.Throws<QeRunFailedException>(() => StageContext.ConvergedScf(unconverged, "ground-state"));
        Assert.StartsWith("ground-state scf NOT converged after 3 iterations", failure.Reason);
        Assert.Equal("pw.x", failure.Run.Program);

        var converged = new ProgramRunRecord("pw.x", "pw.x -in spin_scf.in > spin_scf.out", 1, 0, TestData.Path("qe-made-here/spin_scf.out"));
        Assert.True(StageContext.ConvergedScf(converged, "ground-state").Converged);
    }
}
