using System.CommandLine;
using System.Globalization;
using System.Text;
using CoreHole.Datasets;
using CoreHole.Formats;
using CoreHole.Learning;
using CoreHole.Reports;
using CoreHole.Spectra;
using CoreHole.Plotting;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>corehole predict MODEL INPUT...</c>: spectra from raw PDOS files (prepared with the model's own preprocessing) or
/// from a dataset (which must have been prepared the same way), written as text with a header, optionally plotted.
/// </summary>
static class PredictCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "a model file (corehole train)" };
        var inputs = new Argument<string[]>("inputs") { Description = "O-p PDOS files (projwfc, VASP, OptaDOS, columns, ...) or dataset .h5 files", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "folder for the predicted spectra (created if needed)", Required = true };
        var groundState = new Option<string?>("--ground-state") { Description = "pw.x output of the PDOS run: its band edges (CBM, VBM)" };
        var cbm = new Option<double?>("--cbm") { Description = "CBM (eV, on the PDOS energy scale) instead of --ground-state" };
        var vbm = new Option<double?>("--vbm") { Description = "VBM (eV, on the PDOS energy scale), with --cbm" };
        var curve = new Option<string?>("--curve") { Description = "PDOS curve by name (see inspect); default: the file's main curve" };
        var variant = new Option<string?>("--variant") { Description = "the input variant you expect the model to take (an error if it does not)" };
        var plot = new Option<bool>("--plot") { Description = "also write a PNG per spectrum (with the dataset's computed spectrum when there is one)" };
        var command = new Command("predict", "Predict O K-edge spectra from ground-state PDOS with a trained model.")
        {
            model, inputs, output, groundState, cbm, vbm, curve, variant, plot,
        };
        command.SetAction(parse =>
        {
            var spectra = SpectrumModel.Load(parse.GetValue(model)!, parse.GetValue(variant) is { } v ? InputVariants.Parse(v) : null);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            var written = 0;
            foreach (var input in parse.GetValue(inputs)!)
            {
                var items = input.EndsWith(".h5", StringComparison.OrdinalIgnoreCase)
                    ? FromDataset(spectra, input)
                    : [FromPdos(spectra, input, Edges(parse.GetValue(cbm), parse.GetValue(vbm), parse.GetValue(groundState), input), parse.GetValue(curve))];
                foreach (var item in items)
                {
                    var path = Path.Combine(folder, item.Name + ".dat");
                    Write(path, spectra, item);
                    if (parse.GetValue(plot))
                        Plots.SaveCurves(Path.ChangeExtension(path, ".png"),
                            [new PlotSeries("predicted", item.Predicted), .. item.Computed is { } c ? [new PlotSeries("computed", c)] : Array.Empty<PlotSeries>()],
                            "Energy relative to the threshold (eV)", $"Intensity ({spectra.Featurizer.TargetNormalization} x{spectra.Featurizer.IntensityScale})", item.Name);
                    written++;
                }
            }
            Console.WriteLine($"wrote {written} predicted spectra to {folder}");
            return 0;
        });
        return command;
    }

    sealed record Prediction(string Name, string Source, Curve Predicted, Curve? Computed);

    static IEnumerable<Prediction> FromDataset(SpectrumModel model, string path)
    {
        var data = DatasetFile.Read(path);
        var predicted = model.Predict(model.InputsOf(data));
        for (int i = 0; i < data.Count; i++)
        {
            var site = data.Records[i];
            yield return new Prediction(SafeName($"{site.Material}_{site.Site}"), $"{path} ({site.Id})", OnTargetGrid(predicted.Row(i)), OnTargetGrid(data.Targets.Row(i)));
        }
    }

    static Prediction FromPdos(SpectrumModel model, string path, BandEdges edges, string? curveName)
    {
        var file = SpectrumFiles.Read(path);
        var pdos = curveName is null ? file.Curves.Count > 0 ? file.Curves[0].Curve : throw new InputError(path, null, "no curve in the file")
            : file.CurveNamed(curveName);
        var input = model.Featurizer.Input(model.Variant, pdos, edges, path);
        var predicted = model.Predict(new Matrix(1, input.Length, input));
        return new Prediction(SafeName(Path.GetFileName(path)), path, OnTargetGrid(predicted.Row(0)), null);
    }

    /// <summary>Band edges from the options, else from the ground-state output, else from the PDOS file itself (vasprun, DOSCAR).</summary>
    static BandEdges Edges(double? cbm, double? vbm, string? groundState, string pdos)
    {
        if (cbm is { } c) return vbm is { } v ? new BandEdges(v, c, "given on the command line") : throw new InputError("--cbm needs --vbm too (the band-gap and valence inputs use the mid-gap)");
        if (groundState is not null)
            return PwOutputReader.Read(groundState).BandEdges() ?? throw new InputError(groundState, null, "gives no band edges (no empty bands?): give --cbm and --vbm");
        return SpectrumFiles.Read(pdos).Edges ?? throw new InputError(pdos, null, "states no band edges: give --ground-state or --cbm and --vbm");
    }

    static Curve OnTargetGrid(ReadOnlySpan<float> values) =>
        new(Featurizer.TargetGrid.ToArray(), Array.ConvertAll(values.ToArray(), x => (double)x));

    static string SafeName(string name) => string.Concat(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_'));

    static void Write(string path, SpectrumModel model, Prediction item)
    {
        var f = model.Featurizer;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# CoreHole predicted O K-edge of {item.Source}\n")
            .Append(CultureInfo.InvariantCulture, $"# model {Path.GetFullPath(model.Path)}: {model.Variant.Name()} input, Gaussian sigma {f.SigmaEv} eV\n")
            .Append(CultureInfo.InvariantCulture, $"# energy relative to the spectrum threshold; intensity {f.TargetNormalization} x{f.IntensityScale}\n")
            .Append(item.Computed is null ? "# E(eV) predicted\n" : "# E(eV) predicted computed\n");
        for (int i = 0; i < item.Predicted.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{item.Predicted.Energies[i],6:0.0} {item.Predicted.Intensities[i],12:0.000000E+00}");
            if (item.Computed is { } c) text.Append(CultureInfo.InvariantCulture, $" {c.Intensities[i],12:0.000000E+00}");
            text.Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }
}
