using System.Globalization;
using System.Text;
using System.Text.Json;
using CoreHole.Simulation;
using CoreHole.Training;

namespace CoreHole.Paper;

/// <summary>
/// What a run found: where the sites came from and how many each set has, the models, the measured prediction time per
/// site, and for each part of the report that has no data a sentence saying why and what would produce it.
/// </summary>
public sealed record ReproductionSummary(
    string Source, string Grid, DateTimeOffset Finished, double Seconds, int CrystallineSites, int AmorphousSites, int OxideSites,
    IReadOnlyList<string> Notes, IReadOnlyList<TrainedModelSummary> Models, double? PredictionSecondsPerSite,
    IReadOnlyDictionary<string, string> Missing, GroupCvSummary? GroupCv = null, int OtherOxideSites = 0, Evaluation.Acquisition.Study? Acquisition = null);

/// <summary>The default predictor and the baselines under repeated group cross-validation (Evaluation.Comparison), with
/// the held-out coverage of the predictor's ±1σ and ±2σ bands, and the predictor's and ridge's held-out error against
/// each site's supercell width beside the label-width study's label changes (Evaluation.ErrorByWidth).</summary>
public sealed record GroupCvSummary(int Sites, int Materials, int Folds, int Repeats, IReadOnlyList<Evaluation.ModelScore> Scores,
    double OneSigmaCoverage, double TwoSigmaCoverage, IReadOnlyList<Evaluation.ErrorByWidth.Series>? ErrorsByWidth = null,
    IReadOnlyList<Evaluation.ErrorByWidth.LabelChange>? LabelChanges = null);

/// <summary>One site's spectra on the target grid: computed and predicted spectrum, and its conduction-band PDOS input.</summary>
public sealed record SitePrediction(string Material, string Site, double[] Energies, double[] Calculated, double[] Predicted, double[] Pdos)
{
    public string Id => $"{Material}/{Site}";

    /// <summary>The paper's per-spectrum error: mean squared difference over the 160 target points.</summary>
    public double Mse => Calculated.Zip(Predicted, (c, p) => (p - c) * (p - c)).Average();
}

/// <summary>A material of the leave-one-compound-out transfer: its compound's formula, its set (the oxide campaign's, or
/// the transfer oxides'), the fit that held its compound out (numbered from 1) and how many sites that fit trained on.</summary>
public sealed record HeldOutMaterial(string Formula, string Material, string Set, int Fit, int TrainingSites);

/// <summary>One site's measured DFT wall times (its material's ground state; its own core-hole run).</summary>
public sealed record SiteCost(string Material, string Site, double GroundStateSeconds, double CoreHoleSeconds);

/// <summary>
/// The files between a run and its report, in the report folder: <c>results.json</c> (<see cref="ReproductionSummary"/>),
/// <c>predictions/NAME.csv</c> (one per evaluation, long format), <c>cost.csv</c>, <c>compounds.csv</c> (the
/// leave-one-compound-out transfer's materials) and <c>cv/MODEL.csv</c> (each search's
/// table). The page is made from these alone, so it can be remade, or checked, without training again.
/// </summary>
public sealed class ResultFiles(string folder)
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Folder { get; } = Path.GetFullPath(folder);
    public string SummaryFile => Path.Combine(Folder, "results.json");
    public string CostFile => Path.Combine(Folder, "cost.csv");
    public string CompoundsFile => Path.Combine(Folder, "compounds.csv");
    public string PredictionsFile(string evaluation) => Path.Combine(Folder, "predictions", evaluation + ".csv");
    public string CvFile(string model) => Path.Combine(Folder, "cv", model + ".csv");

    public string AmorphousCellsFolder => Path.Combine(Folder, "amorphous");

    /// <summary>Copies each amorphous cell's checks (CELL.json) and pair distribution functions (CELL.rdf.csv) into the results.</summary>
    public void WriteAmorphousCells(IEnumerable<string> checkFiles)
    {
        foreach (var json in checkFiles)
            foreach (var file in new[] { json, Path.ChangeExtension(json, ".rdf.csv") })
            {
                if (!File.Exists(file)) throw new InputError(file, null, "missing: corehole amorphous writes it beside each cell");
                Directory.CreateDirectory(AmorphousCellsFolder);
                Atomic.Copy(file, Path.Combine(AmorphousCellsFolder, Path.GetFileName(file)));
            }
    }

    /// <summary>The amorphous cells' check files and g(r) tables, by cell name (none if the run had no amorphous cells).</summary>
    public IReadOnlyList<(string Name, JsonElement Checks, string[][] Rdf)> ReadAmorphousCells() =>
        !Directory.Exists(AmorphousCellsFolder) ? []
            : [.. Directory.GetFiles(AmorphousCellsFolder, "*.json").Order(StringComparer.Ordinal).Select(json =>
            {
                var name = Path.GetFileNameWithoutExtension(json);
                var rdf = Path.ChangeExtension(json, ".rdf.csv");
                return (name, JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone(),
                    File.ReadLines(rdf).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray());
            })];

    public void WriteSummary(ReproductionSummary summary) => Write(SummaryFile, JsonSerializer.Serialize(summary, Json));

    public ReproductionSummary ReadSummary()
    {
        if (!File.Exists(SummaryFile)) throw new InputError(SummaryFile, null, "no results here: run corehole reproduce first");
        try { return JsonSerializer.Deserialize<ReproductionSummary>(File.ReadAllText(SummaryFile), Json) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new InputError(SummaryFile, null, $"unreadable results: {e.Message}", e); }
    }

    public void WritePredictions(string evaluation, IEnumerable<SitePrediction> sites)
    {
        var text = new StringBuilder("material,site,energy_ev,calculated,predicted,pdos\n");
        foreach (var s in sites)
            for (int i = 0; i < s.Energies.Length; i++)
                text.Append(CultureInfo.InvariantCulture, $"{s.Material},{s.Site},{s.Energies[i]:0.0##},{s.Calculated[i]:R},{s.Predicted[i]:R},{s.Pdos[i]:R}\n");
        Write(PredictionsFile(evaluation), text.ToString());
    }

    /// <summary>The evaluation's sites in file order, or null if the run made none.</summary>
    public IReadOnlyList<SitePrediction>? ReadPredictions(string evaluation)
    {
        var path = PredictionsFile(evaluation);
        if (!File.Exists(path)) return null;
        return [.. Rows(path, 6).GroupBy(r => (r[0], r[1])).Select(g =>
        {
            double[] Column(int c) => [.. g.Select(r => Number(r[c], path))];
            return new SitePrediction(g.Key.Item1, g.Key.Item2, Column(2), Column(3), Column(4), Column(5));
        })];
    }

    public void WriteCosts(IEnumerable<SiteCost> costs) =>
        Write(CostFile, "material,site,ground_state_s,core_hole_s\n" + string.Concat(costs.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Material},{c.Site},{c.GroundStateSeconds:R},{c.CoreHoleSeconds:R}\n"))));

    public IReadOnlyList<SiteCost> ReadCosts() =>
        File.Exists(CostFile) ? [.. Rows(CostFile, 4).Select(r => new SiteCost(r[0], r[1], Number(r[2], CostFile), Number(r[3], CostFile)))] : [];

    public void WriteCompounds(IEnumerable<HeldOutMaterial> materials) =>
        Write(CompoundsFile, "formula,material,set,fit,training_sites\n" + string.Concat(materials.Select(m => $"{m.Formula},{m.Material},{m.Set},{m.Fit},{m.TrainingSites}\n")));

    /// <summary>The leave-one-compound-out transfer's materials, none if the run made no such transfer.</summary>
    public IReadOnlyList<HeldOutMaterial> ReadCompounds() =>
        File.Exists(CompoundsFile) ? [.. Rows(CompoundsFile, 5).Select(r => new HeldOutMaterial(r[0], r[1], r[2], (int)Number(r[3], CompoundsFile), (int)Number(r[4], CompoundsFile)))] : [];

    /// <summary>A search's cv-results.csv (header and rows), or null if the run made none for <paramref name="model"/>.</summary>
    public string[][]? ReadCv(string model) =>
        File.Exists(CvFile(model)) ? [.. File.ReadLines(CvFile(model)).Where(l => l.Length > 0).Select(l => l.Split(','))] : null;

    static IEnumerable<string[]> Rows(string path, int columns) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select((l, i) =>
    {
        var fields = l.Split(',');
        return fields.Length == columns ? fields : throw new InputError(path, i + 2, $"{fields.Length} fields, expected {columns}");
    });

    static double Number(string text, string path) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new InputError(path, null, $"'{text}' is not a number");

    static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Atomic.WriteAllText(path, text);
    }
}
