using CoreHole.Formats;
using CoreHole.Spectra;

namespace CoreHole.Datasets;

/// <summary>What reading a source gave: the finished sites, and the sites it left out with the reason.</summary>
public sealed record SourceReading(IReadOnlyList<SiteRecord> Sites, IReadOnlyList<string> Skipped);

/// <summary>
/// Reads O sites from DFT output: a <c>corehole simulate</c> campaign folder (it has campaign.json) or a manifest CSV
/// (<see cref="ManifestSource"/>) naming each site's files, for any other layout.
/// </summary>
public static class SiteSources
{
    /// <param name="amorphousFolder">For a campaign folder: where its amorphous cells' structures are (<see cref="MaterialSets"/>).</param>
    public static SourceReading Read(string path, string amorphousFolder = MaterialSets.DefaultAmorphousFolder) =>
        Directory.Exists(path) ? CampaignSource.Read(path, amorphousFolder)
        : File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ManifestSource.Read(path)
        : throw new InputError(path, null, "not a source of sites: give a campaign folder (with campaign.json) or a manifest .csv");

    /// <summary>The main curve of a PDOS file (projwfc: its ldos).</summary>
    public static Curve Pdos(string path) => MainCurve(SpectrumFiles.Read(path));

    /// <summary>
    /// The main curve of a spectrum file (the isotropic average of an xanes_avg file) and its threshold: the given one,
    /// else whatever the file states, else the labelled onset fallback.
    /// </summary>
    public static (Curve Curve, Threshold Threshold) Spectrum(string path, Threshold? threshold)
    {
        var file = SpectrumFiles.Read(path, known: threshold);
        return (MainCurve(file), threshold ?? file.Threshold
            ?? throw new InputError(path, null, $"{file.NoThresholdReason ?? Threshold.NoOnset}: give the core-hole run's pw.x output"));
    }

    /// <summary>The spectrum threshold a core-hole pw.x output gives: LUMO − HOMO above XSpectra's zero, or null if it printed no LUMO.</summary>
    public static Threshold? CoreHoleThreshold(PwOutput coreHole) =>
        coreHole.LowestUnoccupied - coreHole.HighestOccupied is { } t
            ? new Threshold(t, $"LUMO - HOMO of the core-hole run ({Path.GetFileName(coreHole.Path)})")
            : null;

    static Curve MainCurve(SpectrumFile file) =>
        file.Curves.Count > 0 ? file.Curves[0].Curve : throw new InputError(file.Path, null, $"a {file.Format} file with no curve");
}
