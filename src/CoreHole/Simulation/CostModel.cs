namespace CoreHole.Simulation;

/// <summary>
/// Wall-time estimates for campaign jobs, sized by what a plane-wave code works on: bands (valence electrons, semicore
/// states included, as the engine counts them: <see cref="CampaignJob.Electrons"/>) and k-points. A core-hole site costs
/// c * electrons^p, its supercell's valence electrons. A ground state, whose nscf dominates, costs
/// kpoints * a * (bands + r * bands³): each irreducible k-point repeats one diagonalisation of the occupied bands (half
/// the valence electrons) and the empty ones to CBM + 20 eV (which grow with the volume: <see cref="BandCount"/>), whose
/// plane waves grow with the volume too, so that orthogonalising the bands grows as the cube and takes over from the
/// per-band work in large cells. Starts from the pilot's measurements (72-atom SiO2 core hole, 384 electrons: 210 s on
/// 2 processes; alpha-quartz's ground state: 60 s) with a shape measured on this project's campaign, and refits to
/// what this machine measured once stages finish: the scale always, the shape (p; r) once its variable spans 1.5x over
/// 3 or more stages. A core-hole k mesh multiplies a site's cost, so measured sites are scaled to one k-point and
/// estimates to the campaign's mesh.
/// </summary>
/// <remarks>
/// <c>corehole status</c> prints each kind's leave-one-out accuracy (<see cref="LeaveOneOut"/>). On the 37 ground
/// states of data/campaign (2026-12-04), powers of volume and k-points were within a factor 1.59 (rms of log) but put
/// the 48-atom frameworks (AFY, AFN: 2.2-2.3 h) at 56-58 min, so that the campaign ran them as cheap; the cubic term
/// puts the 37 within 1.41 and the longest, AFY, at 0.92x. In silica electrons and atoms are proportional, so counting
/// electrons changes little there; it is for the oxides whose cations carry semicore shells (Ge 3d, Sr 4s4p, Ba 5s5p, ...).
/// </remarks>
public sealed class CostModel
{
    readonly PowerLaw _coreHole;
    readonly GroundStateLaw _groundState;
    readonly Preset _preset;

    /// <summary>The pilot's 72-atom SiO2 supercell: 24 Si and 48 O, 4 and 6 valence electrons each.</summary>
    static readonly PowerLaw CoreHolePrior = PowerLaw.Through(210.0, 384, 2.3);
    /// <summary>
    /// alpha-quartz: 48 valence electrons in 113 Å³, 19 irreducible k-points on the 24 Å mesh; r from the 35 crystal
    /// ground states of data/campaign (2026-12-04), whose volume law had its cubic term equal the linear one at 158 Å³.
    /// </summary>
    static readonly GroundStateLaw GroundStatePrior = GroundStateLaw.Through(60.0, QuartzBands(113), 19, 1 / Math.Pow(QuartzBands(158), 2));

    /// <summary>The bands of a cell of quartz's density (24 occupied in 113 Å³) and the given volume.</summary>
    static double QuartzBands(double volume) => 24 * volume / 113 + BandCount.EmptyToReach(volume, Preset.Fast.PdosReach);
    static readonly (double Min, double Max) CoreHoleExponent = (1.0, 3.5);

    /// <summary>Two MPI processes ran the pilot; one process takes about 1.7x as long (measured: scf 3:16 vs 1:47).</summary>
    static double ProcessFactor(int processes) => processes >= 2 ? 1.0 : 1.7;

    /// <summary>
    /// An n x n x n core-hole mesh holds about n³/2 k-points once time reversal pairs them, each costing a Γ run
    /// (sodalite's 36-atom site: 2x2x2, 6 k-points after symmetry, took 4.4x its Γ run).
    /// </summary>
    static double KPointFactor(Preset preset) => Math.Max(1.0, Math.Pow(preset.CoreHoleKGrid, 3) / 2);

    /// <param name="finished">Jobs this campaign (or any run on this machine) finished, with their records.</param>
    /// <param name="preset">The settings of the jobs to estimate.</param>
    public CostModel(IEnumerable<FinishedJob> finished, Preset preset)
    {
        _preset = preset;
        var done = finished.Select(f => f with { Job = Counted(f.Job) }).ToList();
        _coreHole = PowerLaw.Fit(done.Where(f => f.Job.IsCoreHole)
            .Select(f => (f.Job.Electrons, f.Record.WallSeconds / ProcessFactor(f.Record.Processes) / KPointFactor(f.Record.Settings))),
            CoreHolePrior, CoreHoleExponent);
        _groundState = GroundStateLaw.Fit(done.Where(f => !f.Job.IsCoreHole)
            .Select(f => (Bands(f.Job, f.Record.Settings), f.Job.KPoints, f.Record.WallSeconds / ProcessFactor(f.Record.Processes))),
            GroundStatePrior);
    }

    public double Seconds(CampaignJob job, int processes) => Counted(job).IsCoreHole
        ? ProcessFactor(processes) * _coreHole.At(job.Electrons) * KPointFactor(_preset)
        : ProcessFactor(processes) * _groundState.At(Bands(job, _preset), job.KPoints);

    /// <summary>Sizes come from electron counts: a job without one (a campaign opened only to read results) cannot be costed.</summary>
    static CampaignJob Counted(CampaignJob job) => job.Electrons > 0 ? job
        : throw new ArgumentException($"{job} has no electron count: open its campaign with the engine's ValenceElectrons", nameof(job));

    /// <summary>A ground state's nscf bands as it first sizes them: the occupied ones and the empty ones to the PDOS reach.</summary>
    static double Bands(CampaignJob job, Preset preset) => job.Electrons / 2 + BandCount.EmptyToReach(job.Volume, preset.PdosReach);

    /// <summary>
    /// How well the model predicts this machine: each finished job of one kind estimated from all the other finished
    /// jobs (leave-one-out) with its own settings and process count, compared with its measured wall time. Null with
    /// fewer than two such jobs.
    /// </summary>
    public static CostAccuracy? LeaveOneOut(IReadOnlyList<FinishedJob> finished, bool coreHole)
    {
        var ofKind = finished.Where(f => f.Job.IsCoreHole == coreHole && f.Record.WallSeconds > 0).ToList();
        if (ofKind.Count < 2) return null;
        var errors = ofKind.Select(f => (f.Job, f.Record.WallSeconds, LogRatio: Math.Log(
            new CostModel(finished.Where(other => !ReferenceEquals(other, f)), f.Record.Settings).Seconds(f.Job, f.Record.Processes)
            / f.Record.WallSeconds))).ToList();
        var worst = errors.MaxBy(e => Math.Abs(e.LogRatio));
        var longest = errors.MaxBy(e => e.WallSeconds);
        return new CostAccuracy(ofKind.Count, Math.Exp(Math.Sqrt(errors.Average(e => e.LogRatio * e.LogRatio))), worst.Job, Math.Exp(worst.LogRatio),
            longest.Job, longest.WallSeconds, Math.Exp(longest.LogRatio));
    }

    /// <summary>Whether measurements span enough of a variable to fit a shape to it rather than keep the prior's.</summary>
    static bool Spans(IReadOnlyCollection<double> values) => values.Count >= 3 && values.Max() > 1.5 * values.Min();

    /// <summary>seconds = C * size^Exponent.</summary>
    sealed record PowerLaw(double C, double Exponent)
    {
        public double At(double size) => C * Math.Pow(size, Exponent);

        public static PowerLaw Through(double seconds, double size, double exponent) => new(seconds / Math.Pow(size, exponent), exponent);

        /// <summary>Least squares in logs; the exponent clamped to a physical range, and kept from the prior unless <see cref="Spans"/>.</summary>
        public static PowerLaw Fit(IEnumerable<(double Size, double Seconds)> samples, PowerLaw prior, (double Min, double Max) range)
        {
            var measured = samples.Where(s => s.Seconds > 0 && s.Size > 0).ToList();
            if (measured.Count == 0) return prior;
            var points = measured.Select(s => (X: Math.Log(s.Size), Y: Math.Log(s.Seconds))).ToList();
            var exponent = prior.Exponent;
            if (Spans(measured.Select(s => s.Size).ToList()))
            {
                var (meanX, meanY) = (points.Average(p => p.X), points.Average(p => p.Y));
                exponent = Math.Clamp(points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX)), range.Min, range.Max);
            }
            return new PowerLaw(Math.Exp(points.Average(p => p.Y - exponent * p.X)), exponent);
        }
    }

    /// <summary>seconds = kpoints * A * (bands + Ratio * bands³).</summary>
    sealed record GroundStateLaw(double A, double Ratio)
    {
        public double At(double bands, int kPoints) => kPoints * A * Shape(bands, Ratio);

        static double Shape(double bands, double ratio) => bands + ratio * bands * bands * bands;

        public static GroundStateLaw Through(double seconds, double bands, int kPoints, double ratio) => new(seconds / (kPoints * Shape(bands, ratio)), ratio);

        /// <summary>
        /// Least squares in logs: for a ratio r, the scale fits the mean; the ratio minimises the squared residuals, a
        /// one-dimensional search over ln(ratio) (a grid, then golden sections around its best point), and keeps the
        /// prior's unless the band counts <see cref="Spans"/>.
        /// </summary>
        public static GroundStateLaw Fit(IEnumerable<(double Bands, int KPoints, double Seconds)> samples, GroundStateLaw prior)
        {
            var points = samples.Where(s => s.Seconds > 0 && s.Bands > 0 && s.KPoints > 0).ToList();
            if (points.Count == 0) return prior;
            // ln(measured / law at scale 1): its mean is the log of the scale, its spread what the ratio minimises.
            double[] LogScales(double ratio) => points.Select(p => Math.Log(p.Seconds / (p.KPoints * Shape(p.Bands, ratio)))).ToArray();
            double Residual(double logRatio)
            {
                var logScales = LogScales(Math.Exp(logRatio));
                var mean = logScales.Average();
                return logScales.Sum(x => (x - mean) * (x - mean));
            }
            var best = Math.Log(prior.Ratio);
            if (Spans(points.Select(p => p.Bands).ToList()))
            {
                const double lowest = -30, highest = 0, step = 0.25;  // r from 1e-13 (the terms equal at 3e6 bands) to 1 (at 1 band)
                best = Enumerable.Range(0, (int)((highest - lowest) / step) + 1).Select(i => lowest + i * step).MinBy(Residual);
                best = GoldenSection(Residual, Math.Max(lowest, best - step), Math.Min(highest, best + step));
            }
            var ratio = Math.Exp(best);
            return new GroundStateLaw(Math.Exp(LogScales(ratio).Average()), ratio);
        }

        static double GoldenSection(Func<double, double> f, double low, double high)
        {
            var invPhi = (Math.Sqrt(5) - 1) / 2;
            while (high - low > 1e-9)
            {
                var (left, right) = (high - invPhi * (high - low), low + invPhi * (high - low));
                if (f(left) < f(right)) high = right; else low = left;
            }
            return (low + high) / 2;
        }
    }
}

/// <summary>Leave-one-out accuracy of <see cref="CostModel"/> on one kind of finished job.</summary>
/// <param name="RmsFactor">exp(rms of log(estimate / measured)): 1.4 means estimates typically within a factor 1.4.</param>
/// <param name="WorstRatio">estimate / measured for the job furthest off (below 1: it took longer than estimated).</param>
/// <param name="LongestRatio">estimate / measured for the job that took longest: the estimate that most decides when a campaign ends.</param>
public sealed record CostAccuracy(int Jobs, double RmsFactor, CampaignJob Worst, double WorstRatio, CampaignJob Longest, double LongestSeconds, double LongestRatio);
