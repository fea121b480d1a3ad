using System.Globalization;
using System.Text.Json;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Models;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.QuantumEspresso;

/// <summary>
/// <c>corehole predict STRUCTURE</c> through the real CLI and Quantum ESPRESSO: alpha-quartz's ground state (the
/// predict preset with small cutoffs and meshes, so that it runs in a minute or two), every O site predicted by a small
/// ensemble fitted on synthetic sites, the files checked, and a second run reusing the ground state.
/// </summary>
public class PredictEndToEndTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);
    static readonly string Quartz = Path.Combine(AppContext.BaseDirectory, "data", "seed", "alpha-quartz.cif");   // data/structures/seed
    static readonly string MgOPoscar = Path.Combine(AppContext.BaseDirectory, "data", "layouts", "MgO.poscar");

    /// <summary>Physics aside: low cutoffs, Γ scf, a 2x2x2 nscf, bands only to the window's top (CBM + 15 eV with
    /// projwfc's margin); one process, as MPI waits dominate on a loaded machine.</summary>
    static readonly string[] Quick = ["--set", "ecutwfc=20,ecutrho=160,scf_k_length=4,nscf_k_length=8,pdos_reach=13", "--np", "1"];

    static string Run(params string[] arguments)
    {
        var (code, output) = CliProcess.Run(Limit, arguments);
        Assert.True(code == 0, $"corehole {string.Join(' ', arguments)} exited {code}:\n{output}");
        return output;
    }

    static double[][] Rows(string csv) =>
        [.. File.ReadLines(csv).SkipWhile(l => l.StartsWith('#')).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>A small deep ensemble fitted on the dataset's sites and saved with its preprocessing: what the test needs of a model, in seconds.</summary>
    static string SmallEnsemble(string dataset, string path)
    {
        var data = DatasetFile.Read(dataset);
        var model = new DeepEnsemble(members: 2, hidden: 16, epochs: 30);
        model.Fit(data.Inputs[InputVariant.Conduction], data.Targets, data.Materials);
        ModelArchive.Save(path, model, data.Featurizer.Describe(InputVariant.Conduction));
        return path;
    }

    [Fact]
    public void AlphaQuartzFromItsCifToEverySiteAndTheMaterial()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-predict-").FullName;
        var dataset = Path.Combine(folder, "synthetic.h5");
        Run("dataset", "synthetic", "-o", dataset, "--sites", "40");
        var model = SmallEnsemble(dataset, Path.Combine(folder, "model.chmodel"));
        var output = Path.Combine(folder, "quartz");
        string[] predict = ["predict", Quartz, "-o", output, "--model", model, "--domain", dataset, .. Quick];
        Assert.Contains("wrote 1 site spectra", Run(predict));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var sites = summary.RootElement.GetProperty("sites").EnumerateArray().ToList();
        var site = Assert.Single(sites);          // alpha-quartz has one inequivalent O site, 6 in the primitive cell
        Assert.Equal(6, site.GetProperty("multiplicity").GetInt32());
        Assert.False(summary.RootElement.GetProperty("ground_state").GetProperty("reused").GetBoolean());
        Assert.True(summary.RootElement.GetProperty("ground_state").GetProperty("band_gap_ev").GetDouble() > 5);
        foreach (var name in new[] { "material.csv", "material.png", "overlay.png", site.GetProperty("csv").GetString()!, site.GetProperty("png").GetString()! })
            Assert.True(new FileInfo(Path.Combine(output, name)).Length > 0, name);

        var spectra = sites.Select(s => (Weight: s.GetProperty("multiplicity").GetInt32(), Rows: Rows(Path.Combine(output, s.GetProperty("csv").GetString()!)))).ToList();
        var siteRows = spectra[0].Rows;
        Assert.Equal(160, siteRows.Length);
        Assert.All(spectra.SelectMany(s => s.Rows), r => Assert.True(r.All(double.IsFinite) && r[1] >= 0 && r[2] >= 0, string.Join(",", r)));
        var material = Rows(Path.Combine(output, "material.csv"));
        var total = spectra.Sum(s => s.Weight);
        for (int i = 0; i < material.Length; i++)
            Assert.Equal(spectra.Sum(s => s.Weight * s.Rows[i][1]) / total, material[i][1], 5);

        // Run again: the finished ground state is reused, not recomputed.
        Run(predict);
        using var again = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.True(again.RootElement.GetProperty("ground_state").GetProperty("reused").GetBoolean());

        // The same run given as an existing QE run gives the same spectrum.
        var fromRun = Path.Combine(folder, "from-run");
        Run("predict", "--ground-state", Path.Combine(output, "ground-state", "alpha-quartz", "gs"), "-o", fromRun,
            "--model", model, "--domain", dataset);
        Assert.Equal(siteRows.Select(r => r[1]), Rows(Path.Combine(fromRun, "O1.csv")).Select(r => r[1]));
    }

    /// <summary>
    /// A POSCAR with no model named: the shipped silica model predicts rock-salt MgO and says the material lies outside
    /// what it was trained on (Mg unseen, a gap below silica's) in its output, the CSV header and summary.json.
    /// </summary>
    [Fact]
    public void MgOFromAPoscarWithTheShippedModelIsFlaggedOutsideItsChemistry()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("corehole-predict-poscar-").FullName, "mgo");
        var printed = Run(["predict", MgOPoscar, "-o", output, .. Quick]);
        Assert.Contains("training chemistry: OUTSIDE (elements never seen in training: Mg; band gap", printed);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.EndsWith(ShippedModel.RelativePath, root.GetProperty("model").GetProperty("path").GetString());
        var chemistry = root.GetProperty("chemistry");
        Assert.True(chemistry.GetProperty("outside_training").GetBoolean());
        Assert.Equal(["Mg"], chemistry.GetProperty("unseen_elements").EnumerateArray().Select(e => e.GetString()));
        var site = Assert.Single(root.GetProperty("sites").EnumerateArray().ToList());   // one O site in rock salt
        Assert.Equal(1, site.GetProperty("multiplicity").GetInt32());
        Assert.Contains(File.ReadLines(Path.Combine(output, "O1.csv")), l => l.StartsWith("# training chemistry: OUTSIDE", StringComparison.Ordinal));
        var rows = Rows(Path.Combine(output, "material.csv"));
        Assert.Equal(160, rows.Length);
        Assert.All(rows, r => Assert.True(r.All(double.IsFinite) && r[1] >= 0 && r[2] >= 0, string.Join(",", r)));
    }
}
