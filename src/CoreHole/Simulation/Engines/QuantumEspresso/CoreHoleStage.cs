using System.Globalization;
using System.Text;
using CoreHole.Formats;
using CoreHole.Spectra;

namespace CoreHole.Simulation.Engines.QuantumEspresso;

/// <summary>
/// The O K edge of one inequivalent O site: the supercell with the core-hole pseudopotential on the absorber,
/// <c>tot_charge=+1</c> (full core hole, excited electron removed), fixed occupations with 8 empty bands so that pw.x
/// prints the LUMO (the spectrum threshold); then xspectra.x dipole spectra for Cartesian x, y, z and their isotropic
/// average (trace / 3). The k mesh is never gamma tricks: xspectra 6.7 gives a wrong spectrum with them, silently.
/// </summary>
public static class CoreHoleStage
{
    const string Prefix = "ch";
    static readonly string[] Directions = ["x", "y", "z"];

    public static StageRecord Run(StageContext context, string siteLabel)
    {
        var plan = context.Material;
        var preset = context.Preset;
        var site = plan.Site(siteLabel);
        var supercell = plan.BuildSupercell();
        var absorber = supercell.AtomAtOrigin(site.Atom);
        var cell = supercell.Crystal;
        var (species, labels) = context.Species(cell, absorber);
        var occupied = StageContext.OccupiedBands(species, labels, 1, $"{plan.Name} {siteLabel}");
        var kgrid = $"{preset.CoreHoleKGrid} {preset.CoreHoleKGrid} {preset.CoreHoleKGrid} 0 0 0";
        var runs = new List<ProgramRunRecord>();

        var scf = context.Run("pw.x", "scf.in", new QeInput()
            .Namelist("control", ("calculation", "scf"), ("prefix", Prefix), ("pseudo_dir", context.Pseudopotentials.Folder), ("outdir", "./tmp/"))
            .Namelist("system", ("ibrav", 0), ("nat", cell.Atoms.Count), ("ntyp", species.Count), ("ecutwfc", preset.EcutWfc),
                ("ecutrho", preset.EcutRho), ("tot_charge", 1.0), ("occupations", "fixed"), ("nbnd", occupied + 8))
            .Namelist("electrons", ("conv_thr", preset.CoreHoleConvergence), ("mixing_beta", 0.4))
            .Structure(cell, species, labels)
            .Card($"K_POINTS automatic\n{kgrid}\n"));
        context.Keep(scf, "scf.in");
        runs.Add(scf);
        var scfOutput = StageContext.ConvergedScf(scf, "core-hole");

        File.Copy(context.Pseudopotentials.CoreWavefunction(), Path.Combine(context.WorkFolder, "O.wfc"), overwrite: true);
        var spectra = new List<Curve>();
        for (var d = 0; d < 3; d++)
        {
            var direction = Directions[d];
            var inputName = $"xspectra_{direction}.in";
            var run = context.Run("xspectra.x", inputName, new QeInput()
                .Namelist("input_xspectra", ("calculation", "xanes_dipole"), ("prefix", Prefix), ("outdir", "./tmp/"),
                    ("xniter", preset.XspectraIterations), ("xcheck_conv", 50), ("xcoordcrys", false),
                    ("xepsilon(1)", d == 0 ? 1.0 : 0.0), ("xepsilon(2)", d == 1 ? 1.0 : 0.0), ("xepsilon(3)", d == 2 ? 1.0 : 0.0),
                    ("xiabs", 1), ("x_save_file", $"xanes_{direction}.sav"), ("xerror", 0.001))
                .Namelist("plot", ("xnepoint", 1600), ("xgamma", preset.XspectraGamma), ("xemin", -10.0), ("xemax", 30.0),
                    ("terminator", true), ("cut_occ_states", true))
                .Namelist("pseudos", ("filecore", "O.wfc"), ("r_paw(1)", 1.6))
                .Namelist("cut_occ", ("cut_desmooth", 0.1))
                .Card($"{kgrid}\n"));
            context.Keep(run, inputName);
            runs.Add(run);
            var dat = Path.Combine(context.WorkFolder, $"xanes_{direction}.dat");
            File.Move(Path.Combine(context.WorkFolder, "xanes.dat"), dat, overwrite: true);
            Atomic.CopyGzipped(dat, Path.Combine(context.StageFolder, $"xanes_{direction}.dat.gz"));
            Atomic.CopyGzipped(Path.Combine(context.WorkFolder, $"xanes_{direction}.sav"), Path.Combine(context.StageFolder, $"xanes_{direction}.sav.gz"));
            spectra.Add(XSpectraDatReader.Read(dat).Curves[0].Curve);
        }
        WriteAverage(Path.Combine(context.WorkFolder, "xanes_avg.dat"), spectra, preset.XspectraGamma);
        Atomic.CopyGzipped(Path.Combine(context.WorkFolder, "xanes_avg.dat"), Path.Combine(context.StageFolder, "xanes_avg.dat.gz"));

        var results = new Dictionary<string, double>
        {
            ["supercell_atoms"] = cell.Atoms.Count,
            ["absorber_supercell_index"] = absorber + 1,
            ["absorber_primitive_index"] = site.Atom + 1,
            ["scf_iterations"] = scfOutput.ScfIterations ?? double.NaN,
            ["xgamma_ev"] = preset.XspectraGamma,
        };
        if (scfOutput.HighestOccupied is { } homo) results["homo_ev"] = homo;
        if (scfOutput.LowestUnoccupied is { } lumo) results["lumo_ev"] = lumo;
        return new StageRecord(plan.Name, CampaignJob.CoreHoleName(siteLabel), scfOutput.QeVersion, preset.Name, preset, context.Processes, Environment.MachineName,
            DateTimeOffset.UtcNow, runs.Sum(r => r.WallSeconds), runs, results, species.ToDictionary(s => s.FileName, s => s.Sha256));
    }

    /// <summary>The isotropic average (x + y + z) / 3 of Cartesian polarisations, with the three columns beside it (the qe-seed layout).</summary>
    static void WriteAverage(string path, IReadOnlyList<Curve> spectra, double gamma)
    {
        var average = Curve.Average(spectra);
        // The header of shared/qe-seed's xanes_avg.dat, which CoreHole's readers know, plus the Lorentzian used.
        var text = new StringBuilder($"# isotropic average (x+y+z)/3 of xanes_x.dat xanes_y.dat xanes_z.dat; E (eV) relative to the HOMO of the core-hole scf; xgamma {gamma} eV\n");
        text.Append("# E(eV) sigma_avg sigma_x sigma_y sigma_z\n");
        for (var i = 0; i < average.Count; i++)
            text.Append(CultureInfo.InvariantCulture,
                $"{average.Energies[i],14:F8} {average.Intensities[i],16:E8} {spectra[0].Intensities[i],16:E8} {spectra[1].Intensities[i],16:E8} {spectra[2].Intensities[i],16:E8}\n");
        Atomic.WriteAllText(path, text.ToString());
    }
}
