using CoreHole.Spectra;

namespace CoreHole.Datasets;

/// <summary>
/// Where a site's numbers came from: the DFT code and its version, the numerical settings as text (a campaign's
/// preset as JSON, or what a manifest names), the wall time of the ground-state and core-hole runs, and the folder or
/// manifest line that gave it. Kept in the dataset so that a model can be traced back to its calculations.
/// </summary>
public sealed record SiteProvenance(
    string Code, string CodeVersion, string Settings, double GroundStateWallSeconds, double CoreHoleWallSeconds, string Source);

/// <summary>
/// Where a campaign site stands among the data: its set (<see cref="MaterialSets"/>), its material's reduced formula
/// (polymorphs share it, so a compound can be held out whole), the preset it was computed at and the smallest
/// perpendicular width of its core-hole supercell (Å), which sets how much the core hole sees its own images.
/// </summary>
public sealed record SiteOrigin(string Set, string Formula, string Preset, double SupercellWidth);

/// <summary>
/// One O site as DFT gave it, before any preprocessing: the site's ground-state O-p PDOS on its absolute energy scale,
/// the band edges of that run (the CBM is the PDOS threshold), the isotropic core-hole spectrum on its own scale
/// (XSpectra: relative to the core-hole HOMO) and the spectrum's threshold on that scale.
/// </summary>
/// <param name="Multiplicity">Equivalent O atoms the site stands for in the primitive cell (1 where unknown).</param>
/// <param name="Origin">What the campaign that made the site says of it; null for sites from a manifest or made up.</param>
public sealed record SiteRecord(
    string Material, string Site, int Multiplicity, Curve Pdos, BandEdges Edges, Curve Spectrum, Threshold SpectrumThreshold,
    SiteProvenance Provenance, SiteOrigin? Origin = null)
{
    public string Id => $"{Material}/{Site}";
}
