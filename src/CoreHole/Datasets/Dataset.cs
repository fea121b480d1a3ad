using CoreHole.Learning;

namespace CoreHole.Datasets;

/// <summary>
/// The sites of a dataset with everything the learning needs: their raw records, the input matrix of each
/// <see cref="InputVariant"/> and the target matrix (one row per site, as <see cref="Featurizer"/> made them), and the
/// seeded paper and group splits. <see cref="DatasetFile"/> stores it as HDF5.
/// </summary>
public sealed class Dataset
{
    public Dataset(IReadOnlyList<SiteRecord> records, Featurizer featurizer, IReadOnlyDictionary<InputVariant, Matrix> inputs,
        Matrix targets, IReadOnlyList<bool> zeroAboveData, int splitSeed, IReadOnlyDictionary<string, Part[]> splits)
    {
        if (records.Count == 0) throw new InputError("a dataset needs at least one site");
        (Records, Featurizer, Inputs, Targets, ZeroAboveData, SplitSeed, SplitParts) =
            (records, featurizer, inputs, targets, zeroAboveData, splitSeed, splits);
    }

    public IReadOnlyList<SiteRecord> Records { get; }
    public Featurizer Featurizer { get; }
    public IReadOnlyDictionary<InputVariant, Matrix> Inputs { get; }
    public Matrix Targets { get; }
    /// <summary>Per site: its PDOS windows reached above the PDOS data and were taken as zero there.</summary>
    public IReadOnlyList<bool> ZeroAboveData { get; }
    public int SplitSeed { get; }
    public IReadOnlyDictionary<string, Part[]> SplitParts { get; }
    public int Count => Records.Count;
    public IReadOnlyList<string> Materials => [.. Records.Select(r => r.Material)];

    /// <summary>
    /// Featurizes every record (each problem names the site) and makes both splits with <paramref name="splitSeed"/>.
    /// Refuses duplicate sites and half-gaps beyond the band-gap window, which would silently saturate that input.
    /// </summary>
    public static Dataset Build(IReadOnlyList<SiteRecord> records, Featurizer featurizer, int splitSeed)
    {
        var duplicate = records.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InputError($"site {duplicate.Key} appears {duplicate.Count()} times");
        foreach (var r in records.Where(r => r.Edges.Gap / 2 > featurizer.GapWindowEv))
            throw new InputError(r.Provenance.Source, null,
                $"{r.Id}: half the band gap ({r.Edges.Gap / 2:0.##} eV) exceeds the band-gap window ({featurizer.GapWindowEv} eV); widen it");
        var inputs = InputVariants.All.ToDictionary(v => v,
            v => Matrix.FromRows([.. records.Select(r => featurizer.Input(v, r.Pdos, r.Edges, $"{r.Provenance.Source} ({r.Id})"))]));
        var targets = Matrix.FromRows([.. records.Select(r => featurizer.Target(r.Spectrum, r.SpectrumThreshold, $"{r.Provenance.Source} ({r.Id})"))]);
        var materials = records.Select(r => r.Material).ToList();
        return new Dataset(records, featurizer, inputs, targets,
            [.. records.Select(r => Featurizer.ReachesAboveData(r.Pdos, r.Edges))], splitSeed,
            Splits.Names.ToDictionary(n => n, n => Splits.Make(n, materials, splitSeed)));
    }

    /// <summary>Indices of the sites in <paramref name="part"/> of split <paramref name="split"/>.</summary>
    public int[] Indices(string split, params Part[] part)
    {
        if (!SplitParts.TryGetValue(split, out var parts))
            throw new InputError($"unknown split '{split}': use {string.Join(" or ", SplitParts.Keys)}");
        return [.. Enumerable.Range(0, Count).Where(i => part.Contains(parts[i]))];
    }

    /// <summary>The rows <paramref name="indices"/> of <paramref name="matrix"/>, in that order.</summary>
    public static Matrix Rows(Matrix matrix, IReadOnlyList<int> indices)
    {
        var result = new Matrix(indices.Count, matrix.Columns);
        for (int i = 0; i < indices.Count; i++) matrix.Row(indices[i]).CopyTo(result.Row(i));
        return result;
    }
}
