using System.Globalization;
using System.Text;
using System.Text.Json;
using CoreHole.Datasets;
using CoreHole.Plotting;
using CoreHole.Simulation;
using CoreHole.Spectra;

namespace CoreHole.Prediction;

/// <summary>
/// What <c>corehole predict STRUCTURE</c> writes: per site <c>SITE.csv</c> (energy, mean, σ, mean ± σ) and
/// <c>SITE.png</c> (the spectrum with its ±1σ band); <c>material.csv</c> and <c>material.png</c>, the
/// multiplicity-weighted spectrum; <c>overlay.png</c>, every site and the material; <c>summary.json</c>.
/// Every CSV says in its '#' header what its energies, threshold and normalisation are.
/// </summary>
public static class PredictionFiles
{
    public const string Summary = "summary.json", Material = "material", Overlay = "overlay.png";

    public static void Write(string folder, MaterialPrediction prediction)
    {
        Directory.CreateDirectory(folder);
        foreach (var site in prediction.Sites)
        {
            var what = $"site {site.Site.Label} of {prediction.GroundState.Material} (atom {site.Site.Atom + 1}, multiplicity {site.Site.Multiplicity})";
            Atomic.WriteAllText(Path.Combine(folder, site.Site.Label + ".csv"), Csv(prediction, what, site.Mean, site.Spread, DomainLine(site.Domain)));
            Plot(Path.Combine(folder, site.Site.Label + ".png"), prediction, $"{prediction.GroundState.Material} {site.Site.Label}" + (site.Domain.Flagged ? " (out of distribution)" : ""),
                [(site.Site.Label, site.Mean, site.Spread)]);
        }
        var weights = string.Join(", ", prediction.Sites.Select(s => $"{s.Site.Label} x{s.Site.Multiplicity}"));
        Atomic.WriteAllText(Path.Combine(folder, Material + ".csv"), Csv(prediction,
            $"{prediction.GroundState.Material}, the multiplicity-weighted mean of its O sites ({weights}): what a powder measurement sees", prediction.Mean, prediction.Spread,
            $"# sigma: the weighted mean of the sites' (taken as fully correlated); {prediction.Sites.Count(s => s.Domain.Flagged)} of {prediction.Sites.Count} sites out of distribution\n"));
        Plot(Path.Combine(folder, Material + ".png"), prediction, $"{prediction.GroundState.Material}: material spectrum", [("material", prediction.Mean, prediction.Spread)]);
        Plot(Path.Combine(folder, Overlay), prediction, $"{prediction.GroundState.Material}: O sites and material (multiplicity-weighted)",
            [.. prediction.Sites.Select(s => ($"{s.Site.Label} (x{s.Site.Multiplicity})", s.Mean, (Curve?)null)), ("material", prediction.Mean, prediction.Spread)]);
        Atomic.WriteAllText(Path.Combine(folder, Summary), JsonSerializer.Serialize(SummaryOf(prediction), PlanFile.Options));
    }

    static string DomainLine(Evaluation.OutOfDistribution.Score score) => string.Create(CultureInfo.InvariantCulture,
        $"# out of distribution: {(score.Flagged ? "YES" : "no")} (distance to the nearest training input {score.Distance:0.00} of the training domain's edge{(score.Spread is { } spread ? $", mean spread {spread:0.00} of the held-out sites' 95th percentile" : "")}; each flagged above 1)\n");

    static string Csv(MaterialPrediction prediction, string what, Curve mean, Curve spread, string extra)
    {
        var f = prediction.Model.Featurizer;
        var g = prediction.GroundState;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# CoreHole predicted O K edge of {what}\n")
            .Append("# energy_ev: relative to the spectrum threshold, the first unoccupied level of the core-hole system (0 eV), every 0.1 eV\n")
            .Append(CultureInfo.InvariantCulture, $"# intensity: normalised as {f.TargetNormalization} (area:A:B is unit area over A to B eV), times {f.IntensityScale}; Gaussian broadening sigma {f.SigmaEv} eV; sigma: the model's one-standard-deviation spread\n")
            .Append(CultureInfo.InvariantCulture, $"# model: {Path.GetFullPath(prediction.Model.Path)} ({prediction.Model.Model.Kind}, {prediction.Model.Variant.Name()} input)\n")
            .Append(CultureInfo.InvariantCulture, $"# ground state: {g.Source} ({g.Recipe}; VBM {g.Edges.Vbm:0.####} eV, CBM {g.Edges.Cbm:0.####} eV, gap {g.Edges.Gap:0.###} eV)\n")
            .Append(prediction.Chemistry is { } c ? $"# {c.Verdict}\n" : "")
            .Append(extra)
            .Append("energy_ev,mean,sigma,lower_1sigma,upper_1sigma\n");
        for (int i = 0; i < mean.Count; i++)
        {
            var (m, s) = (mean.Intensities[i], spread.Intensities[i]);
            text.Append(CultureInfo.InvariantCulture, $"{mean.Energies[i]:0.0},{m:0.000000},{s:0.000000},{m - s:0.000000},{m + s:0.000000}\n");
        }
        return text.ToString();
    }

    static void Plot(string path, MaterialPrediction prediction, string title, IReadOnlyList<(string Label, Curve Mean, Curve? Spread)> curves)
    {
        var f = prediction.Model.Featurizer;
        Curve Shifted(Curve mean, Curve spread, int sign) =>
            new(mean.Energies, Enumerable.Range(0, mean.Count).Select(i => mean.Intensities[i] + sign * spread.Intensities[i]).ToArray());
        Plots.Save(path, new PlotFigure("Energy above the threshold (eV)", $"Predicted intensity ({f.TargetNormalization} x{f.IntensityScale})", title)
        {
            Curves = [.. curves.Select(c => new PlotSeries(c.Label, c.Mean, c.Label == "material" && curves.Count > 1 ? "#000000" : null))],
            Bands = [.. curves.Where(c => c.Spread is not null).Select(c => new PlotBand($"{c.Label} ±1σ", Shifted(c.Mean, c.Spread!, -1), Shifted(c.Mean, c.Spread!, +1)))],
        });
    }

    static object SummaryOf(MaterialPrediction p)
    {
        var f = p.Model.Featurizer;
        var g = p.GroundState;
        return new
        {
            Material = g.Material,
            Model = new { Path = Path.GetFullPath(p.Model.Path), p.Model.Model.Kind, Input = p.Model.Variant.Name() },
            GroundState = new
            {
                g.Source, g.Recipe, VbmEv = g.Edges.Vbm, CbmEv = g.Edges.Cbm, BandGapEv = g.Edges.Gap,
                g.WallSeconds, g.Processes, g.Reused,
            },
            Spectra = new
            {
                EnergyEv = "relative to the spectrum threshold (first unoccupied level of the core-hole system), -1 to 15 eV every 0.1 eV",
                Intensity = $"{f.TargetNormalization} x{f.IntensityScale}, Gaussian sigma {f.SigmaEv} eV",
                Spread = "one standard deviation of the model",
            },
            Sites = p.Sites.Select(s => new
            {
                s.Site.Label, Atom = s.Site.Atom + 1, s.Site.Multiplicity, Pdos = s.Site.PdosPath,
                OutOfDistribution = s.Domain.Flagged, DomainDistance = Math.Round(s.Domain.Distance, 4), SpreadScore = s.Domain.Spread is { } spread ? Math.Round(spread, 4) : (double?)null,
                MeanSigma = Math.Round(Evaluation.OutOfDistribution.MeanOf([.. s.Spread.Intensities.ToArray().Select(v => (float)v)]), 5),
                Csv = s.Site.Label + ".csv", Png = s.Site.Label + ".png",
            }),
            MaterialSpectrum = new { Weights = "multiplicity", Csv = Material + ".csv", Png = Material + ".png", Overlay },
            Chemistry = p.Chemistry is { } c ? new
            {
                OutsideTraining = c.Flagged, c.UnseenElements, c.BandGapOutside,
                TrainingBandGapEv = new[] { c.MinBandGapEv, c.MaxBandGapEv }, Description = c.Describe(),
            } : null,
            p.PredictSeconds,
        };
    }
}
