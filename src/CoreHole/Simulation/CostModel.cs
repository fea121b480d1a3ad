namespace CoreHole.Simulation;

/// <summary>
/// Wall-time estimates for campaign jobs, a power law per stage kind: a core-hole site costs c * atoms^p; a ground
/// state, whose nscf dominates, c * volume^p * kpoints^q (the bands to CBM + 20 eV and the plane waves both grow with the
/// volume, and each irreducible k-point repeats the work). Starts from the pilot's measurements (72-atom SiO2 core hole:
/// 210 s on 2 processes; alpha-quartz's ground state: 60 s) with exponents measured on this project's campaign, and
/// refits to what this machine measured once stages finish: c always, an exponent once its variable spans 1.5x over 3
/// or more stages. A core-hole k mesh multiplies a site's cost, so measured sites are scaled to one k-point and
/// estimates to the campaign's mesh.
/// </summary>
/// <remarks>
/// <c>corehole status</c> prints each kind's leave-one-out accuracy (<see cref="LeaveOneOut"/>). On the 28 ground
/// states of data/campaign (2026-11-29), a law in atoms alone was within a factor 2.1 (rms of log), the large frameworks
/// up to 2.5x low (ATN: 16 min for 40); volume and k-points within 1.44.
/// </remarks>
public sealed class CostModel
{
    readonly PowerLaw _coreHole;
    readonly PowerLaw _groundState;
    readonly Preset _preset;

    static readonly PowerLaw CoreHolePrior = PowerLaw.Through(210.0, [72], [2.3]);
    /// <summary>alpha-quartz: 113 Å³, 19 irreducible k-points on the 24 Å mesh.</summary>
    static readonly PowerLaw GroundStatePrior = PowerLaw.Through(60.0, [113, 19], [1.6, 0.75]);
    static readonly (double Min, double Max)[] CoreHoleExponents = [(1.0, 3.5)];
    static readonly (double Min, double Max)[] GroundStateExponents = [(0.5, 3.5), (0.3, 1.5)];

    /// <summary>Two MPI processes ran the pilot; one process takes about 1.7x as long (measured: scf 3:16 vs 1:47).</summary>
    static double ProcessFactor(int processes) => processes >= 2 ? 1.0 : 1.7;

    /// <summary>
    /// An n x n x n core-hole mesh holds about n³/2 k-points once time reversal pairs them, each costing a Γ run
    /// (sodalite's 36-atom site: 2x2x2, 6 k-points after symmetry, took 4.4x its Γ run).
    /// </summary>
    static double KPointFactor(Preset preset) => Math.Max(1.0, Math.Pow(preset.CoreHoleKGrid, 3) / 2);

    static double[] CoreHoleSize(CampaignJob job) => [job.Atoms];
    static double[] GroundStateSize(CampaignJob job) => [job.Volume, job.KPoints];

    /// <param name="finished">Jobs this campaign (or any run on this machine) finished, with their records.</param>
    /// <param name="preset">The settings of the jobs to estimate.</param>
    public CostModel(IEnumerable<FinishedJob> finished, Preset preset)
    {
        _preset = preset;
        var done = finished.ToList();
        _coreHole = PowerLaw.Fit(done.Where(f => f.Job.IsCoreHole)
            .Select(f => (CoreHoleSize(f.Job), f.Record.WallSeconds / ProcessFactor(f.Record.Processes) / KPointFactor(f.Record.Settings))),
            CoreHolePrior, CoreHoleExponents);
        _groundState = PowerLaw.Fit(done.Where(f => !f.Job.IsCoreHole)
            .Select(f => (GroundStateSize(f.Job), f.Record.WallSeconds / ProcessFactor(f.Record.Processes))),
            GroundStatePrior, GroundStateExponents);
    }

    public double Seconds(CampaignJob job, int processes) => ProcessFactor(processes) * (job.IsCoreHole
        ? _coreHole.At(CoreHoleSize(job)) * KPointFactor(_preset)
        : _groundState.At(GroundStateSize(job)));

    /// <summary>
    /// How well the model predicts this machine: each finished job of one kind estimated from all the other finished
    /// jobs (leave-one-out) with its own settings and process count, compared with its measured wall time. Null with
    /// fewer than two such jobs.
    /// </summary>
    public static CostAccuracy? LeaveOneOut(IReadOnlyList<FinishedJob> finished, bool coreHole)
    {
        var ofKind = finished.Where(f => f.Job.IsCoreHole == coreHole && f.Record.WallSeconds > 0).ToList();
        if (ofKind.Count < 2) return null;
        var errors = ofKind.Select(f => (f.Job, LogRatio: Math.Log(
            new CostModel(finished.Where(other => !ReferenceEquals(other, f)), f.Record.Settings).Seconds(f.Job, f.Record.Processes)
            / f.Record.WallSeconds))).ToList();
        var worst = errors.MaxBy(e => Math.Abs(e.LogRatio));
        return new CostAccuracy(ofKind.Count, Math.Exp(Math.Sqrt(errors.Average(e => e.LogRatio * e.LogRatio))), worst.Job, Math.Exp(worst.LogRatio));
    }

    /// <summary>seconds = C * Π size_i ^ Exponents_i.</summary>
    sealed record PowerLaw(double C, double[] Exponents)
    {
        public double At(double[] size) => C * size.Select((x, i) => Math.Pow(x, Exponents[i])).Aggregate(1.0, (a, b) => a * b);

        public static PowerLaw Through(double seconds, double[] size, double[] exponents)
        {
            var unit = new PowerLaw(1.0, exponents);
            return unit with { C = seconds / unit.At(size) };
        }

        /// <summary>
        /// Least squares in logs. An exponent is fitted only when its variable spans 1.5x over 3 or more samples, and
        /// when two such variables move together so that the data cannot tell them apart, only the wider-spread one;
        /// the others keep the prior's. Exponents are clamped to physical ranges, then c fits the mean.
        /// </summary>
        public static PowerLaw Fit(IEnumerable<(double[] Size, double Seconds)> samples, PowerLaw prior, (double Min, double Max)[] ranges)
        {
            var points = samples.Where(s => s.Seconds > 0 && s.Size.All(x => x > 0))
                .Select(s => (X: s.Size.Select(x => Math.Log(x)).ToArray(), Y: Math.Log(s.Seconds))).ToList();
            if (points.Count == 0) return prior;
            var dimensions = prior.Exponents.Length;
            double Spread(int i) => points.Max(p => p.X[i]) - points.Min(p => p.X[i]);
            var free = Enumerable.Range(0, dimensions).Where(i => points.Count >= 3 && Spread(i) > Math.Log(1.5))
                .OrderByDescending(Spread).ToList();
            var exponents = (double[])prior.Exponents.Clone();
            double[]? solved = null;
            while (free.Count > 0 && (solved = Regress(points, free, exponents)) is null) free.RemoveAt(free.Count - 1);
            for (var k = 0; k < free.Count; k++)
                exponents[free[k]] = Math.Clamp(solved![k], ranges[free[k]].Min, ranges[free[k]].Max);
            var logC = points.Average(p => p.Y - p.X.Select((x, i) => exponents[i] * x).Sum());
            return new PowerLaw(Math.Exp(logC), exponents);
        }

        /// <summary>The free exponents' least-squares values with the others fixed; null when the normal equations are singular.</summary>
        static double[]? Regress(List<(double[] X, double Y)> points, List<int> free, double[] fixedExponents)
        {
            // Residual of the fixed part, then centre: the intercept drops out.
            var ys = points.Select(p => p.Y - Enumerable.Range(0, p.X.Length).Where(i => !free.Contains(i)).Sum(i => fixedExponents[i] * p.X[i])).ToArray();
            var xs = points.Select(p => free.Select(i => p.X[i]).ToArray()).ToArray();
            var n = free.Count;
            var meanY = ys.Average();
            var meanX = Enumerable.Range(0, n).Select(j => xs.Average(x => x[j])).ToArray();
            var a = new double[n, n];
            var b = new double[n];
            for (var s = 0; s < points.Count; s++)
                for (var j = 0; j < n; j++)
                {
                    b[j] += (xs[s][j] - meanX[j]) * (ys[s] - meanY);
                    for (var k = 0; k < n; k++) a[j, k] += (xs[s][j] - meanX[j]) * (xs[s][k] - meanX[k]);
                }
            return Solve(a, b);
        }

        /// <summary>
        /// Solves the normal equations (a covariance matrix: symmetric, positive semi-definite, so elimination needs
        /// no pivoting); null when a variable keeps under 1% of its variance once the ones before it explain what they
        /// can (|correlation| above 0.995): its exponent would be noise.
        /// </summary>
        static double[]? Solve(double[,] a, double[] b)
        {
            var n = b.Length;
            var variance = Enumerable.Range(0, n).Select(i => a[i, i]).ToArray();
            for (var col = 0; col < n; col++)
            {
                if (a[col, col] <= 1e-2 * variance[col]) return null;
                for (var r = col + 1; r < n; r++)
                {
                    var f = a[r, col] / a[col, col];
                    for (var k = col; k < n; k++) a[r, k] -= f * a[col, k];
                    b[r] -= f * b[col];
                }
            }
            var x = new double[n];
            for (var r = n - 1; r >= 0; r--)
                x[r] = (b[r] - Enumerable.Range(r + 1, n - r - 1).Sum(k => a[r, k] * x[k])) / a[r, r];
            return x;
        }
    }
}

/// <summary>Leave-one-out accuracy of <see cref="CostModel"/> on one kind of finished job.</summary>
/// <param name="RmsFactor">exp(rms of log(estimate / measured)): 1.4 means estimates typically within a factor 1.4.</param>
/// <param name="WorstRatio">estimate / measured for the job furthest off (below 1: it took longer than estimated).</param>
public sealed record CostAccuracy(int Jobs, double RmsFactor, CampaignJob Worst, double WorstRatio);
