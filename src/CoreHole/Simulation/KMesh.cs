using CoreHole.Structures;

namespace CoreHole.Simulation;

/// <summary>The campaign's k meshes: set by a length (<see cref="Preset.ScfKLength"/>, <see cref="Preset.NscfKLength"/>), Γ alone for wide cells.</summary>
public static class KMesh
{
    /// <summary>The k mesh of a length: n_i = ceil(length / |a_i|), at least 1.</summary>
    public static (int N1, int N2, int N3) Of(Lattice lattice, double length)
    {
        int N(Vec3 v) => Math.Max(1, (int)Math.Ceiling(length / v.Length - 1e-9));
        return (N(lattice.A), N(lattice.B), N(lattice.C));
    }

    /// <summary>Whether a cell is wide enough for its ground state to run at Γ alone (<see cref="Preset.GammaCellWidth"/>).</summary>
    public static bool IsGammaOnly(Lattice lattice, Preset preset)
    {
        var widths = lattice.PerpendicularWidths();
        return Math.Min(widths.X, Math.Min(widths.Y, widths.Z)) >= preset.GammaCellWidth;
    }
}
