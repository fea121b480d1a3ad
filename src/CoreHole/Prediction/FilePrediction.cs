using System.Globalization;
using System.Text;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Formats;
using CoreHole.Learning;
using CoreHole.Plotting;
using CoreHole.Spectra;

namespace CoreHole.Prediction;

/// <summary>
/// <c>corehole predict PDOS... | DATASET.h5</c>: spectra from O-p PDOS files (prepared with the model's own
/// featurizer) or from a dataset prepared the same way, one text file each (<c>NAME.dat</c>, with a header), and with
/// <c>plot</c> a PNG (with the dataset's computed spectrum when there is one).
/// </summary>
public static class FilePrediction
{
    /// <param name="Edges">Given band edges (--cbm/--vbm or a ground-state pw.x output); null: each PDOS file's own.</param>
    /// <param name="Variant">The input variant the user expects the model to take: an error if it takes another.</param>
    public sealed record Options(string? Curve, BandEdges? Edges, bool Plot, InputVariant? Variant = null);

    sealed record Item(string Name, string Source, Curve Predicted, Curve? Computed);

    /// <summary>Predicts every input and writes its files; returns how many spectra were written.</summary>
    public static int Run(LoadedModel model, IReadOnlyList<string> inputs, string folder, Options options)
    {
        if (options.Variant is { } expected && expected != model.Variant)
            throw new InputError(model.Path, null, $"the model takes the {model.Variant.Name()} input, not {expected.Name()}");
        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var input in inputs)
            foreach (var item in input.EndsWith(".h5", StringComparison.OrdinalIgnoreCase) ? FromDataset(model, input) : [FromPdos(model, input, options)])
            {
                var path = Path.Combine(folder, item.Name + ".dat");
                Write(path, model, item);
                if (options.Plot)
                    Plots.SaveCurves(Path.ChangeExtension(path, ".png"),
                        [new PlotSeries("predicted", item.Predicted), .. item.Computed is { } c ? [new PlotSeries("computed", c)] : Array.Empty<PlotSeries>()],
                        "Energy relative to the threshold (eV)", $"Intensity ({model.Featurizer.TargetNormalization} x{model.Featurizer.IntensityScale})", item.Name);
                written++;
            }
        return written;
    }

    /// <summary>Band edges from a ground-state pw.x output (refused if it is a core-hole run).</summary>
    public static BandEdges EdgesOf(string groundStateOutput) =>
        InputChecks.GroundState(PwOutputReader.Read(groundStateOutput)).BandEdges()
        ?? throw new InputError(groundStateOutput, null, "gives no band edges (no empty bands?): give --cbm and --vbm");

    static IEnumerable<Item> FromDataset(LoadedModel model, string path)
    {
        var data = DatasetFile.Read(path);
        var predicted = model.Model.Predict(model.InputsOf(data)).Mean;
        for (int i = 0; i < data.Count; i++)
        {
            var site = data.Records[i];
            yield return new Item(SafeName($"{site.Material}_{site.Site}"), $"{path} ({site.Id})", OnTargetGrid(predicted.Row(i)), OnTargetGrid(data.Targets.Row(i)));
        }
    }

    static Item FromPdos(LoadedModel model, string path, Options options)
    {
        var pdos = InputChecks.OxygenP(path, options.Curve);
        var edges = options.Edges ?? SpectrumFiles.Read(path).Edges
            ?? throw new InputError(path, null, "states no band edges: give --ground-state or --cbm and --vbm");
        var input = model.Featurizer.Input(model.Variant, pdos, edges, path);
        var predicted = model.Model.Predict(new Matrix(1, input.Length, input)).Mean;
        return new Item(SafeName(Path.GetFileName(path)), path, OnTargetGrid(predicted.Row(0)), null);
    }

    static Curve OnTargetGrid(ReadOnlySpan<float> values) =>
        new(Featurizer.TargetGrid.ToArray(), Array.ConvertAll(values.ToArray(), x => (double)x));

    static string SafeName(string name) => string.Concat(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_'));

    static void Write(string path, LoadedModel model, Item item)
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
