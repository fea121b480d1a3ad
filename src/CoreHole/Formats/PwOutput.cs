using System.Globalization;
using CoreHole.Spectra;
using CoreHole.Structures;

namespace CoreHole.Formats;

public enum SpinChannel { None, Up, Down }

/// <summary>Kohn-Sham energies (eV) of one k-point and spin channel, as pw.x printed them.</summary>
/// <param name="K">Cartesian, in units of 2π/alat (pw.x's convention).</param>
public sealed record KPointBands(Vec3 K, SpinChannel Spin, IReadOnlyList<double> Energies);

/// <summary>A pseudopotential species: its label in the input (e.g. "Oh"), element and valence charge.</summary>
public sealed record PwSpecies(string Label, string Element, double Valence);

/// <summary>
/// What a pw.x (PWSCF) standard output says. Energies in eV on pw.x's absolute scale. Values a run did not reach
/// (it stopped on an error, or is still running) are null; <see cref="JobDone"/> and <see cref="ErrorText"/> say why.
/// Where a quantity is printed more than once (relaxations), the last print wins.
/// </summary>
public sealed record PwOutput
{
    public required string Path { get; init; }
    /// <summary>The banner version, e.g. "6.7MaX".</summary>
    public required string QeVersion { get; init; }
    /// <summary>"number of atoms/cell" (or the rows of the positions table when that line is missing).</summary>
    public int? AtomCount { get; init; }
    public double? ElectronCount { get; init; }
    /// <summary>Electrons per spin channel, for spin-polarised runs ("up: 4.00, down: 4.00").</summary>
    public (double Up, double Down)? SpinElectronCounts { get; init; }
    /// <summary>Number of Kohn-Sham states (bands) per k-point and spin.</summary>
    public int? Nbnd { get; init; }
    public int? KPointCount { get; init; }
    /// <summary>"the Fermi energy is": smearing or tetrahedra runs.</summary>
    public double? FermiEnergy { get; init; }
    /// <summary>"highest occupied level" or the first number of "highest occupied, lowest unoccupied level".</summary>
    public double? HighestOccupied { get; init; }
    /// <summary>Printed only with fixed occupations and empty bands (nbnd above the occupied count).</summary>
    public double? LowestUnoccupied { get; init; }
    /// <summary>Band energies per k-point (and spin), when pw.x printed them; empty otherwise.</summary>
    public IReadOnlyList<KPointBands> Bands { get; init; } = [];
    public double? TotalEnergyRy { get; init; }
    /// <summary>True: "convergence has been achieved"; false: "convergence NOT achieved"; null: no scf loop (nscf).</summary>
    public bool? Converged { get; init; }
    public int? ScfIterations { get; init; }
    public bool JobDone { get; init; }
    /// <summary>The text of QE's %%%% error block, when the run stopped on one.</summary>
    public string? ErrorText { get; init; }
    /// <summary>
    /// System charge in units of e (+1 for a core hole with the excited electron removed). pw.x 6.7 does not print
    /// tot_charge, so it is the valence sum of the printed atoms and species minus the printed electron count.
    /// </summary>
    public double? TotalCharge { get; init; }
    /// <summary>Wall time of the whole run ("PWSCF : ... WALL").</summary>
    public double? WallSeconds { get; init; }
    public IReadOnlyList<PwSpecies> Species { get; init; } = [];
    /// <summary>Cell and atoms as printed at the start of the run (Å; labels are the species labels).</summary>
    public Crystal? Structure { get; init; }

    /// <summary>
    /// The overview <c>inspect</c> shows. The threshold depends on the run: a core-hole run (positive charge) gives the
    /// spectrum threshold LUMO − HOMO above XSpectra's zero (the HOMO); a ground-state run gives the PDOS threshold,
    /// the CBM on pw.x's absolute scale (the scale of the projwfc PDOS of the same run); a metal has no gap, and its
    /// threshold is the Fermi level.
    /// </summary>
    public SpectrumFile Summary()
    {
        var coreHole = TotalCharge > 0.5;
        var metal = IsMetal();
        var edges = metal ? null : BandEdges();
        var threshold = coreHole
            ? LowestUnoccupied - HighestOccupied is { } t ? new Threshold(t, "core-hole run: LUMO - HOMO, above the XSpectra zero") : null
            : metal ? new Threshold(FermiEnergy!.Value, "metal: the Fermi level (bands cross it, there is no gap)")
            : edges is null ? null : new Threshold(edges.Cbm, $"PDOS threshold: CBM ({edges.Source})");
        return new SpectrumFile
        {
            Path = Path,
            Format = "pw-output",
            Sites = AtomCount is { } n ? $"{n} atoms" : null,
            Edges = edges,
            Fermi = FermiEnergy,
            Homo = HighestOccupied,
            Lumo = LowestUnoccupied,
            Threshold = threshold,
            NoThresholdReason = threshold is not null ? null
                : !JobDone ? "the run stopped before the end (no JOB DONE) and printed no levels to align at"
                : FermiEnergy is not null && !coreHole
                    ? "a smeared or tetrahedron run prints the Fermi level, not HOMO/LUMO: rerun with verbosity='high' to print the bands, or with fixed occupations and empty bands"
                    : "no LUMO printed: the run had no empty bands (nbnd at the occupied count)",
            Facts =
            [
                new("QE version", QeVersion),
                new("electrons", ElectronCount?.ToString(CultureInfo.InvariantCulture) ?? "not printed"),
                new("bands", $"{Nbnd?.ToString(CultureInfo.InvariantCulture) ?? "?"} bands, {KPointCount?.ToString(CultureInfo.InvariantCulture) ?? "?"} k-points, {Bands.Count} printed"),
                new("charge", TotalCharge is { } q ? q.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture) : "unknown"),
                new("scf", Converged switch { true => $"converged in {ScfIterations} iterations", false => $"NOT converged after {ScfIterations} iterations", null => "no scf loop" }),
                new("job", JobDone ? "done" : ErrorText ?? "did not finish"),
                new("wall", WallSeconds is { } w ? $"{w:0.##} s" : "not printed"),
                .. metal ? [new Fact("metal", "no band gap: the Fermi level lies inside a band")] : Array.Empty<Fact>(),
            ],
        };
    }

    /// <summary>Bands further than this (eV) across the Fermi level make a metal rather than a rounding of pw.x's print.</summary>
    const double FermiTolerance = 0.01;

    /// <summary>
    /// A metal: a run with a Fermi level (smearing or tetrahedra) whose bands cross it, or a spin-unpolarised cell with
    /// an odd number of electrons (its highest band is half full, whatever the k-points).
    /// </summary>
    public bool IsMetal()
    {
        if (FermiEnergy is not { } fermi) return false;
        if (SpinElectronCounts is null && ElectronCount is { } n && !double.IsInteger(n / 2)) return true;
        return EdgesFromBands() is { } e && (e.Vbm > fermi + FermiTolerance || e.Cbm < fermi - FermiTolerance);
    }

    /// <summary>
    /// VBM and CBM: from the printed band energies when every k-point was printed and the occupied-band count is an
    /// integer (extremes over all k-points and spins, as the seed data's provenance defines them); otherwise from the
    /// printed HOMO/LUMO; null when neither exists (for example a metal, or no empty bands).
    /// </summary>
    public BandEdges? BandEdges()
    {
        if (EdgesFromBands() is { } fromBands) return fromBands;
        return HighestOccupied is { } homo && LowestUnoccupied is { } lumo
            ? new BandEdges(homo, lumo, "printed highest occupied / lowest unoccupied level")
            : null;
    }

    BandEdges? EdgesFromBands()
    {
        if (Bands.Count == 0 || KPointCount is not { } nk || ElectronCount is not { } electrons) return null;
        var spinPolarised = Bands[0].Spin != SpinChannel.None;
        if (Bands.Count != nk * (spinPolarised ? 2 : 1)) return null;
        double vbm = double.NegativeInfinity, cbm = double.PositiveInfinity;
        foreach (var k in Bands)
        {
            var occupied = k.Spin switch
            {
                SpinChannel.None => electrons / 2,
                SpinChannel.Up => SpinElectronCounts?.Up ?? double.NaN,
                _ => SpinElectronCounts?.Down ?? double.NaN,
            };
            if (!double.IsInteger(occupied) || occupied < 1 || occupied >= k.Energies.Count) return null;
            var n = (int)occupied;
            vbm = Math.Max(vbm, k.Energies[n - 1]);
            cbm = Math.Min(cbm, k.Energies[n]);
        }
        return new BandEdges(vbm, cbm, $"bands at {nk} k-points");
    }
}
