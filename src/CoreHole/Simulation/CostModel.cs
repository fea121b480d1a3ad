namespace CoreHole.Simulation;

/// <summary>
/// Wall-time estimates for campaign jobs: a power law in the number of atoms, wall = c * atoms^p, per stage kind.
/// Starts from the pilot's measurements (72-atom SiO2 core hole: 210 s on 2 processes; 9-atom ground state: 60 s)
/// and, once the campaign has finished stages, refits c (and p, given a spread of sizes) to what this machine measured.
/// A core-hole k mesh multiplies a site's cost, so measured sites are scaled to one k-point and estimates to the
/// campaign's mesh.
/// </summary>
public sealed class CostModel
{
    readonly (double C, double P) _coreHole;
    readonly (double C, double P) _groundState;
    readonly Preset _preset;

    /// <summary>Two MPI processes ran the pilot; one process takes about 1.7x as long (measured: scf 3:16 vs 1:47).</summary>
    static double ProcessFactor(int processes) => processes >= 2 ? 1.0 : 1.7;

    /// <summary>
    /// An n x n x n core-hole mesh holds about n³/2 k-points once time reversal pairs them, each costing a Γ run
    /// (sodalite's 36-atom site: 2x2x2, 6 k-points after symmetry, took 4.4x its Γ run).
    /// </summary>
    static double KPointFactor(Preset preset) => Math.Max(1.0, Math.Pow(preset.CoreHoleKGrid, 3) / 2);

    /// <param name="finished">Stages this campaign (or any run on this machine) finished, with their settings.</param>
    /// <param name="preset">The settings of the jobs to estimate.</param>
    public CostModel(IEnumerable<StageRecord> finished, Preset preset)
    {
        _preset = preset;
        var records = finished.ToList();
        _coreHole = Fit(records.Where(r => r.Stage != GroundStateStage.Name)
            .Select(r => (Atoms: r.Results.GetValueOrDefault("supercell_atoms"), Seconds: r.WallSeconds / ProcessFactor(r.Processes) / KPointFactor(r.Settings))), (210.0 / Math.Pow(72, 2.3), 2.3));
        _groundState = Fit(records.Where(r => r.Stage == GroundStateStage.Name)
            .Select(r => (Atoms: r.Results.GetValueOrDefault("primitive_atoms"), Seconds: r.WallSeconds / ProcessFactor(r.Processes))), (60.0 / Math.Pow(9, 1.5), 1.5));
    }

    public double Seconds(CampaignJob job, int processes)
    {
        var (c, p) = job.IsCoreHole ? _coreHole : _groundState;
        return c * Math.Pow(job.Atoms, p) * ProcessFactor(processes) * (job.IsCoreHole ? KPointFactor(_preset) : 1.0);
    }

    /// <summary>Least squares on log(wall) = log c + p log(atoms); the exponent only when sizes differ by 1.5x or more.</summary>
    static (double C, double P) Fit(IEnumerable<(double Atoms, double Seconds)> samples, (double C, double P) prior)
    {
        var points = samples.Where(s => s.Atoms > 0 && s.Seconds > 0).Select(s => (X: Math.Log(s.Atoms), Y: Math.Log(s.Seconds))).ToList();
        if (points.Count == 0) return prior;
        var p = prior.P;
        if (points.Max(q => q.X) - points.Min(q => q.X) > Math.Log(1.5) && points.Count >= 3)
        {
            double mx = points.Average(q => q.X), my = points.Average(q => q.Y);
            var slope = points.Sum(q => (q.X - mx) * (q.Y - my)) / points.Sum(q => (q.X - mx) * (q.X - mx));
            p = Math.Clamp(slope, 1.0, 3.5);
        }
        return (Math.Exp(points.Average(q => q.Y - p * q.X)), p);
    }
}
