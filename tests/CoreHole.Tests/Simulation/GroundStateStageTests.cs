using CoreHole.Simulation;
using CoreHole.Spectra;

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
}
