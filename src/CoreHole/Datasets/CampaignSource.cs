using System.Text.Json;
using CoreHole.Simulation;
using CoreHole.Spectra;

namespace CoreHole.Datasets;

/// <summary>
/// The finished sites of a <c>corehole simulate</c> campaign folder. A site counts once both its material's ground state
/// and its own core-hole stage have their stage.json (the mark of a finished stage); anything else is listed as
/// skipped, so a campaign still running can be read safely. Nothing in the folder is written. Each site carries its
/// <see cref="SiteOrigin"/>: its set (amorphous cells are recognised in <c>amorphousFolder</c>), formula, preset and
/// supercell width.
/// </summary>
public static class CampaignSource
{
    public static SourceReading Read(string folder, string amorphousFolder = MaterialSets.DefaultAmorphousFolder)
    {
        var campaign = Campaign.Open(folder);
        var sites = new List<SiteRecord>();
        var skipped = new List<string>();
        foreach (var plan in campaign.Materials())
        {
            var groundJob = new CampaignJob(plan.Name, null, 0);
            var ground = StageRecord.TryRead(campaign.StageFolder(groundJob));
            var set = MaterialSets.Of(plan, amorphousFolder);
            foreach (var site in plan.OxygenSites)
            {
                var siteJob = new CampaignJob(plan.Name, site.Label, 0);
                var coreHole = StageRecord.TryRead(campaign.StageFolder(siteJob));
                if (ground is null || coreHole is null)
                {
                    skipped.Add($"{siteJob.Id}: {(ground is null ? "ground state" : "core hole")} not finished");
                    continue;
                }
                sites.Add(Site(plan.Name, site, ground, coreHole, campaign.StageFolder(groundJob), campaign.StageFolder(siteJob)) with
                {
                    Origin = new SiteOrigin(set, MaterialSets.Formula(plan.Primitive), coreHole.Preset, plan.SupercellMinWidth),
                });
            }
        }
        return new SourceReading(sites, skipped);
    }

    static SiteRecord Site(string material, Structures.Site site, StageRecord ground, StageRecord coreHole,
        string groundFolder, string siteFolder)
    {
        var stage = Path.Combine(groundFolder, StageRecord.FileName);
        double Result(StageRecord record, string key, string file) => record.Results.TryGetValue(key, out var v) ? v
            : throw new InputError(file, null, $"the stage record has no result '{key}'");
        var edges = new BandEdges(Result(ground, "vbm_ev", stage), Result(ground, "cbm_ev", stage), "campaign ground state (gs/stage.json)");
        // projwfc names a PDOS by the 1-based index of the site's representative atom in the primitive cell.
        var pdos = SiteSources.Pdos(Existing(Path.Combine(groundFolder, "pdos", $"atm{site.Atom + 1}_O_p.pdos")));
        var threshold = coreHole.Results.TryGetValue("lumo_ev", out var lumo) && coreHole.Results.TryGetValue("homo_ev", out var homo)
            ? new Threshold(lumo - homo, "LUMO - HOMO of the core-hole run (campaign stage.json)")
            : null;
        var (spectrum, spectrumThreshold) = SiteSources.Spectrum(Existing(Path.Combine(siteFolder, "xanes_avg.dat")), threshold);
        var provenance = new SiteProvenance("Quantum ESPRESSO", coreHole.QeVersion,
            // The core-hole stage's own settings: a folder's recipe may have changed since (xspectra_iterations did).
            JsonSerializer.Serialize(coreHole.Settings, PlanFile.Options), ground.WallSeconds, coreHole.WallSeconds, siteFolder);
        return new SiteRecord(material, site.Label, site.Multiplicity, pdos, edges, spectrum, spectrumThreshold, provenance);
    }

    /// <summary>The campaign keeps outputs gzip-compressed; accept either form.</summary>
    static string Existing(string path) =>
        File.Exists(path + ".gz") ? path + ".gz" : File.Exists(path) ? path : throw new InputError(path + ".gz", null, "missing from a finished stage");
}
