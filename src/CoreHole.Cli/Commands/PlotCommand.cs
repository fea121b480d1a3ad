using System.CommandLine;
using System.Globalization;
using CoreHole.Formats;
using CoreHole.Reports;
using CoreHole.Spectra;
using CoreHole.Plotting;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole plot FILE... -o out.png|svg</c>: overlays curves from any readable files.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "spectrum or DOS files (any format CoreHole reads)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "the plot: .png or .svg", Required = true };
        var sigma = new Option<double>("--sigma") { Description = "Gaussian broadening, standard deviation in eV (the paper: 0.5); 0: as read", DefaultValueFactory = _ => 0 };
        var align = new Option<bool>("--align") { Description = "shift each curve so that its file's threshold is at 0 eV" };
        var threshold = new Option<double?>("--threshold") { Description = "align every curve at this energy (eV) instead of its file's threshold" };
        var curves = new Option<string[]>("--curve") { Description = "curve(s) to draw by name (see inspect); default: each file's main curve", AllowMultipleArgumentsPerToken = true };
        var allCurves = new Option<bool>("--all-curves") { Description = "draw every curve of every file" };
        var normalize = new Option<string>("--normalize") { Description = "intensity scale: none, max, or area:FROM:TO (eV, after alignment)", DefaultValueFactory = _ => "none" };
        var format = new Option<string?>("--format") { Description = "read every file as this format instead of detecting it" };
        var title = new Option<string?>("--title") { Description = "plot title" };
        var command = new Command("plot", "Overlay curves from spectrum and DOS files in a PNG or SVG.")
        {
            files, output, sigma, align, threshold, curves, allCurves, normalize, format, title,
        };
        command.SetAction(parse =>
        {
            var options = new Options(parse.GetValue(sigma), parse.GetValue(align) || parse.GetValue(threshold) is not null,
                parse.GetValue(threshold), parse.GetValue(curves) ?? [], parse.GetValue(allCurves), Normalization.Parse(parse.GetValue(normalize)!));
            var read = parse.GetValue(files)!.Select(f => SpectrumFiles.Read(f, parse.GetValue(format))).ToList();
            var series = Series(read, options);
            var xLabel = options.Align ? "Energy relative to the threshold (eV)" : "Energy (eV)";
            var yLabel = options.Normalization is Normalization.None ? "Intensity (as read)" : $"Intensity ({options.Normalization})";
            Plots.SaveCurves(parse.GetValue(output)!, series, xLabel, yLabel, parse.GetValue(title));
            Console.WriteLine($"wrote {parse.GetValue(output)} ({series.Count} curves)");
            return 0;
        });
        return command;
    }

    public sealed record Options(double SigmaEv, bool Align, double? Threshold, IReadOnlyList<string> CurveNames, bool AllCurves, Normalization Normalization);

    /// <summary>The curves to draw, processed in order: broaden, align, normalise; labels say what was done.</summary>
    public static IReadOnlyList<PlotSeries> Series(IReadOnlyList<SpectrumFile> files, Options options)
    {
        if (options.SigmaEv < 0) throw new InputError($"--sigma must be 0 or positive, not {options.SigmaEv}");
        foreach (var name in options.CurveNames.Where(n => files.All(f => f.Curves.All(c => c.Name != n))))
            throw new InputError($"no file has a curve named '{name}' (see corehole inspect)");
        var series = new List<PlotSeries>();
        foreach (var file in files)
        {
            if (file.Curves.Count == 0)
                throw new InputError(file.Path, null, $"a {file.Format} file has no curves to plot; use corehole inspect");
            var chosen = options.AllCurves ? file.Curves
                : options.CurveNames.Count > 0 ? file.Curves.Where(c => options.CurveNames.Contains(c.Name)).ToList()
                : file.Curves.Take(1).ToList();
            foreach (var named in chosen)
                series.Add(Processed(file, named, options));
        }
        return series;
    }

    static PlotSeries Processed(SpectrumFile file, NamedCurve named, Options options)
    {
        var curve = named.Curve;
        var notes = new List<string>();
        if (options.SigmaEv > 0)
        {
            curve = curve.BroadenGaussian(options.SigmaEv);
            notes.Add($"σ {options.SigmaEv.ToString(CultureInfo.InvariantCulture)} eV");
        }
        if (options.Align)
        {
            var at = options.Threshold ?? file.Threshold?.EnergyEv
                ?? throw new InputError(file.Path, null, "no threshold to align at (a PDOS aligns at the CBM of its pw.x run: pass --threshold)");
            curve = curve.AlignedTo(at);
            notes.Add(options.Threshold is null && file.Threshold!.IsFallback ? "aligned at onset (fallback)" : $"aligned at {at.ToString("0.###", CultureInfo.InvariantCulture)} eV");
        }
        curve = options.Normalization.Apply(curve);
        var label = $"{Path.GetFileName(file.Path)}: {named.Name}" + (notes.Count > 0 ? $" ({string.Join(", ", notes)})" : "");
        return new PlotSeries(label, curve);
    }
}
