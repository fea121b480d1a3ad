using System.Globalization;
using CoreHole.Datasets;
using CoreHole.Spectra;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.EndToEnd;

/// <summary>
/// The whole chain through the real CLI, from DFT output files to predictions: the alpha-quartz pilot (real QE
/// outputs) and synthetic sites written as plain column files, gathered by one manifest.
/// </summary>
public class PipelineEndToEndTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    static readonly string Pilot = Path.Combine(AppContext.BaseDirectory, "data", "qe-pilot");

    static string Run(params string[] arguments)
    {
        var (code, output) = CliProcess.Run(Limit, arguments);
        Assert.True(code == 0, $"corehole {string.Join(' ', arguments)} exited {code}: {output}");
        return output;
    }

    /// <summary>A manifest naming the pilot's files and <paramref name="synthetic"/> made-up sites written as column files.</summary>
    static string WriteManifest(string folder, int synthetic)
    {
        var lines = new List<string>
        {
            "material,site,pdos,ground_state,cbm_ev,vbm_ev,spectrum,core_hole,threshold_ev",
            $"alpha-quartz,O1,{Pilot}/gs_primitive/pdos/atm4_O_p.pdos,{Pilot}/gs_primitive/nscf.out,,,{Pilot}/corehole_2x2x2_2pj/xanes_k111_avg.dat,{Pilot}/corehole_2x2x2_2pj/scf.out,",
        };
        foreach (var site in SyntheticSites.Make(synthetic, seed: 11))
        {
            var name = $"{site.Material}-{site.Site}";
            WriteColumns(Path.Combine(folder, name + ".pdos.dat"), site.Pdos);
            WriteColumns(Path.Combine(folder, name + ".xas.dat"), site.Spectrum);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{site.Material},{site.Site},{name}.pdos.dat,,{site.Edges.Cbm:R},{site.Edges.Vbm:R},{name}.xas.dat,,{site.SpectrumThreshold.EnergyEv:R}"));
        }
        var manifest = Path.Combine(folder, "sites.csv");
        File.WriteAllLines(manifest, lines);
        return manifest;
    }

    static void WriteColumns(string path, Curve curve) =>
        File.WriteAllLines(path, ["# E(eV) intensity", .. Enumerable.Range(0, curve.Count).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{curve.Energies[i]:R} {curve.Intensities[i]:R}"))]);

    static double[] PredictedColumn(string file) =>
        [.. File.ReadLines(file).Where(l => !l.StartsWith('#'))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))];

    [Fact]
    public void FromDftFilesToPredictions()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-pipeline-").FullName;
        var manifest = WriteManifest(folder, synthetic: 60);
        var dataset = Path.Combine(folder, "sites.h5");
        // The pilot's 48 bands end just below CBM + 14.9 eV: its PDOS is taken as zero above its data.
        Assert.Contains("61 sites", Run("dataset", "build", manifest, "-o", dataset, "--zero-above-pdos", "--seed", "3"));
        Assert.Contains("1 onset fallbacks, 60 stated by the data", Run("dataset", "info", dataset));

        var training = Path.Combine(folder, "model");
        Assert.Contains("trained hidden 64", Run("train", dataset, "-o", training, "--hidden", "64", "--epochs", "60", "--patience", "10"));
        var model = Path.Combine(training, "model.chmlp");
        Assert.Contains("61 spectra (conduction input", Run("evaluate", model, dataset));

        // The raw pilot PDOS with its nscf output goes through the model's own preprocessing, and gives what the
        // dataset's prepared row gives (to float rounding: a batch of 61 rows is multiplied in another blocking than one row).
        var predictions = Path.Combine(folder, "predicted");
        Run("predict", $"{Pilot}/gs_primitive/pdos/atm4_O_p.pdos", "--model", model, "--ground-state", $"{Pilot}/gs_primitive/nscf.out", "-o", predictions, "--plot");
        Run("predict", dataset, "--model", model, "-o", predictions);
        var fromRaw = PredictedColumn(Path.Combine(predictions, "atm4_O_p.pdos.dat"));
        Assert.Equal(160, fromRaw.Length);
        var fromDataset = PredictedColumn(Path.Combine(predictions, "alpha-quartz_O1.dat"));
        Assert.All(fromRaw.Zip(fromDataset), p => Assert.Equal(p.Second, p.First, 1e-5 * Math.Max(1, Math.Abs(p.Second))));
        Assert.True(new FileInfo(Path.Combine(predictions, "atm4_O_p.pdos.png")).Length > 10_000);
        var read = SpectrumFiles(Path.Combine(predictions, "atm4_O_p.pdos.dat"));
        Assert.Equal(-1.0, read.FirstEnergy, 9);
        Assert.Equal(14.9, read.LastEnergy, 9);
    }

    [Fact]
    public void AModelRefusesAnotherVariantOrOtherwisePreparedData()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-pipeline-").FullName;
        var dataset = Path.Combine(folder, "synthetic.h5");
        Run("dataset", "synthetic", "-o", dataset, "--sites", "30");
        Run("train", dataset, "-o", folder, "--hidden", "16", "--epochs", "3");
        var model = Path.Combine(folder, "model.chmlp");

        var (code, output) = CliProcess.Run(Limit, "predict", dataset, "--model", model, "-o", folder, "--variant", "valence");
        Assert.Equal(2, code);
        Assert.Contains("the model takes the conduction input, not valence", output);

        var other = Path.Combine(folder, "other.h5");
        Run("dataset", "build", WriteManifest(folder, synthetic: 3), "-o", other, "--zero-above-pdos", "--sigma", "0.4");
        (code, output) = CliProcess.Run(Limit, "evaluate", model, other);
        Assert.Equal(2, code);
        Assert.Contains("preprocessing parameter 'sigma_ev' is 0.5 in the model, 0.4 for the data", output);
    }

    static Curve SpectrumFiles(string path) => CoreHole.Formats.SpectrumFiles.Read(path).Curves[0].Curve;
}
