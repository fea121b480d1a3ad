using CoreHole.Reports;
using CoreHole.Tests.Reports;

namespace CoreHole.IntegrationTests.Chromium;

/// <summary>The synthetic report as a browser shows it: Chromium loads the page and counts its images.</summary>
public class ReportInChromiumTests(SyntheticReport report) : IClassFixture<SyntheticReport>
{
    [Fact]
    public void HeadlessChromiumLoadsEveryImage()
    {
        var dom = HeadlessChromium.DumpDom(Path.Combine(report.Folder, ReportPage.FileName));
        int images = report.Page.Split("<img ").Length - 1;
        Assert.True(images >= 20, $"only {images} images on the page");
        Assert.Contains($"data-images=\"{images}\"", dom);
        Assert.Contains("data-broken=\"\"", dom);
    }
}
