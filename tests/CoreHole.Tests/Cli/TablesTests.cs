using CoreHole.Cli.Commands;
using Spectre.Console;

namespace CoreHole.Tests.Cli;

/// <summary>Tables on a terminal: boxed when they fit, whole "header: value" lines when the window is too narrow.</summary>
public class TablesTests
{
    static readonly string[] Header = ["material", "space group", "atoms", "O sites", "supercell", "min width (Å)", "done", "to do", "est. to do"];
    static readonly string[][] Rows =
    [
        ["alpha-quartz", "P3_221 (154)", "9", "1", "72", "9.83", "0", "2", "1.2 h"],
        ["moganite", "I2/a (15)", "18", "2", "72", "8.77", "3", "0", "0 s"],
    ];

    static string Draw(int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        Tables.Write(Header, Rows, "plan", console);
        return writer.ToString();
    }

    [Fact]
    public void AWideTerminalGetsTheBoxedTable()
    {
        var text = Draw(200);
        Assert.Contains("│ alpha-quartz │", text);
        Assert.Contains("│ material     │", text);
    }

    [Fact]
    public void At80ColumnsEveryNameStaysWhole()
    {
        // The boxed table needs about 110 columns: at 80 Spectre cut names to "mat…" and wrapped "alpha-quartz" a
        // few letters a line. Each row becomes a block of whole "header: value" lines instead.
        var text = Draw(80);
        Assert.DoesNotContain("…", text);
        Assert.Contains("material: alpha-quartz\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("space group: I2/a (15)\n", text.ReplaceLineEndings("\n"));
        Assert.True(text.ReplaceLineEndings("\n").Split('\n').All(l => l.Length <= 80), text);
    }
}
