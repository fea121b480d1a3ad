namespace CoreHole.Simulation;

/// <summary>
/// The bands a plane-wave ground state computes: the occupied ones (half the valence electrons) and the empty ones up to
/// the PDOS reach above the CBM. Engines size their runs with it, and the cost model sizes their time.
/// </summary>
public static class BandCount
{
    /// <summary>
    /// Empty bands needed to reach <paramref name="reach"/> eV above the CBM: free-electron states per spin below E,
    /// V k^3 / (6 pi^2) with k = sqrt(E / 3.81 eV Å^2), at E = reach + 2 eV, times 1.7. Calibrated on the campaign's
    /// first 11 ground states: the bands below CBM + 22 eV at the worst k-point are 1.3-1.6x that count in silica
    /// frameworks and 1.7-2.3x in the dense oxides (Al2O3, stishovite, MgO), whose small cells rerun the nscf cheaply
    /// with more bands; the former 2.5x gave about twice the bands needed.
    /// </summary>
    public static int EmptyToReach(double volume, double reach)
    {
        var k = Math.Sqrt((reach + 2) / 3.80998);
        return Math.Max(8, (int)Math.Ceiling(1.7 * volume * k * k * k / (6 * Math.PI * Math.PI)));
    }
}
