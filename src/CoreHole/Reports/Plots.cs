using CoreHole.Spectra;

namespace CoreHole.Reports;

/// <summary>A curve to draw and its legend entry.</summary>
public sealed record PlotSeries(string Label, Curve Curve);

/// <summary>Line plots of curves with ScottPlot, written as PNG or SVG by the file's extension.</summary>
public static class Plots
{
    public static void SaveCurves(string path, IReadOnlyList<PlotSeries> series, string xLabel, string yLabel,
        string? title = null, int width = 1000, int height = 600)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new InputError(path, null, "the plot file must end in .png or .svg");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder)) throw new InputError(path, null, $"no such folder: {folder}");
        if (series.Count == 0) throw new InputError(path, null, "nothing to plot");

        var plot = new ScottPlot.Plot();
        plot.Font.Automatic();   // a font that is installed (DejaVu on Debian), so text renders on headless machines
        foreach (var s in series)
        {
            var line = plot.Add.ScatterLine(s.Curve.Energies.ToArray(), s.Curve.Intensities.ToArray());
            line.LegendText = s.Label;
            line.LineWidth = 1.5f;
        }
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (title is not null) plot.Title(title);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        try
        {
            if (extension == ".png") plot.SavePng(path, width, height);
            else plot.SaveSvg(path, width, height);
        }
        catch (IOException e) { throw new InputError(path, null, $"cannot write: {e.Message}", e); }
        catch (UnauthorizedAccessException e) { throw new InputError(path, null, $"cannot write: {e.Message}", e); }
    }
}
