using System.CommandLine;
using CoreHole.Formats;
using CoreHole.Spectra;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole compare A B</c>: how alike two spectra are (Pearson r over a window, main peak positions).</summary>
static class CompareCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("first") { Description = "spectrum file A (any format CoreHole reads)" };
        var second = new Argument<string>("second") { Description = "spectrum file B" };
        var curveA = new Option<string?>("--curve-a") { Description = "curve of A by name (see inspect; e.g. avg, x, z); default: its main curve" };
        var curveB = new Option<string?>("--curve-b") { Description = "curve of B by name; default: its main curve" };
        var from = new Option<double>("--from") { Description = "window start (eV, each file's own energy scale)", DefaultValueFactory = _ => 0 };
        var to = new Option<double>("--to") { Description = "window end (eV)", DefaultValueFactory = _ => 30 };
        var lorentzian = new Option<double?>("--lorentzian-a") { Description = "extra Lorentzian half-width (eV) applied to A first: 0.4 brings an xgamma = 0.1 spectrum to xgamma = 0.5" };
        var sigma = new Option<double>("--sigma") { Description = "Gaussian broadening of both, standard deviation in eV (the paper: 0.5); 0: as read", DefaultValueFactory = _ => 0 };
        var zeroA = new Option<double>("--zero-a") { Description = "energy of A (eV, its file's scale) to put at 0, e.g. its CBM: the window is then relative to it", DefaultValueFactory = _ => 0 };
        var zeroB = new Option<double>("--zero-b") { Description = "energy of B to put at 0", DefaultValueFactory = _ => 0 };
        var command = new Command("compare", "Compare two spectra: Pearson correlation over a window, the shift of the main peak, and the MSE at mean 1.")
        {
            first, second, curveA, curveB, from, to, lorentzian, sigma, zeroA, zeroB,
        };
        command.SetAction(parse =>
        {
            var a = Pick(SpectrumFiles.Read(parse.GetValue(first)!), parse.GetValue(curveA));
            var b = Pick(SpectrumFiles.Read(parse.GetValue(second)!), parse.GetValue(curveB));
            if (parse.GetValue(lorentzian) is { } gamma) a = a.BroadenLorentzian(gamma);
            if (parse.GetValue(sigma) is var s and not 0)
            {
                if (s < 0) throw new InputError($"--sigma must be 0 or positive, not {s}");
                (a, b) = (a.BroadenGaussian(s), b.BroadenGaussian(s));
            }
            (a, b) = (a.AlignedTo(parse.GetValue(zeroA)), b.AlignedTo(parse.GetValue(zeroB)));
            var result = Comparison.Of(a, b, parse.GetValue(from), parse.GetValue(to));
            Tables.Write(["Pearson r", "main peak A (eV)", "main peak B (eV)", "shift B - A (eV)", "MSE at mean 1"],
                [[$"{result.Pearson:F4}", $"{result.MainPeakA:F2}", $"{result.MainPeakB:F2}", $"{result.MainPeakShift:+0.00;-0.00;0.00}", $"{result.MeanOneMse:F4}"]]);
            return 0;
        });
        return command;
    }

    static Curve Pick(SpectrumFile file, string? name) =>
        file.Curves.Count == 0 ? throw new InputError(file.Path, null, $"a {file.Format} file holds no curve")
        : name is null ? file.Curves[0].Curve : file.CurveNamed(name);
}
