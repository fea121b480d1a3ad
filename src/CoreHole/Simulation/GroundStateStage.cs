using System.Globalization;
using System.Text.RegularExpressions;
using CoreHole.Formats;
using CoreHole.Spectra;

namespace CoreHole.Simulation;

/// <summary>
/// The ground state of the primitive cell: pw.x scf, pw.x nscf on a denser k mesh with enough empty bands that every
/// k-point reaches CBM + <see cref="Preset.PdosReach"/> (checked in the output, bands added and the nscf rerun if not),
/// then projwfc.x. Keeps the O-p PDOS of each inequivalent O site and the total DOS. A cell at least
/// <see cref="Preset.GammaCellWidth"/> wide (an amorphous cell) runs at Γ alone.
/// </summary>
public static class GroundStateStage
{
    public const string Name = "gs";
    const string Prefix = "gs";
    const int MaxNscfAttempts = 3;

    /// <summary>
    /// projwfc's Gaussian, standard deviation 0.05 eV (QE's degauss is sqrt(2) sigma, in Ry), on a 0.02 eV grid: CoreHole's
    /// sigma = 0.5 eV broadening then makes it 0.5025 eV. Not tetrahedra: projwfc samples the tetrahedron DOS at its grid
    /// points, and the flat valence bands of a framework make it spikes narrower than the grid, so the sampled DOS
    /// held 0.84-1.22 of the states below the gap and ACO's valence-window PDOS moved by MSE 0.47 from a 3x3x3 to a 4x4x4
    /// mesh; this Gaussian holds every state and gives both meshes to 0.0001 (README, "k meshes").
    /// </summary>
    const double PdosSigma = 0.05, PdosStep = 0.02, RydbergInEv = 13.605693123;

    /// <summary>The projwfc settings that make the DOS: written into projwfc.in, and read back from a finished stage's to tell whether it is <see cref="IsOutdated"/>.</summary>
    static readonly (string Key, double Value)[] DosSettings =
        [("DeltaE", PdosStep), ("degauss", Math.Round(Math.Sqrt(2) * PdosSigma / RydbergInEv, 6))];

    /// <summary>
    /// Whether a finished ground state was made by another DOS method than <see cref="DosSettings"/> (the campaign's
    /// first 29 used tetrahedra): its kept projwfc.in is the record of how its PDOS was made, and one without it
    /// cannot show it was made this way. An outdated stage stays in use until its redo replaces it.
    /// </summary>
    public static bool IsOutdated(string stageFolder)
    {
        var input = Path.Combine(stageFolder, "projwfc.in");
        if (!File.Exists(input)) return true;
        var text = File.ReadAllText(input);
        return DosSettings.Any(setting =>
            Regex.Match(text, $@"^\s*{setting.Key}\s*=\s*([-+0-9.eEdD]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase) is not { Success: true } m
            || !double.TryParse(m.Groups[1].Value.Replace('d', 'e').Replace('D', 'e'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value - setting.Value) > 1e-9);
    }

    /// <summary>projwfc's input: the DOS of <see cref="DosSettings"/> between <paramref name="emin"/> and <paramref name="emax"/> (eV).</summary>
    public static QeInput ProjwfcInput(double emin, double emax) => new QeInput()
        .Namelist("projwfc", [("prefix", Prefix), ("outdir", "./tmp/"), ("filpdos", "pdos"),
            .. DosSettings.Select(s => (s.Key, (object)s.Value)), ("Emin", emin), ("Emax", emax)]);

    public static StageRecord Run(StageContext context)
    {
        var plan = context.Material;
        var preset = context.Preset;
        var cell = plan.Primitive;
        var (species, labels) = context.Species(cell);
        var occupied = StageContext.OccupiedBands(species, labels, 0, plan.Name);
        var atGamma = AtGamma(cell.Lattice, preset);
        string Mesh(double length) => atGamma ? "K_POINTS gamma\n" : StageContext.KPoints(cell.Lattice, length);
        var runs = new List<QeRunRecord>();

        QeInput Input(string calculation, int bands, string occupations, string kpoints, double convergence) =>
            new QeInput()
                .Namelist("control", ("calculation", calculation), ("prefix", Prefix), ("pseudo_dir", context.Pseudopotentials.Folder),
                    ("outdir", "./tmp/"), ("verbosity", "high"))
                .Namelist("system", ("ibrav", 0), ("nat", cell.Atoms.Count), ("ntyp", species.Count), ("ecutwfc", preset.EcutWfc),
                    ("ecutrho", preset.EcutRho), ("occupations", occupations), ("nbnd", bands))
                .Namelist("electrons", ("conv_thr", convergence), ("mixing_beta", 0.5))
                .Structure(cell, species, labels)
                .Card(kpoints);

        var scf = context.Run("pw.x", "scf.in", Input("scf", occupied + 4, "fixed", Mesh(preset.ScfKLength), preset.ScfConvergence));
        context.Keep(scf, "scf.in");
        runs.Add(scf);

        var scfEdges = StageContext.ConvergedScf(scf, "ground-state").BandEdges();
        var pools = context.Processes > 1 && !atGamma ? $"-nk {context.Processes}" : "";
        var bands = occupied + EmptyBandsEstimate(cell.Lattice.Volume, preset.PdosReach);
        PwOutput nscfOutput;
        BandEdges edges;
        for (var attempt = 1; ; attempt++)
        {
            var nscf = context.Run("pw.x", "nscf.in", Input("nscf", bands, "fixed", Mesh(preset.NscfKLength), preset.NscfConvergence), pools);
            runs.Add(nscf);
            nscfOutput = PwOutputReader.Read(nscf.OutputPath);
            edges = Combined(nscfOutput.BandEdges(), scfEdges) ?? throw new QeRunFailedException(
                new QeRun("pw.x", context.WorkFolder, "nscf.in", "nscf.out", context.Processes), "no band gap in the nscf bands: a metal, or bands not printed");
            var lowestTop = nscfOutput.Bands.Min(k => k.Energies[^1]);
            if (lowestTop >= edges.Cbm + preset.PdosReach)
            {
                context.Keep(nscf, "nscf.in");
                break;
            }
            if (attempt == MaxNscfAttempts)
                throw new QeRunFailedException(new QeRun("pw.x", context.WorkFolder, "nscf.in", "nscf.out", context.Processes),
                    $"{bands} bands reach only {lowestTop - edges.Cbm:F1} eV above the CBM, {preset.PdosReach} eV needed");
            // Grow the band count in proportion to the energy still missing (states grow as E^1.5 above the CBM).
            bands = occupied + (int)Math.Ceiling((bands - occupied) * Math.Pow(preset.PdosReach / Math.Max(lowestTop - edges.Cbm, 1), 1.5) * 1.1);
        }

        var emin = Math.Floor((edges.Vbm - 32.5) * 20) / 20;
        var emax = Math.Ceiling((edges.Cbm + preset.PdosReach + 2) * 20) / 20;
        var projwfc = context.Run("projwfc.x", "projwfc.in", ProjwfcInput(emin, emax));
        context.Keep(projwfc, "projwfc.in");
        runs.Add(projwfc);
        KeepPdos(context);

        return new StageRecord(plan.Name, Name, nscfOutput.QeVersion, preset.Name, preset, context.Processes, Environment.MachineName,
            DateTimeOffset.UtcNow, runs.Sum(r => r.WallSeconds), runs,
            new Dictionary<string, double>
            {
                ["vbm_ev"] = edges.Vbm, ["cbm_ev"] = edges.Cbm, ["band_gap_ev"] = edges.Gap, ["mid_gap_ev"] = edges.MidGap,
                ["nbnd_nscf"] = bands, ["occupied_bands"] = occupied, ["primitive_atoms"] = cell.Atoms.Count,
                ["highest_band_min_ev"] = nscfOutput.Bands.Min(k => k.Energies[^1]),
                ["nscf_k_points"] = nscfOutput.Bands.Count, ["gamma_only"] = atGamma ? 1 : 0,
            },
            species.ToDictionary(s => s.FileName, s => s.Sha256));
    }

    /// <summary>
    /// The band edges over both meshes: the same converged potential gives both, and an odd nscf mesh (7x7x7 for
    /// cubic SrTiO3) misses zone-boundary points such as R, where a VBM may sit, that the scf mesh (6x6x6) holds.
    /// </summary>
    public static BandEdges? Combined(BandEdges? nscf, BandEdges? scf) =>
        nscf is null || scf is null ? nscf
            : new BandEdges(Math.Max(nscf.Vbm, scf.Vbm), Math.Min(nscf.Cbm, scf.Cbm), "bands at all nscf and scf k-points");

    /// <summary>
    /// A material's ground-state job, sized as its cost grows: the nscf dominates, and it costs per irreducible k-point
    /// (1 at Γ) about the bands to CBM + 20 eV times the plane waves, each growing with the cell volume.
    /// </summary>
    public static CampaignJob Job(MaterialPlan plan, Preset preset)
    {
        var cell = plan.Primitive;
        var kPoints = AtGamma(cell.Lattice, preset) ? 1 : Structures.Symmetry.IrreducibleKPoints(cell, StageContext.Mesh(cell.Lattice, preset.NscfKLength));
        return new CampaignJob(plan.Name, null, cell.Atoms.Count, cell.Lattice.Volume, kPoints);
    }

    /// <summary>Whether a cell is wide enough for its ground state to run at Γ alone (<see cref="Preset.GammaCellWidth"/>).</summary>
    public static bool AtGamma(Structures.Lattice lattice, Preset preset)
    {
        var widths = lattice.PerpendicularWidths();
        return Math.Min(widths.X, Math.Min(widths.Y, widths.Z)) >= preset.GammaCellWidth;
    }

    /// <summary>
    /// Empty bands needed to reach <paramref name="reach"/> eV above the CBM: free-electron states per spin below E,
    /// V k^3 / (6 pi^2) with k = sqrt(E / 3.81 eV Å^2), at E = reach + 2 eV, times 1.7. Calibrated on the campaign's
    /// first 11 ground states: the bands below CBM + 22 eV at the worst k-point are 1.3-1.6x that count in silica
    /// frameworks and 1.7-2.3x in the dense oxides (Al2O3, stishovite, MgO), whose small cells rerun the nscf cheaply
    /// with more bands; the former 2.5x gave about twice the bands needed.
    /// </summary>
    public static int EmptyBandsEstimate(double volume, double reach)
    {
        var k = Math.Sqrt((reach + 2) / 3.80998);
        return Math.Max(8, (int)Math.Ceiling(1.7 * volume * k * k * k / (6 * Math.PI * Math.PI)));
    }

    /// <summary>Keeps the O-p PDOS of every inequivalent O site (atmN_O_p.pdos, N 1-based as in projwfc) and the total DOS.</summary>
    static void KeepPdos(StageContext context)
    {
        var folder = Path.Combine(context.StageFolder, "pdos");
        Directory.CreateDirectory(folder);
        foreach (var site in context.Material.OxygenSites)
        {
            var n = site.Atom + 1;
            var files = Directory.GetFiles(context.WorkFolder, $"pdos.pdos_atm#{n}(O)_wfc#*(p)");
            if (files.Length != 1)
                throw new QeRunFailedException(new QeRun("projwfc.x", context.WorkFolder, "projwfc.in", "projwfc.out", 1),
                    $"expected one O-p PDOS file for atom {n}, found {files.Length}");
            Atomic.CopyGzipped(files[0], Path.Combine(folder, $"atm{n}_O_p.pdos.gz"));
        }
        Atomic.CopyGzipped(Path.Combine(context.WorkFolder, "pdos.pdos_tot"), Path.Combine(folder, "pdos_tot.dat.gz"));
    }
}
