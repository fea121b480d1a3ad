using CoreHole.Spectra;

namespace CoreHole.Datasets;

/// <summary>
/// Made-up sites with a known, learnable PDOS → spectrum relation, for tests, benchmarks and trying the pipeline without
/// DFT. Each material has a gap and 1–3 O sites; each site's conduction-band PDOS is 3–5 Gaussian peaks above the CBM
/// and its spectrum has the same peaks pulled towards the threshold as a core hole does (lower peaks and larger gaps
/// shift more) and enhanced near the edge. Curves are sampled every 0.05 eV on absolute (PDOS) and XSpectra-like
/// (spectrum: zero at a HOMO below the threshold) scales, so they go through the same preprocessing as real data.
/// </summary>
public static class SyntheticSites
{
    const double Step = 0.05;

    public static IReadOnlyList<SiteRecord> Make(int sites, int seed)
    {
        if (sites < 1) throw new InputError($"ask for at least one synthetic site, not {sites}");
        var random = new SeededRandom(seed);
        double Uniform(double low, double high) => random.NextFloat((float)low, (float)high);
        var records = new List<SiteRecord>();
        for (int material = 0; records.Count < sites; material++)
        {
            double vbm = Uniform(-2, 4), gap = Uniform(2, 8.5);
            int siteCount = Math.Min(1 + random.NextInt(3), sites - records.Count);
            for (int s = 0; s < siteCount; s++)
            {
                var peaks = Enumerable.Range(0, 3 + random.NextInt(3))
                    .Select(_ => (Position: Uniform(0.3, 14), Width: Uniform(0.3, 1.2), Height: Uniform(0.2, 1.5))).ToArray();
                var valence = Enumerable.Range(0, 3)
                    .Select(_ => (Position: Uniform(-7, -0.3), Width: Uniform(0.4, 1.5), Height: Uniform(0.5, 2))).Append((-18, 0.6, 1.0)).ToArray();
                double threshold = Uniform(0.5, 3);
                var pdos = Sampled(vbm - 25, vbm + gap + 25, e => Peaks(e - vbm, valence) + Peaks(e - vbm - gap, peaks));
                var shifted = peaks.Select(p => (Position: p.Position - 1.2 * Math.Exp(-p.Position / 5) * gap / 5,
                    Width: 1.2 * p.Width, Height: p.Height * (1 + 0.8 * Math.Exp(-p.Position / 3)))).ToArray();
                var spectrum = Sampled(-10, 30, e => e < threshold - 0.5 ? 0 : Peaks(e - threshold, shifted));
                records.Add(new SiteRecord($"synthetic-{material:D4}", $"O{s + 1}", 1 + random.NextInt(4), pdos,
                    new BandEdges(vbm, vbm + gap, "synthetic: by construction"), spectrum,
                    new Threshold(threshold, "synthetic: by construction"),
                    new SiteProvenance("synthetic", "1", $"SyntheticSites seed {seed}", 0, 0, "synthetic")));
            }
        }
        return records;
    }

    static double Peaks(double energy, IEnumerable<(double Position, double Width, double Height)> peaks) =>
        peaks.Sum(p => p.Height * Math.Exp(-0.5 * Math.Pow((energy - p.Position) / p.Width, 2)));

    static Curve Sampled(double from, double to, Func<double, double> intensity)
    {
        var grid = new EnergyGrid(from, Step, (int)((to - from) / Step) + 1);
        var energies = grid.ToArray();
        return new Curve(energies, Array.ConvertAll(energies, e => intensity(e)));
    }
}
