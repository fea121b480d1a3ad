using CoreHole.Formats;
using CoreHole.Spectra;

namespace CoreHole.Simulation.Engines.QuantumEspresso;

/// <summary>
/// The ground state of the primitive cell: pw.x scf, pw.x nscf on a denser k mesh with enough empty bands that every
/// k-point reaches CBM + <see cref="Preset.PdosReach"/> (checked in the output, bands added and the nscf rerun if not),
/// then projwfc.x. Keeps the O-p PDOS of each inequivalent O site and the total DOS. A cell at least
/// <see cref="Preset.GammaCellWidth"/> wide (an amorphous cell) runs at Γ alone.
/// </summary>
public static class GroundStateStage
{
    const string Prefix = "gs";
    const int MaxNscfAttempts = 3;

    /// <summary>projwfc's input: the DOS of <see cref="DosMethod.ProjwfcSettings"/> between <paramref name="emin"/> and <paramref name="emax"/> (eV).</summary>
    public static QeInput ProjwfcInput(double emin, double emax) => new QeInput()
        .Namelist("projwfc", [("prefix", Prefix), ("outdir", "./tmp/"), ("filpdos", "pdos"),
            .. DosMethod.ProjwfcSettings.Select(s => (s.Key, (object)s.Value)), ("Emin", emin), ("Emax", emax)]);

    public static StageRecord Run(StageContext context)
    {
        var plan = context.Material;
        var preset = context.Preset;
        var cell = plan.Primitive;
        var (species, labels) = context.Species(cell);
        var occupied = StageContext.OccupiedBands(species, labels, 0, plan.Name);
        var atGamma = KMesh.IsGammaOnly(cell.Lattice, preset);
        string Mesh(double length) => atGamma ? "K_POINTS gamma\n" : StageContext.KPoints(cell.Lattice, length);
        var runs = new List<ProgramRunRecord>();

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
        var bands = occupied + BandCount.EmptyToReach(cell.Lattice.Volume, preset.PdosReach);
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

        return new StageRecord(plan.Name, CampaignJob.GroundStateName, nscfOutput.QeVersion, preset.Name, preset, context.Processes, Environment.MachineName,
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
