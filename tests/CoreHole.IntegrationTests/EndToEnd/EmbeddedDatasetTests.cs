using CoreHole.Datasets;
using CoreHole.Reports;
using CoreHole.Simulation;
using CoreHole.Paper;

namespace CoreHole.IntegrationTests.EndToEnd;

/// <summary>
/// The dataset committed as data/dataset.h5 (issue 8): it reads, it holds the targets, and every site in it is
/// a finished site of the committed campaign with the same raw curves and provenance, so the file is what
/// <c>corehole dataset build data/campaign</c> made and not a stray copy. The campaign goes on after the file was
/// written, so the campaign may hold more sites than the file, never different ones.
/// </summary>
public class EmbeddedDatasetTests
{
    static readonly string Repository = FindRepository();
    static readonly string CampaignFolder = Path.Combine(Repository, "data", "campaign");

    static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CoreHole.slnx"))) return folder.FullName;
        throw new DirectoryNotFoundException($"no CoreHole.slnx above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void CommittedDatasetMeetsTheTargetsAndMatchesTheCampaign()
    {
        var dataset = DatasetFile.Read(Path.Combine(Repository, "data", "dataset.h5"));
        var sets = ReproductionSites.FromCampaigns([CampaignFolder], Path.Combine(Repository, "data", "structures", "amorphous"));
        var finished = sets.Crystalline.Concat(sets.Amorphous).Concat(sets.Oxides).ToDictionary(s => s.Id);

        Assert.Equal(dataset.Count, dataset.Records.Select(r => r.Id).Distinct().Count());
        foreach (var record in dataset.Records)
        {
            Assert.True(finished.TryGetValue(record.Id, out var site), $"{record.Id} is in data/dataset.h5 but not a finished site of data/campaign");
            Assert.Equal(site.Pdos.Intensities.ToArray(), record.Pdos.Intensities.ToArray());
            Assert.Equal(site.Spectrum.Intensities.ToArray(), record.Spectrum.Intensities.ToArray());
            Assert.Equal((site.Edges, site.SpectrumThreshold), (record.Edges, record.SpectrumThreshold));
            Assert.Equal(site.Provenance, record.Provenance);
        }

        var ids = dataset.Records.Select(r => r.Id).ToHashSet();
        SetSummary InDataset(string name, IReadOnlyList<SiteRecord> set) => SetSummary.Of(name, [.. set.Where(s => ids.Contains(s.Id))]);
        var crystalline = InDataset("crystalline SiO2", sets.Crystalline);
        Assert.True(crystalline is { Sites: >= 150, Structures: >= 25 }, crystalline.ToString());
        var amorphous = InDataset("amorphous SiO2", sets.Amorphous);
        Assert.True(amorphous is { Sites: >= 48, Structures: >= 2 }, amorphous.ToString());
        var plans = Campaign.Open(CampaignFolder).Materials().ToDictionary(p => p.Name);
        foreach (var oxide in ReproductionSites.TransferOxides)
            Assert.Equal(plans[oxide].OxygenSites.Select(s => $"{oxide}/{s.Label}").Order(),
                dataset.Records.Where(r => r.Material == oxide).Select(r => r.Id).Order());
    }

    /// <summary>data/oxides.h5 likewise against the oxide campaign, and each of its sites recorded as an oxide at the
    /// campaign's preset with its plan's formula and supercell width.</summary>
    [Fact]
    public void CommittedOxideDatasetMatchesTheOxideCampaign()
    {
        var folder = Path.Combine(Repository, "data", "oxides");
        var dataset = DatasetFile.Read(Path.Combine(Repository, "data", "oxides.h5"));
        var finished = CampaignSource.Read(folder, Path.Combine(Repository, "data", "structures", "amorphous")).Sites.ToDictionary(s => s.Id);
        var campaign = Campaign.Open(folder);
        var plans = campaign.Materials().ToDictionary(p => p.Name);
        Assert.NotEmpty(dataset.Records);
        foreach (var record in dataset.Records)
        {
            Assert.True(finished.TryGetValue(record.Id, out var site), $"{record.Id} is in data/oxides.h5 but not a finished site of data/oxides");
            Assert.Equal(site.Spectrum.Intensities.ToArray(), record.Spectrum.Intensities.ToArray());
            Assert.Equal(site.Provenance, record.Provenance);
            Assert.Equal(new SiteOrigin(MaterialSets.Oxides, MaterialSets.Formula(plans[record.Material].Primitive), campaign.Preset.Name,
                plans[record.Material].SupercellMinWidth), record.Origin);
        }
    }
}
