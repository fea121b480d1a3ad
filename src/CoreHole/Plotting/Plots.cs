using CoreHole.Spectra;

namespace CoreHole.Plotting;

/// <summary>A curve to draw and its legend entry; <paramref name="Color"/> is a web colour (#rrggbb), or null for the palette's next.</summary>
public sealed record PlotSeries(string Label, Curve Curve, string? Color = null);

/// <summary>A shaded band between two curves on one grid (an uncertainty band), drawn under the curves.</summary>
public sealed record PlotBand(string Label, Curve Lower, Curve Upper, string? Color = null);

/// <summary>Points drawn as markers only (x need not increase): sorted errors, peak shifts.</summary>
public sealed record PlotMarkers(string Label, double[] X, double[] Y, string? Color = null)
{
    /// <summary>Marker diameter in pixels.</summary>
    public float Size { get; init; } = 6;
}

/// <summary>An arrow from one point to another, labelled at its base (the paper's a'-&gt;a peak arrows).</summary>
public sealed record PlotArrow(double FromX, double FromY, double ToX, double ToY, string Label);

/// <summary>What one plot shows: curves, marker sets, arrows, and optionally a dashed horizontal line (a threshold) with its label.</summary>
public sealed record PlotFigure(string XLabel, string YLabel, string? Title = null)
{
    public IReadOnlyList<PlotSeries> Curves { get; init; } = [];
    public IReadOnlyList<PlotBand> Bands { get; init; } = [];
    public IReadOnlyList<PlotMarkers> Markers { get; init; } = [];
    public IReadOnlyList<PlotArrow> Arrows { get; init; } = [];
    public (double Y, string Label)? HorizontalLine { get; init; }
    /// <summary>
    /// x is the rank of values sorted in ascending order: ticks on whole numbers, and the legend in the upper left,
    /// where the values are smallest, so that it hides none of the largest.
    /// </summary>
    public bool Ranked { get; init; }
    /// <summary>A logarithmic y axis (for values that span decades, such as MSEs); every y must then be positive.</summary>
    public bool LogY { get; init; }
}

/// <summary>Line and marker plots with ScottPlot, written as PNG or SVG by the file's extension.</summary>
public static class Plots
{
    public static void SaveCurves(string path, IReadOnlyList<PlotSeries> series, string xLabel, string yLabel,
        string? title = null, int width = 1000, int height = 600) =>
        Save(path, new PlotFigure(xLabel, yLabel, title) { Curves = series }, width, height);

    public static void Save(string path, PlotFigure figure, int width = 1000, int height = 600)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new InputError(path, null, "the plot file must end in .png or .svg");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder)) throw new InputError(path, null, $"no such folder: {folder}");
        if (figure.Curves.Count == 0 && figure.Markers.Count == 0) throw new InputError(path, null, "nothing to plot");

        // ScottPlot has no log axis: a log axis is log10 of every y, with ticks labelled by the values they stand for.
        double Y(double y) => !figure.LogY ? y : y > 0 ? Math.Log10(y)
            : throw new InputError(path, null, $"a log axis cannot show the value {y}");
        double[] Ys(IEnumerable<double> ys) => [.. ys.Select(Y)];

        var plot = new ScottPlot.Plot();
        plot.Font.Automatic();   // a font that is installed (DejaVu on Debian), so text renders on headless machines
        foreach (var b in figure.Bands)
        {
            var fill = plot.Add.FillY(b.Lower.Energies.ToArray(), b.Lower.Intensities.ToArray(), b.Upper.Intensities.ToArray());
            fill.LegendText = b.Label;
            fill.FillColor = (b.Color is { } color ? ScottPlot.Color.FromHex(color) : ScottPlot.Colors.Gray).WithAlpha(0.3);
            fill.LineWidth = 0;
        }
        foreach (var s in figure.Curves)
        {
            var line = plot.Add.ScatterLine(s.Curve.Energies.ToArray(), Ys(s.Curve.Intensities.ToArray()));
            line.LegendText = s.Label;
            line.LineWidth = 1.5f;
            if (s.Color is { } color) line.Color = ScottPlot.Color.FromHex(color);
        }
        foreach (var m in figure.Markers)
        {
            var points = plot.Add.ScatterPoints(m.X, Ys(m.Y));
            points.LegendText = m.Label;
            points.MarkerSize = m.Size;
            if (m.Color is { } color) points.Color = ScottPlot.Color.FromHex(color);
        }
        foreach (var a in figure.Arrows)
        {
            var arrow = plot.Add.Arrow(new ScottPlot.Coordinates(a.FromX, Y(a.FromY)), new ScottPlot.Coordinates(a.ToX, Y(a.ToY)));
            arrow.ArrowFillColor = ScottPlot.Colors.Black;
            arrow.ArrowLineColor = ScottPlot.Colors.Black;
            arrow.ArrowWidth = 1.5f;
            arrow.ArrowheadWidth = 9;
            arrow.ArrowheadLength = 11;
            var text = plot.Add.Text(a.Label, a.FromX, Y(a.FromY));
            text.LabelFontSize = 14;
            text.LabelBold = true;
            text.LabelAlignment = ScottPlot.Alignment.LowerCenter; // above the PDOS peak, clear of the arrow
            text.OffsetY = -4;
        }
        if (figure.HorizontalLine is var (y, label))
        {
            var line = plot.Add.HorizontalLine(Y(y));
            line.LegendText = label;
            line.LinePattern = ScottPlot.LinePattern.Dashed;
            line.Color = ScottPlot.Colors.Gray;
        }
        if (figure.LogY)
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true, // one tick per decade, with log-spaced minor ticks between
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
            };
        if (figure.Ranked) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.XLabel(figure.XLabel);
        plot.YLabel(figure.YLabel);
        if (figure.Title is not null) plot.Title(figure.Title);
        plot.ShowLegend(figure.Ranked ? ScottPlot.Alignment.UpperLeft : ScottPlot.Alignment.UpperRight);
        try
        {
            if (extension == ".png") plot.SavePng(path, width, height);
            else plot.SaveSvg(path, width, height);
        }
        catch (IOException e) { throw new InputError(path, null, $"cannot write: {e.Message}", e); }
        catch (UnauthorizedAccessException e) { throw new InputError(path, null, $"cannot write: {e.Message}", e); }
    }
}
