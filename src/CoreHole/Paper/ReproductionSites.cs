using CoreHole.Datasets;
using CoreHole.Simulation;

namespace CoreHole.Paper;

/// <summary>
/// The finished sites of the campaigns sorted into the sets of <see cref="MaterialSets"/>: the paper's three
/// (crystalline SiO2, amorphous SiO2 from the amorphous folder's structures, the transfer oxides of Fig. 4 and Supp.
/// Fig. 3) and every other oxide (<see cref="OtherOxides"/>, the oxide campaign's compounds), which the
/// leave-one-compound-out transfer holds out one formula at a time. <see cref="Notes"/> says what each folder gave.
/// <see cref="AmorphousCells"/> are the check files (<c>corehole amorphous</c>'s CELL.json beside each CELL.rdf.csv) of the
/// amorphous cells the campaigns have planned, for the report's structure section.
/// </summary>
public sealed record ReproductionSites(
    string Description, IReadOnlyList<SiteRecord> Crystalline, IReadOnlyList<SiteRecord> Amorphous, IReadOnlyList<SiteRecord> Oxides,
    IReadOnlyList<string> Notes, IReadOnlyList<string>? AmorphousCells = null, IReadOnlyList<SiteRecord>? OtherOxides = null)
{
    /// <summary>Fig. 4's oxides in the paper's panel order, then Supp. Fig. 3's SrTiO3: campaign material names.</summary>
    public static IReadOnlyList<string> TransferOxides => MaterialSets.TransferOxides;
    public const string SrTiO3 = "SrTiO3";

    /// <summary>The finished sites of one or more campaign folders (a silica campaign and an oxide campaign, say).</summary>
    public static ReproductionSites FromCampaigns(IReadOnlyList<string> campaignFolders, string amorphousFolder)
    {
        if (campaignFolders.Count == 0) throw new InputError("name at least one campaign folder");
        var sites = new List<SiteRecord>();
        var notes = new List<string>();
        var cells = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in campaignFolders)
        {
            var campaign = Campaign.Open(folder);
            var reading = CampaignSource.Read(folder, amorphousFolder);
            sites.AddRange(reading.Sites);
            notes.Add($"{reading.Sites.Count} O sites finished in {folder}, {reading.Skipped.Count} planned sites not finished yet");
            cells.UnionWith(campaign.Materials().Where(p => MaterialSets.Of(p, amorphousFolder) == MaterialSets.Amorphous)
                .Select(p => MaterialSets.AmorphousCellFile(p, amorphousFolder, ".json")).Where(File.Exists));
        }
        var bySet = sites.ToLookup(s => s.Origin!.Set);
        return new ReproductionSites($"the DFT campaign{(campaignFolders.Count > 1 ? "s" : "")} in {string.Join(" and ", campaignFolders)} (amorphous cells from {amorphousFolder})",
            [.. bySet[MaterialSets.Crystalline]], [.. bySet[MaterialSets.Amorphous]], [.. bySet[MaterialSets.Transfer]], notes, [.. cells],
            [.. bySet[MaterialSets.Oxides]]);
    }

    /// <summary>One line per set: its finished sites, the structures (materials) they come from, and the wall time spent on them.</summary>
    public IReadOnlyList<SetSummary> Summary() =>
    [
        SetSummary.Of(MaterialSets.Crystalline, Crystalline),
        SetSummary.Of(MaterialSets.Amorphous, Amorphous),
        SetSummary.Of(MaterialSets.Transfer, Oxides),
        SetSummary.Of(MaterialSets.Oxides, OtherOxides ?? []),
    ];

    /// <summary>
    /// Made-up sites (<see cref="SyntheticSites"/>) in all four sets, with made-up wall times and formulas (the other
    /// oxides include polymorphs and a transfer oxide's formula, as the oxide campaign does), so that every part of the
    /// report can be produced and looked at without DFT. Nothing in it is a result.
    /// </summary>
    public static ReproductionSites Synthetic(int crystalline, int amorphous, int seed)
    {
        string[] transferFormulas = ["Al2O3", "MgO", "Li2O", "GeO2", "SrTiO3"], otherFormulas = ["MgO", "MgO", "TiO2", "TiO2", "BaO"];
        IEnumerable<SiteRecord> Renamed(int seed, IReadOnlyList<string> names) => SyntheticSites.Make(3 * names.Count, seed)
            .GroupBy(s => s.Material).Take(names.Count).SelectMany((g, i) => g.Select(s => s with { Material = names[i] }));
        var oxides = Renamed(seed + 2, TransferOxides);
        var others = Renamed(seed + 3, [.. otherFormulas.Select((f, i) => $"{f}-s{i}")]);
        return new ReproductionSites("synthetic sites (made up, with made-up wall times: no number here is a result)",
            Timed(SyntheticSites.Make(crystalline, seed), MaterialSets.Crystalline, _ => "SiO2"),
            Timed(SyntheticSites.Make(amorphous, seed + 1).Select(s => s with { Material = "a-" + s.Material }), MaterialSets.Amorphous, _ => "SiO2"),
            Timed(oxides, MaterialSets.Transfer, s => transferFormulas[TransferOxides.ToList().IndexOf(s.Material)]), ["synthetic data: for trying and testing the pipeline"],
            OtherOxides: Timed(others, MaterialSets.Oxides, s => s.Material[..s.Material.IndexOf('-')]));
    }

    static SiteRecord[] Timed(IEnumerable<SiteRecord> sites, string set, Func<SiteRecord, string> formula) =>
        [.. sites.Select((s, i) => s with
        {
            Provenance = s.Provenance with { GroundStateWallSeconds = 120 + i % 7 * 30, CoreHoleWallSeconds = 3000 + i % 5 * 900 },
            Origin = new SiteOrigin(set, formula(s), "synthetic", 10),
        })];
}

/// <summary>
/// A set's finished sites, from how many structures, and their DFT wall time: every core-hole run plus each
/// structure's ground state once (a site record repeats its material's ground-state time).
/// </summary>
public sealed record SetSummary(string Set, int Sites, int Structures, double CoreHoleHours, double GroundStateHours)
{
    public static SetSummary Of(string set, IReadOnlyList<SiteRecord> sites) => new(set, sites.Count,
        sites.Select(s => s.Material).Distinct().Count(),
        sites.Sum(s => s.Provenance.CoreHoleWallSeconds) / 3600,
        sites.GroupBy(s => s.Material).Sum(g => g.First().Provenance.GroundStateWallSeconds) / 3600);
}
