using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Simulation;
using CoreHole.Plotting;

namespace CoreHole.Tests.Evaluation;

public class ErrorByWidthTests
{
    [Fact]
    public void BinsCoverEveryWidthOnceAndAverageTheirValues()
    {
        double[] widths = [8.0, 8.49, 8.5, 8.99, 9.2, 9.5, 12.0];
        double[] values = [1, 3, 10, 20, 5, 7, 9];
        var bins = ErrorByWidth.MeanPerBin(widths, values);
        Assert.Equal(["below 8.5 Å", "8.5-9.0 Å", "9.0-9.5 Å", "9.5 Å and wider"], bins.Select(b => b.Bin.Label));
        Assert.Equal([2, 2, 1, 2], bins.Select(b => b.Count));
        Assert.Equal([2.0, 15.0, 5.0, 8.0], bins.Select(b => b.Mean));
        Assert.All(widths, w => Assert.Single(ErrorByWidth.Bins, b => b.Holds(w)));
    }

    [Fact]
    public void ReadsTheLabelWidthTableByColumnNameAndNamesTheFileOfABadRow()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-width-").FullName;
        var path = Path.Combine(folder, "summary.tsv");
        File.WriteAllText(path, "material\tsite\twidth_narrow_A\tatoms_narrow\tlabel_mse\nBIK\tO1\t8.11\t36\t0.0938\nMgO\tO2\t8.42\t64\t0.1974\n");
        var rows = ErrorByWidth.ReadLabelChanges(path);
        Assert.Equal([new ErrorByWidth.LabelChange("BIK", "O1", 8.11, 0.0938), new ErrorByWidth.LabelChange("MgO", "O2", 8.42, 0.1974)], rows);

        File.AppendAllText(path, "SOD\tO1\twide\t36\t0.08\n");
        var error = Assert.Throws<InputError>(() => ErrorByWidth.ReadLabelChanges(path));
        Assert.Equal(path, error.File);
        Assert.Contains("width_narrow_A", error.Problem);
    }

    [Fact]
    public void ASiteFromACampaignFolderHasItsPlansWidthAndOthersNone()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-campaign-").FullName;
        var plan = Campaign.Open(folder, Preset.Smoke).Add(Path.Combine(AppContext.BaseDirectory, "data", "structures", "MgO-p1.cif"));
        var synthetic = SyntheticSites.Make(1, seed: 0)[0];
        SiteRecord From(string source) => synthetic with { Provenance = synthetic.Provenance with { Source = source } };
        var widths = ErrorByWidth.SupercellWidths([From(Path.Combine(folder, plan.Name, "site_O1")), From(Path.Combine(folder, "elsewhere"))]);
        Assert.Equal([plan.SupercellMinWidth, null], widths);
        Assert.True(plan.SupercellMinWidth >= Preset.Smoke.SupercellWidth);
    }

    [Fact]
    public void TheFigureHasALogAxisAndDrawsToPng()
    {
        var figure = ErrorByWidth.Figure([new("model", [8.1, 8.6, 9.7], [0.04, 0.02, 0.01])], [new("BIK", "O1", 8.11, 0.0938)]);
        Assert.True(figure.LogY);
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-width-").FullName, "width.png");
        Plots.Save(path, figure);
        Assert.True(new FileInfo(path).Length > 1000);
        var zero = figure with { Markers = [new PlotMarkers("zero", [8.0], [0.0])] };
        Assert.Contains("log axis", Assert.Throws<InputError>(() => Plots.Save(path, zero)).Problem);
    }
}
