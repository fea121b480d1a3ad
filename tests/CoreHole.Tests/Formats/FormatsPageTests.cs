using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>
/// docs/formats.md shows the detection tables as they are in the code. When a reader changes, rerun this test with
/// COREHOLE_WRITE_DOCS=1 to write the page's tables from the code (then commit the page).
/// </summary>
public class FormatsPageTests
{
    static string Page => Path.Combine(RepositoryRoot(), "docs", "formats.md");

    [Fact]
    public void TheFormatsPageHoldsTheFormatTablesOfTheCode()
    {
        var text = File.ReadAllText(Page);
        var written = WithTables(text, FormatTable.Markdown());
        if (written != text && Environment.GetEnvironmentVariable("COREHOLE_WRITE_DOCS") == "1") File.WriteAllText(Page, written);
        else Assert.True(written == text, "docs/formats.md is stale: rerun this test with COREHOLE_WRITE_DOCS=1 to write its tables from src/CoreHole/Formats");
    }

    [Fact]
    public void AStaleTableIsSeen()
    {
        var text = WithTables(File.ReadAllText(Page), FormatTable.Markdown());
        var stale = text.Replace("`vasprun`", "`vasprun-old`");
        Assert.NotEqual(stale, WithTables(stale, FormatTable.Markdown()));
    }

    /// <summary>The page with <paramref name="tables"/> between its markers.</summary>
    static string WithTables(string page, string tables)
    {
        var (begin, end) = (page.IndexOf(FormatTable.Begin, StringComparison.Ordinal), page.IndexOf(FormatTable.End, StringComparison.Ordinal));
        Assert.True(begin >= 0 && end > begin, $"{Page} has lost its format-table markers");
        return page[..(begin + FormatTable.Begin.Length)] + "\n" + tables + page[end..];
    }

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CoreHole.slnx"))) return folder.FullName;
        throw new InvalidOperationException($"no CoreHole.slnx above {AppContext.BaseDirectory}");
    }
}
