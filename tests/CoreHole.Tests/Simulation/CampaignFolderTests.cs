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
}
