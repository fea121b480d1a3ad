using CoreHole.Datasets;
using CoreHole.Simulation;

namespace CoreHole.Tests.Datasets;

/// <summary>
/// A campaign folder laid out as <c>corehole simulate</c> leaves it, with the qe-seed MgO outputs in place of runs:
/// finished sites are read (gzip-compressed files, results from stage.json), unfinished ones reported, nothing written.
/// </summary>
public class CampaignSourceTests
{
    static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "data", "qe-seed", "MgO");
    static readonly string Structures = Path.Combine(AppContext.BaseDirectory, "data", "structures");

    static StageRecord Stage(string material, string stage, double wallSeconds, Dictionary<string, double> results) =>
        new(material, stage, "6.7MaX", Preset.Smoke.Name, Preset.Smoke, 1, "test", DateTimeOffset.UnixEpoch, wallSeconds, [], results,
            new Dictionary<string, string>());

    [Fact]
    public void FinishedSitesAreReadAndTheRestReported()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-campaign-").FullName;
        var campaign = Campaign.Open(folder, Preset.Smoke);
        var plan = campaign.Add(Path.Combine(Structures, "MgO-p1.cif"));
        campaign.Add(Path.Combine(Structures, "stishovite-p1.cif")); // planned, nothing run
        var site = Assert.Single(plan.OxygenSites);

        var gs = Path.Combine(folder, plan.Name, "gs");
        Directory.CreateDirectory(Path.Combine(gs, "pdos"));
        Atomic.CopyGzipped(Path.Combine(Seed, "gs", "pdos", "atm2_O_p.pdos"), Path.Combine(gs, "pdos", $"atm{site.Atom + 1}_O_p.pdos.gz"));
        Stage(plan.Name, "gs", 18.4, new() { ["vbm_ev"] = 5.5651, ["cbm_ev"] = 10.3387 }).Write(gs);
        var coreHole = Path.Combine(folder, plan.Name, $"site_{site.Label}");
        Directory.CreateDirectory(coreHole);
        Atomic.CopyGzipped(Path.Combine(Seed, "site_O1", "xanes_avg.dat"), Path.Combine(coreHole, "xanes_avg.dat.gz"));
        Stage(plan.Name, $"site_{site.Label}", 250, new() { ["homo_ev"] = 5.7893, ["lumo_ev"] = 10.1452 }).Write(coreHole);
        var before = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order().ToArray();

        var reading = CampaignSource.Read(folder);

        var record = Assert.Single(reading.Sites);
        Assert.Equal((plan.Name, site.Label, 1), (record.Material, record.Site, record.Multiplicity));
        Assert.Equal(10.3387, record.Edges.Cbm);
        Assert.Equal(10.1452 - 5.7893, record.SpectrumThreshold.EnergyEv, 12);
        Assert.False(record.SpectrumThreshold.IsFallback);
        Assert.Equal((18.4, 250.0, "6.7MaX"), (record.Provenance.GroundStateWallSeconds, record.Provenance.CoreHoleWallSeconds, record.Provenance.CodeVersion));
        Assert.Contains("\"name\": \"smoke\"", record.Provenance.Settings);
        // MgO-p1 is neither silica nor a transfer oxide by its campaign name: one of the other oxides.
        Assert.Equal(new SiteOrigin(MaterialSets.Oxides, "MgO", "smoke", plan.SupercellMinWidth), record.Origin);
        Assert.Equal(-11.647, record.Pdos.FirstEnergy, 3); // the seed's projwfc file, read through gzip
        Assert.NotEmpty(reading.Skipped);
        Assert.All(reading.Skipped, s => Assert.Contains("ground state not finished", s));
        Assert.Equal(before, Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order().ToArray());
    }
}
