using CoreHole.Datasets;
using CoreHole.Simulation;

namespace CoreHole.Paper;

/// <summary>
/// The finished sites of a campaign sorted into the paper's three sets: crystalline SiO2 (every material made of Si
/// and O only that does not come from the amorphous folder: the polymorphs and the pure-silica zeolites), amorphous
/// SiO2 (materials whose structure comes from the amorphous folder), and the transfer oxides of Fig. 4 and Supp.
/// Fig. 3. Anything else is left out and said so in <see cref="Notes"/>.
/// <see cref="AmorphousCells"/> are the check files (<c>corehole amorphous</c>'s CELL.json beside each CELL.rdf.csv) of the
/// amorphous cells the campaign has planned, for the report's structure section.
/// </summary>
public sealed record ReproductionSites(
    string Description, IReadOnlyList<SiteRecord> Crystalline, IReadOnlyList<SiteRecord> Amorphous, IReadOnlyList<SiteRecord> Oxides,
    IReadOnlyList<string> Notes, IReadOnlyList<string>? AmorphousCells = null)
{
    /// <summary>Fig. 4's oxides in the paper's panel order, then Supp. Fig. 3's SrTiO3: campaign material names.</summary>
    public static IReadOnlyList<string> TransferOxides { get; } = ["alpha-Al2O3", "MgO", "Li2O", "alpha-GeO2", "SrTiO3"];
    public const string SrTiO3 = "SrTiO3";

    public static ReproductionSites FromCampaign(string campaignFolder, string amorphousFolder)
    {
        var campaign = Campaign.Open(campaignFolder);
        // By file name: a plan keeps its source as simulate was given it, relative to wherever that ran or absolute on
        // that machine, so the path itself says nothing in another clone or working folder.
        string InAmorphousFolder(MaterialPlan p, string extension) =>
            Path.Combine(amorphousFolder, Path.GetFileNameWithoutExtension(p.Source) + extension);
        var setOf = campaign.Materials().ToDictionary(p => p.Name, p =>
            TransferOxides.Contains(p.Name) ? Set.Oxide
            : File.Exists(InAmorphousFolder(p, Path.GetExtension(p.Source))) ? Set.Amorphous
            : p.Primitive.Atoms.All(a => a.Element is "Si" or "O") ? Set.Crystalline
            : Set.Other);
        var reading = CampaignSource.Read(campaignFolder);
        var sites = reading.Sites.ToLookup(s => setOf[s.Material]);
        var notes = new List<string>
        {
            $"{reading.Sites.Count} O sites finished in {campaignFolder}, {reading.Skipped.Count} planned sites not finished yet",
        };
        var others = sites[Set.Other].Select(s => s.Material).Distinct().ToList();
        if (others.Count > 0) notes.Add($"left out (neither SiO2 nor a transfer oxide): {string.Join(", ", others)}");
        var cells = campaign.Materials().Where(p => setOf[p.Name] == Set.Amorphous).Select(p => InAmorphousFolder(p, ".json"))
            .Where(File.Exists).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ReproductionSites($"the DFT campaign in {campaignFolder} (amorphous cells from {amorphousFolder})",
            [.. sites[Set.Crystalline]], [.. sites[Set.Amorphous]], [.. sites[Set.Oxide]], notes, cells);
    }

    /// <summary>One line per set: its finished sites, the structures (materials) they come from, and the wall time spent on them.</summary>
    public IReadOnlyList<SetSummary> Summary() =>
    [
        SetSummary.Of("crystalline SiO2", Crystalline),
        SetSummary.Of("amorphous SiO2", Amorphous),
        SetSummary.Of("transfer oxides", Oxides),
    ];

    /// <summary>
    /// Made-up sites (<see cref="SyntheticSites"/>) in all three sets, with made-up wall times, so that every part of the
    /// report can be produced and looked at without DFT. Nothing in it is a result.
    /// </summary>
    public static ReproductionSites Synthetic(int crystalline, int amorphous, int seed)
    {
        var oxides = SyntheticSites.Make(3 * TransferOxides.Count, seed + 2)
            .GroupBy(s => s.Material).Take(TransferOxides.Count)
            .SelectMany((g, i) => g.Select(s => s with { Material = TransferOxides[i] }));
        return new ReproductionSites("synthetic sites (made up, with made-up wall times: no number here is a result)",
            Timed(SyntheticSites.Make(crystalline, seed)), Timed(SyntheticSites.Make(amorphous, seed + 1).Select(s => s with { Material = "a-" + s.Material })),
            Timed(oxides), ["synthetic data: for trying and testing the pipeline"]);
    }

    static SiteRecord[] Timed(IEnumerable<SiteRecord> sites) =>
        [.. sites.Select((s, i) => s with { Provenance = s.Provenance with { GroundStateWallSeconds = 120 + i % 7 * 30, CoreHoleWallSeconds = 3000 + i % 5 * 900 } })];

    enum Set { Crystalline, Amorphous, Oxide, Other }
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
