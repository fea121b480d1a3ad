using System.Security.Cryptography;
using CoreHole.Datasets;
using CoreHole.Simulation;

namespace CoreHole.Evaluation;

/// <summary>
/// Where a model's training sites came from, for its <see cref="ModelCard"/>: the dataset file and its hash, and from
/// each site's campaign records (the dataset's provenance names the site's stage folder; its <c>stage.json</c> gives
/// the preset, the Quantum ESPRESSO version and the pseudopotentials, and the material's <c>plan.json</c> one folder up
/// gives the core-hole supercell and the cell) the presets, code versions, supercell widths, pseudopotential files and
/// elements.
/// </summary>
public static class TrainingProvenance
{
    public static ModelCard.TrainingData Of(string datasetPath, Dataset data, IReadOnlyList<int> training, IReadOnlyDictionary<string, int> sets)
    {
        var records = training.Select(i => data.Records[i]).ToList();
        var presets = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pseudopotentials = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var widths = new List<double>();
        var elements = new SortedSet<string>(StringComparer.Ordinal);
        int without = 0;
        foreach (var record in records)
        {
            var folder = record.Provenance.Source;
            var stage = Directory.Exists(folder) ? StageRecord.TryRead(folder) : null;
            var plan = Path.Combine(Path.GetDirectoryName(folder) ?? ".", "plan.json");
            if (stage is null || !File.Exists(plan))
            {
                without++;
                continue;
            }
            presets[stage.Preset] = presets.GetValueOrDefault(stage.Preset) + 1;
            foreach (var (file, hash) in stage.Pseudopotentials) pseudopotentials[file] = hash;
            var material = PlanFile.Read(plan);
            widths.Add(material.SupercellMinWidth);
            elements.UnionWith(material.Primitive.Atoms.Select(a => a.Element));
        }
        var materials = records.Select(r => r.Material).Distinct().Order(StringComparer.Ordinal).ToList();
        var sorted = widths.Order().ToArray();
        double[] spread = sorted.Length == 0 ? [] : [sorted[0], Bootstrap.Quantile(sorted, 0.5), sorted[^1]];
        return new ModelCard.TrainingData(Path.GetFileName(datasetPath), Sha256(datasetPath), sets, records.Count, materials.Count, materials,
            presets, [.. records.Select(r => $"{r.Provenance.Code} {r.Provenance.CodeVersion}").Distinct().Order(StringComparer.Ordinal)],
            spread, without, pseudopotentials, [.. elements]);
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
