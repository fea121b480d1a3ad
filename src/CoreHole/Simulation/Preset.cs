namespace CoreHole.Simulation;

/// <summary>
/// The numerical settings of a simulation, named so that a dataset records which were used. Every field is written
/// into each stage's provenance.
/// </summary>
/// <param name="EcutWfc">Plane-wave cutoff of the wavefunctions (Ry).</param>
/// <param name="EcutRho">Cutoff of the charge density (Ry); 8x EcutWfc for ultrasoft pseudopotentials.</param>
/// <param name="ScfKLength">Ground-state scf k-mesh: n_i = ceil(L / |a_i|) with L in Å.</param>
/// <param name="NscfKLength">The denser nscf k-mesh for the PDOS, same rule.</param>
/// <param name="CoreHoleKGrid">Core-hole supercell k-mesh (unshifted, never gamma tricks: xspectra breaks silently with them).</param>
/// <param name="SupercellWidth">Every perpendicular width of the core-hole supercell is at least this (Å); the paper used 8 Å.</param>
/// <param name="PdosReach">The nscf must hold bands at least this far above the CBM (eV) at every k-point.</param>
/// <param name="XspectraGamma">xspectra's Lorentzian half-width (eV). Small, so that CoreHole's documented Gaussian sets the
/// broadening; a larger one is a Lorentzian convolution away (half-widths add).</param>
/// <param name="XspectraIterations">Lanczos steps per polarisation (xspectra's xniter; it stops earlier when converged at
/// xgamma, which at 0.1 eV it rarely is). After CoreHole's σ = 0.5 eV Gaussian, 500 steps give the 1000-step spectrum
/// to MSE 0.0000 at mean 1 on every committed site and polarisation, and 300 give the 500-step one to 0.0015 at most,
/// a sixtieth of the model's test MSE (bench/lanczos-iterations.sh): `fast` ran 1000 steps, then 500, now 300, each
/// stage's record saying which. Folders made before this field existed ran 1000.</param>
/// <param name="NscfConvergence">The ground-state nscf's conv_thr. An nscf only diagonalises, and pw.x takes its
/// threshold from this (ethr = conv_thr / 10 / electrons): `fast` lowered it from the scf's 1e-8 to 1e-6 once the PDOS
/// was found not to move while the Davidson iterations fell by about a third (bench/ground-state-setting.sh). Folders
/// made before this field existed ran 1e-8.</param>
/// <param name="GammaCellWidth">A ground-state cell whose perpendicular widths all reach this (Å) runs at Γ alone (real
/// wavefunctions): a 72-atom amorphous cell on the 24 Å mesh needs 14 k-points of ~500 bands each, half a day on one
/// core, while Γ in a cell this wide gives the σ = 0.5 eV PDOS of the dense mesh (measured on a 72-atom alpha-quartz supercell, bench/gamma-ground-state.sh).</param>
/// <param name="CoreHoleConvergence">The core-hole scf's conv_thr (Ry). `fast` lowered it from 1e-7 to 1e-5: its last
/// iterations were a third of the scf's CPU time (MgO at 10 Å reached 1e-5 after 2470 of 3640 CPU seconds), while the
/// spectrum as the model sees it moved by MSE 0.0004 (BaO) and 0.0001 (alpha-GeO2) and its threshold by 2 meV at most
/// (bench/core-hole-convergence.sh). Folders made before ran 1e-7, each stage's record saying which.</param>
public sealed record Preset(
    string Name,
    double EcutWfc,
    double EcutRho,
    double ScfKLength,
    double NscfKLength,
    int CoreHoleKGrid,
    double SupercellWidth,
    double PdosReach,
    double XspectraGamma,
    double ScfConvergence = 1e-8,
    double CoreHoleConvergence = 1e-7,
    double GammaCellWidth = 10.0,
    int XspectraIterations = 1000,
    double NscfConvergence = 1e-8)
{
    /// <summary>The pilot's settings (shared/qe-pilot): about 3.5 minutes per O site of a 72-atom SiO2 supercell on 2 cores.
    /// data/campaign's SiO2 and first oxide sites were made with it.</summary>
    public static readonly Preset Fast = new("fast", 40, 320, 20, 24, 1, 8.0, 20, 0.1, XspectraIterations: 300, NscfConvergence: 1e-6,
        CoreHoleConvergence: 1e-5);

    /// <summary>
    /// The settings of new campaigns: `fast` in supercells at least 10 Å wide. The label-width study
    /// (bench/label-width.sh, docs/simulating.md "The label-width study") measured that an 8-8.5 Å supercell moves
    /// a label by two to seven times the model's cross-validated error (and a 9 Å sodalite cell still by 0.08), while
    /// from 10 to 12 Å it moves by less than a third of it; a 10 Å site costs a few times an 8 Å one.
    /// </summary>
    public static readonly Preset Wide = Fast with { Name = "wide", SupercellWidth = 10.0 };

    /// <summary>What a new campaign folder gets when no preset is named.</summary>
    public static Preset Default => Wide;

    /// <summary>
    /// The reference recipe from the convergence study (bench/converge.sh, data/convergence/summary.tsv,
    /// docs/simulating.md "Presets"): the cutoff stays (40/320 Ry is within MSE 0.0006 of 60/480 Ry), while the two settings that move
    /// a spectrum are raised: supercells at least 10 Å wide and a 2x2x2 core-hole k mesh. As the model sees spectra
    /// (MSE at mean 1), going from 8 Å at Γ to 10 Å moves MgO by 0.20 and sodalite by 0.08 (a deeper core-hole
    /// exciton: the edge 0.3-0.4 eV lower), a 2x2x2 mesh in the 8 Å cell moves them by 0.11 and 0.02, and the two
    /// improved runs still differ by 0.05; alpha-quartz, whose 8 Å cell is already 9.1 Å wide, moves 0.006 to 10 Å.
    /// In sodalite 10 Å is converged: 12 Å (144 atoms) moves it by 0.008 more, a tenth of the 8 to 10 Å change.
    /// Several hours per site on one core: for checks, not campaigns.
    /// </summary>
    public static readonly Preset Converged = Fast with { Name = "converged", SupercellWidth = 10.0, CoreHoleKGrid = 2 };

    /// <summary>
    /// For tests of the machinery only: cutoffs, k meshes and supercells far too small for physics, so that a whole
    /// campaign (ground state, core hole, three polarisations) of rock salt runs in well under a minute.
    /// </summary>
    public static readonly Preset Smoke = new("smoke", 25, 200, 8, 10, 1, 4.0, 8, 0.5);

    /// <summary>
    /// The ground state `corehole predict` runs: `fast` with only what the model's input window needs. The
    /// conduction input ends 14.9 eV above the CBM and is broadened by σ = 0.5 eV, so bands to CBM + 17 eV (3σ beyond
    /// it) at every k-point, not 20; and a coarser scf mesh (14 Å), whose density moves no PDOS. Its featurized O-p PDOS
    /// is within MSE 0.006 of the campaign recipe's (a fifth of the model's group-CV error) on alpha-quartz, MgO and
    /// ABW (bench/ground-state-setting.sh, docs/learning.md "Predicting a structure"). Ground states only: `corehole predict`
    /// takes it, not `simulate --preset`.
    /// </summary>
    public static readonly Preset Predict = Fast with { Name = "predict", PdosReach = 17, ScfKLength = 14 };

    public static IReadOnlyList<Preset> All => [Wide, Fast, Converged, Smoke];

    public static Preset Named(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new InputError($"unknown preset '{name}': choose {string.Join(", ", All.Select(p => p.Name))}");

    /// <summary>The settings a user may change one by one (convergence studies), by the names <c>--set</c> takes.</summary>
    static readonly Dictionary<string, Func<Preset, double, Preset>> Settable = new()
    {
        ["ecutwfc"] = (p, v) => p with { EcutWfc = v },
        ["ecutrho"] = (p, v) => p with { EcutRho = v },
        ["scf_k_length"] = (p, v) => p with { ScfKLength = v },
        ["nscf_k_length"] = (p, v) => p with { NscfKLength = v },
        ["core_hole_k_grid"] = (p, v) => v == Math.Floor(v) && v >= 1 ? p with { CoreHoleKGrid = (int)v } : throw new InputError($"--set core_hole_k_grid={v}: a whole number of at least 1"),
        ["supercell_width"] = (p, v) => p with { SupercellWidth = v },
        ["pdos_reach"] = (p, v) => p with { PdosReach = v },
        ["xspectra_gamma"] = (p, v) => p with { XspectraGamma = v },
        ["gamma_cell_width"] = (p, v) => p with { GammaCellWidth = v },
        ["nscf_convergence"] = (p, v) => p with { NscfConvergence = v },
        ["core_hole_convergence"] = (p, v) => p with { CoreHoleConvergence = v },
        ["xspectra_iterations"] = (p, v) => v == Math.Floor(v) ? p with { XspectraIterations = (int)v } : throw new InputError($"--set xspectra_iterations={v}: a whole number"),
    };

    /// <summary>
    /// This preset with settings changed from "key=value,key=value" (e.g. "ecutwfc=60,ecutrho=480"), named after them
    /// ("fast+ecutwfc=60+ecutrho=480") so that a campaign folder and every stage record say what was run.
    /// </summary>
    public Preset With(string changes)
    {
        var preset = this;
        foreach (var change in changes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = change.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Settable.TryGetValue(parts[0], out var set))
                throw new InputError($"--set '{change}': use key=value with key one of {string.Join(", ", Settable.Keys)}");
            if (!double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
                throw new InputError($"--set '{change}': '{parts[1]}' is not a positive number");
            preset = set(preset, value) with { Name = $"{preset.Name}+{parts[0]}={parts[1]}" };
        }
        return preset;
    }
}
