using CoreHole.Formats;
using CoreHole.Simulation;
using CoreHole.Structures;

namespace CoreHole.Tests.Structures;

public class IrreducibleKPointsTests
{
    static Crystal Cell(Lattice lattice, params (string Element, Vec3 Fractional)[] atoms) =>
        new("test", lattice, atoms.Select(a => new Atom(a.Element, a.Fractional, null)).ToArray());

    [Fact]
    public void SimpleCubicFoldsA4x4x4MeshToTenPoints()
    {
        // Oh and time reversal: Γ, (1/4,0,0), X, (1/4,1/4,0), (1/2,1/4,0), M, (1/4,1/4,1/4), (1/2,1/4,1/4), (1/2,1/2,1/4), R.
        var cubic = Cell(new Lattice(new Vec3(3, 0, 0), new Vec3(0, 3, 0), new Vec3(0, 0, 3)), ("Si", new Vec3(0, 0, 0)));
        Assert.Equal(10, Symmetry.IrreducibleKPoints(cubic, (4, 4, 4)));
    }

    [Fact]
    public void WithoutSymmetryOnlyTimeReversalPairsPoints()
    {
        // P1: k and -k pair up except the 8 points that are their own inverse on an even mesh: (64 - 8) / 2 + 8.
        var triclinic = Cell(new Lattice(new Vec3(4, 0, 0), new Vec3(0.7, 4.3, 0), new Vec3(0.4, 0.9, 5.1)),
            ("Si", new Vec3(0.1, 0.2, 0.3)), ("O", new Vec3(0.47, 0.61, 0.05)), ("O", new Vec3(0.83, 0.11, 0.72)));
        Assert.Equal(36, Symmetry.IrreducibleKPoints(triclinic, (4, 4, 4)));
    }

    [Fact]
    public void AbwGroundStateHasTheKPointsPwxComputed()
    {
        // pw.x's nscf of the campaign's ABW ground state (data/campaign/ABW/gs, 24 Å mesh 5x4x4) reported 27 k-points.
        var primitive = Symmetry.Primitive(CifReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "structures", "ABW.cif")));
        var mesh = KMesh.Of(primitive.Lattice, Preset.Fast.NscfKLength);
        Assert.Equal(80, mesh.N1 * mesh.N2 * mesh.N3);
        Assert.Equal(27, Symmetry.IrreducibleKPoints(primitive, mesh));
    }
}
