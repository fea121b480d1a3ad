using System.Diagnostics;

namespace CoreHole.IntegrationTests.Chromium;

/// <summary>Renders a page with Debian's chromium, headless and offline, and returns the DOM after its scripts ran.</summary>
static class HeadlessChromium
{
    public static string DumpDom(string page)
    {
        if (!File.Exists("/usr/bin/chromium")) Assert.Fail("chromium is not installed: run the tests with scripts/test.sh, which installs it");
        var profile = Directory.CreateTempSubdirectory("corehole-chromium-").FullName;
        var info = new ProcessStartInfo("/usr/bin/chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
            "--virtual-time-budget=5000", "--dump-dom", new Uri(page).AbsoluteUri })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 2 minutes");
        }
        Directory.Delete(profile, recursive: true);
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {stderr.Result}");
        return dom;
    }
}
