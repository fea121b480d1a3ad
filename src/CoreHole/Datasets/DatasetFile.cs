using CoreHole.Learning;
using CoreHole.Spectra;
using PureHDF;

namespace CoreHole.Datasets;

/// <summary>
/// A <see cref="Dataset"/> as one HDF5 file that h5py reads as it is (nested groups, no "a/b" keys, plain arrays).
/// The layout is in docs/learning.md ("Dataset file"). Curves of different lengths are stored end to end with an offsets array
/// (site i is [offsets[i], offsets[i+1])), as in CSR matrices. Written to a temporary name and moved, so a killed
/// build never leaves a file that looks complete. Source paths are stored relative to the file's folder and resolved
/// against it on reading, so a dataset committed beside its campaign names the same folders in any clone.
/// </summary>
public static class DatasetFile
{
    public const string Format = "corehole-dataset";
    public const int FormatVersion = 1;
    static readonly Dictionary<InputVariant, string> InputNames = new()
    {
        [InputVariant.Conduction] = "conduction", [InputVariant.BandGap] = "band_gap", [InputVariant.Valence] = "valence",
    };

    public static void Write(string path, Dataset data)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder)) throw new InputError(path, null, $"no such folder: {folder}");
        var records = data.Records;
        var f = data.Featurizer;
        var file = new H5File();
        file.Attributes["format"] = Format;
        file.Attributes["format_version"] = FormatVersion;
        file.Attributes["corehole_version"] = Release.Version;
        file.Attributes["created_utc"] = DateTimeOffset.UtcNow.ToString("O");
        file.Attributes["sites"] = data.Count;
        file.Attributes["sigma_ev"] = f.SigmaEv;
        file.Attributes["input_normalization"] = f.InputNormalization.ToString();
        file.Attributes["target_normalization"] = f.TargetNormalization.ToString();
        file.Attributes["intensity_scale"] = f.IntensityScale;
        file.Attributes["gap_window_ev"] = f.GapWindowEv;
        file.Attributes["zero_above_data"] = f.ZeroAboveData ? 1 : 0;

        file["sites"] = new H5Group
        {
            ["material"] = Strings(records, r => r.Material),
            ["site"] = Strings(records, r => r.Site),
            ["multiplicity"] = records.Select(r => r.Multiplicity).ToArray(),
            ["vbm_ev"] = Numbers(records, r => r.Edges.Vbm),
            ["cbm_ev"] = Numbers(records, r => r.Edges.Cbm),
            ["band_gap_ev"] = Numbers(records, r => r.Edges.Gap),
            ["mid_gap_ev"] = Numbers(records, r => r.Edges.MidGap),
            ["band_edges_source"] = Strings(records, r => r.Edges.Source),
            ["spectrum_threshold_ev"] = Numbers(records, r => r.SpectrumThreshold.EnergyEv),
            ["spectrum_threshold_source"] = Strings(records, r => r.SpectrumThreshold.Source),
            ["spectrum_threshold_fallback"] = records.Select(r => (byte)(r.SpectrumThreshold.IsFallback ? 1 : 0)).ToArray(),
            ["pdos_zero_above_data"] = data.ZeroAboveData.Select(z => (byte)(z ? 1 : 0)).ToArray(),
            // The campaign's word on each site (SiteOrigin); empty and NaN for a site from a manifest or made up.
            ["set"] = Strings(records, r => r.Origin?.Set ?? ""),
            ["formula"] = Strings(records, r => r.Origin?.Formula ?? ""),
            ["supercell_width_a"] = Numbers(records, r => r.Origin?.SupercellWidth ?? double.NaN),
        };
        var raw = new H5Group();
        AddCurves(raw, "pdos", records.Select(r => r.Pdos));
        AddCurves(raw, "spectrum", records.Select(r => r.Spectrum));
        file["raw"] = raw;
        file["grids"] = new H5Group
        {
            ["conduction_ev"] = Featurizer.ConductionGrid.ToArray(),
            ["gap_ev"] = f.GapGrid.ToArray(),
            ["valence_ev"] = Featurizer.ValenceGrid.ToArray(),
            ["target_ev"] = Featurizer.TargetGrid.ToArray(),
        };
        var inputs = new H5Group();
        foreach (var (variant, name) in InputNames) inputs[name] = Table(data.Inputs[variant]);
        file["inputs"] = inputs;
        file["target"] = Table(data.Targets);
        var provenance = new H5Group
        {
            ["code"] = Strings(records, r => r.Provenance.Code),
            ["code_version"] = Strings(records, r => r.Provenance.CodeVersion),
            ["settings"] = Strings(records, r => r.Provenance.Settings),
            ["ground_state_wall_s"] = Numbers(records, r => r.Provenance.GroundStateWallSeconds),
            ["core_hole_wall_s"] = Numbers(records, r => r.Provenance.CoreHoleWallSeconds),
            ["preset"] = Strings(records, r => r.Origin?.Preset ?? ""),
            ["source"] = Strings(records, r => StoredSource(r.Provenance.Source, folder)),
        };
        provenance.Attributes["source_paths"] = "relative to the folder of this file when they start with ./ or ../";
        file["provenance"] = provenance;
        var splits = new H5Group();
        splits.Attributes["seed"] = data.SplitSeed;
        splits.Attributes["values"] = "0 train, 1 validation, 2 test";
        foreach (var (name, parts) in data.SplitParts) splits[name] = parts.Select(p => (byte)p).ToArray();
        file["splits"] = splits;

        var part = path + ".part";
        file.Write(part);
        File.Move(part, path, overwrite: true);
    }

    public static Dataset Read(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such dataset file");
        try
        {
            using var file = H5File.OpenRead(path);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!file.AttributeExists("format") || file.Attribute("format").Read<string>() != Format)
                throw new InputError(path, null, "not a CoreHole dataset (HDF5 attribute format is not 'corehole-dataset')");
            var version = file.Attribute("format_version").Read<int>();
            if (version != FormatVersion) throw new InputError(path, null, $"dataset format version {version}; this CoreHole reads version {FormatVersion}");
            double Attribute(string name) => file.Attribute(name).Read<double>();
            var featurizer = new Featurizer(Attribute("sigma_ev"), Normalization.Parse(file.Attribute("input_normalization").Read<string>()),
                Normalization.Parse(file.Attribute("target_normalization").Read<string>()), Attribute("intensity_scale"),
                Attribute("gap_window_ev"), file.Attribute("zero_above_data").Read<int>() != 0);

            var sites = file.Group("sites");
            var provenance = file.Group("provenance");
            var raw = file.Group("raw");
            string[] S(IH5Group g, string name) => g.Dataset(name).Read<string[]>();
            double[] D(IH5Group g, string name) => g.Dataset(name).Read<double[]>();
            var (material, site, multiplicity) = (S(sites, "material"), S(sites, "site"), sites.Dataset("multiplicity").Read<int[]>());
            var (vbm, cbm, edgesSource) = (D(sites, "vbm_ev"), D(sites, "cbm_ev"), S(sites, "band_edges_source"));
            var (threshold, thresholdSource, fallback) = (D(sites, "spectrum_threshold_ev"), S(sites, "spectrum_threshold_source"),
                sites.Dataset("spectrum_threshold_fallback").Read<byte[]>());
            var (code, codeVersion, settings, source) = (S(provenance, "code"), S(provenance, "code_version"), S(provenance, "settings"), S(provenance, "source"));
            var (gsWall, chWall) = (D(provenance, "ground_state_wall_s"), D(provenance, "core_hole_wall_s"));
            var origins = ReadOrigins(sites, provenance, material.Length);
            var pdos = ReadCurves(raw, "pdos");
            var spectra = ReadCurves(raw, "spectrum");
            var records = Enumerable.Range(0, material.Length).Select(i => new SiteRecord(material[i], site[i], multiplicity[i], pdos[i],
                new BandEdges(vbm[i], cbm[i], edgesSource[i]), spectra[i], new Threshold(threshold[i], thresholdSource[i], fallback[i] != 0),
                new SiteProvenance(code[i], codeVersion[i], settings[i], gsWall[i], chWall[i], ReadSource(source[i], folder)), origins[i])).ToList();

            var inputs = InputNames.ToDictionary(p => p.Key, p => ReadTable(file.Group("inputs").Dataset(p.Value)));
            var splitGroup = file.Group("splits");
            var splits = Splits.Names.ToDictionary(n => n, n => splitGroup.Dataset(n).Read<byte[]>().Select(b => (Part)b).ToArray());
            return new Dataset(records, featurizer, inputs, ReadTable(file.Dataset("target")),
                [.. sites.Dataset("pdos_zero_above_data").Read<byte[]>().Select(b => b != 0)], splitGroup.Attribute("seed").Read<int>(), splits);
        }
        catch (Exception e) when (e is not InputError) // PureHDF reports damage with several exception types
        {
            throw new InputError(path, null, $"unreadable dataset: {e.Message}", e);
        }
    }

    /// <summary>Each site's <see cref="SiteOrigin"/>, or null where it has none; a file written before origins were
    /// recorded (the same format otherwise) has none at all.</summary>
    static SiteOrigin?[] ReadOrigins(IH5Group sites, IH5Group provenance, int count)
    {
        if (!sites.LinkExists("set")) return new SiteOrigin?[count];
        var (set, formula, width) = (sites.Dataset("set").Read<string[]>(), sites.Dataset("formula").Read<string[]>(),
            sites.Dataset("supercell_width_a").Read<double[]>());
        var preset = provenance.Dataset("preset").Read<string[]>();
        return [.. Enumerable.Range(0, count).Select(i => set[i].Length == 0 ? null : new SiteOrigin(set[i], formula[i], preset[i], width[i]))];
    }

    /// <summary>
    /// An absolute source path (a campaign site's folder; a manifest's "path:line", whose ":line" rides along in the last
    /// segment) as "./" or "../" relative to the dataset's folder; a source that is not a path (say "synthetic") as it is.
    /// </summary>
    static string StoredSource(string source, string folder)
    {
        if (!Path.IsPathRooted(source)) return source;
        var relative = Path.GetRelativePath(folder, source);
        return Path.IsPathRooted(relative) || relative.StartsWith("../") ? relative : "./" + relative;
    }

    static string ReadSource(string stored, string folder) =>
        stored.StartsWith("./") || stored.StartsWith("../") ? Path.GetFullPath(stored, folder) : stored;

    static string[] Strings(IReadOnlyList<SiteRecord> records, Func<SiteRecord, string> value) => [.. records.Select(value)];

    static double[] Numbers(IReadOnlyList<SiteRecord> records, Func<SiteRecord, double> value) => [.. records.Select(value)];

    static H5Dataset Table(Matrix m) => new(m.Data, fileDims: [(ulong)m.Rows, (ulong)m.Columns]);

    static Matrix ReadTable(IH5Dataset dataset)
    {
        var dims = dataset.Space.Dimensions;
        return new Matrix((int)dims[0], (int)dims[1], dataset.Read<float[]>());
    }

    static void AddCurves(H5Group group, string name, IEnumerable<Curve> curves)
    {
        var list = curves.ToList();
        var offsets = new long[list.Count + 1];
        for (int i = 0; i < list.Count; i++) offsets[i + 1] = offsets[i] + list[i].Count;
        group[$"{name}_offsets"] = offsets;
        group[$"{name}_energy_ev"] = list.SelectMany(c => c.Energies.ToArray()).ToArray();
        group[$"{name}_intensity"] = list.SelectMany(c => c.Intensities.ToArray()).ToArray();
    }

    static Curve[] ReadCurves(IH5Group group, string name)
    {
        var offsets = group.Dataset($"{name}_offsets").Read<long[]>();
        var energies = group.Dataset($"{name}_energy_ev").Read<double[]>();
        var intensities = group.Dataset($"{name}_intensity").Read<double[]>();
        return [.. Enumerable.Range(0, offsets.Length - 1).Select(i =>
        {
            var (start, length) = ((int)offsets[i], (int)(offsets[i + 1] - offsets[i]));
            return new Curve(energies.AsSpan(start, length), intensities.AsSpan(start, length));
        })];
    }
}
