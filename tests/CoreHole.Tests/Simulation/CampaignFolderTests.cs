using CoreHole.Simulation;

namespace CoreHole.Tests.Simulation;

public class CampaignFolderTests
{
    [Fact]
    public void ScratchGoesUnderTheCampaignOrUnderANodeLocalFolderNamedPerCampaign()
    {
        var first = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Smoke);
        var second = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Smoke);
        var job = new CampaignJob("MgO", "O2", 8);
        Assert.Equal(Path.Combine(first.Folder, ".work", "MgO", "site_O2"), first.WorkFolderUnder(null, job));
        var scratch = first.WorkFolderUnder("/scratch/me", job);
        Assert.StartsWith("/scratch/me/corehole-", scratch);
        Assert.EndsWith(Path.Combine("MgO", "site_O2"), scratch);
        Assert.NotEqual(scratch, second.WorkFolderUnder("/scratch/me", job));   // two campaigns never share a scratch folder
        Assert.Equal(scratch, first.WorkFolderUnder("/scratch/me", job));
    }

    [Fact]
    public void KeepCellPlansTheGroundStateInTheCellGivenWithTheSameSites()
    {
        var campaign = Campaign.Open(Directory.CreateTempSubdirectory("corehole-campaign-").FullName, Preset.Fast);
        var cif = Path.Combine(AppContext.BaseDirectory, "data", "structures", "ABW.cif");   // Imma, body-centred conventional cell
        var primitive = campaign.Add(cif);
        var kept = campaign.Add(cif, "ABW-conventional", keepCell: true);
        Assert.Equal(2 * primitive.Primitive.Atoms.Count, kept.Primitive.Atoms.Count);
        Assert.Equal(primitive.OxygenSites.Count, kept.OxygenSites.Count);
        Assert.Equal(2 * primitive.Primitive.Lattice.Volume, kept.Primitive.Lattice.Volume, 6);
        Assert.Contains("cell as given", File.ReadAllText(Path.Combine(campaign.Folder, "ABW-conventional", "structure.cif")));
    }
}
