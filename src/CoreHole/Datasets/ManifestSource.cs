using System.Globalization;
using CoreHole.Formats;
using CoreHole.Spectra;

namespace CoreHole.Datasets;

/// <summary>
/// A manifest CSV: one O site per line, for DFT data in any layout (the qe-seed and pilot folders, a user's own runs).
/// The first line names the columns, in any order; file paths are relative to the manifest; fields hold no commas;
/// blank lines and lines starting with # are ignored.
/// <list type="table">
/// <item><term>material, site</term><description>required: the site's name (material ids group sites in the group split)</description></item>
/// <item><term>pdos</term><description>required: the site's O-p PDOS file (any format CoreHole reads; its main curve)</description></item>
/// <item><term>ground_state</term><description>pw.x output of the PDOS run (its band edges), or instead...</description></item>
/// <item><term>cbm_ev, vbm_ev</term><description>...the band edges on the PDOS's energy scale</description></item>
/// <item><term>spectrum</term><description>required: the site's isotropic spectrum file (its main curve)</description></item>
/// <item><term>core_hole</term><description>optional: pw.x output of the core-hole run (threshold LUMO − HOMO), or instead...</description></item>
/// <item><term>threshold_ev</term><description>...the spectrum threshold on its scale; with neither, the file's own or the onset fallback</description></item>
/// <item><term>multiplicity, code, settings</term><description>optional: equivalent atoms (default 1); code name; settings text</description></item>
/// </list>
/// </summary>
public static class ManifestSource
{
    static readonly string[] Known = ["material", "site", "pdos", "ground_state", "cbm_ev", "vbm_ev", "spectrum", "core_hole", "threshold_ev", "multiplicity", "code", "settings"];

    public static SourceReading Read(string manifest)
    {
        var lines = File.ReadAllLines(manifest);
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        int headerIndex = Array.FindIndex(lines, l => !IsSkipped(l));
        if (headerIndex < 0) throw new InputError(manifest, null, "empty manifest");
        var columns = lines[headerIndex].Split(',').Select(c => c.Trim().ToLowerInvariant()).ToArray();
        if (columns.FirstOrDefault(c => !Known.Contains(c)) is { } unknown)
            throw new InputError(manifest, headerIndex + 1, $"unknown column '{unknown}' (columns: {string.Join(", ", Known)})");
        foreach (var required in new[] { "material", "site", "pdos", "spectrum" })
            if (!columns.Contains(required)) throw new InputError(manifest, headerIndex + 1, $"no '{required}' column");
        if (!columns.Contains("ground_state") && !(columns.Contains("cbm_ev") && columns.Contains("vbm_ev")))
            throw new InputError(manifest, headerIndex + 1, "band edges need a 'ground_state' column or both 'cbm_ev' and 'vbm_ev'");

        var sites = new List<SiteRecord>();
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (IsSkipped(lines[i])) continue;
            var fields = lines[i].Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != columns.Length)
                throw new InputError(manifest, i + 1, $"{fields.Length} fields, the header has {columns.Length} (no commas inside fields)");
            var row = new Row(manifest, i + 1, folder, columns.Zip(fields).Where(p => p.Second.Length > 0).ToDictionary(p => p.First, p => p.Second));
            sites.Add(Site(row));
        }
        return new SourceReading(sites, []);
    }

    static SiteRecord Site(Row row)
    {
        var groundState = row.OptionalPath("ground_state") is { } gsPath ? PwOutputReader.Read(gsPath) : null;
        var edges = row.OptionalNumber("cbm_ev") is { } cbm
            ? new BandEdges(row.Number("vbm_ev"), cbm, "given in the manifest")
            : groundState!.BandEdges() ?? throw row.Error($"{groundState.Path} gives no band edges (no empty bands?): give cbm_ev and vbm_ev");
        var coreHole = row.OptionalPath("core_hole") is { } chPath ? PwOutputReader.Read(chPath) : null;
        var threshold = row.OptionalNumber("threshold_ev") is { } t ? new Threshold(t, "given in the manifest")
            : coreHole is null ? null : SiteSources.CoreHoleThreshold(coreHole);
        var (spectrum, spectrumThreshold) = SiteSources.Spectrum(row.Path("spectrum"), threshold);
        var pw = groundState ?? coreHole;
        var provenance = new SiteProvenance(row.Text("code") ?? (pw is null ? "unknown" : "Quantum ESPRESSO"),
            pw?.QeVersion ?? "", row.Text("settings") ?? "",
            groundState?.WallSeconds ?? 0, coreHole?.WallSeconds ?? 0, $"{Path.GetFullPath(row.Manifest)}:{row.Line}");
        var multiplicity = row.OptionalNumber("multiplicity") is { } m
            ? (m >= 1 && double.IsInteger(m) ? (int)m : throw row.Error($"multiplicity must be a positive integer, not {m}"))
            : 1;
        return new SiteRecord(row.Text("material")!, row.Text("site")!, multiplicity, SiteSources.Pdos(row.Path("pdos")), edges,
            spectrum, spectrumThreshold, provenance);
    }

    static bool IsSkipped(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    sealed record Row(string Manifest, int Line, string Folder, Dictionary<string, string> Fields)
    {
        public InputError Error(string problem) => new(Manifest, Line, problem);

        public string? Text(string column) => Fields.GetValueOrDefault(column);

        public string Path(string column) => OptionalPath(column) ?? throw Error($"no '{column}' given");

        public string? OptionalPath(string column)
        {
            if (Text(column) is not { } relative) return null;
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, relative));
            return File.Exists(path) ? path : throw Error($"{column} '{relative}' does not exist");
        }

        public double Number(string column) => OptionalNumber(column) ?? throw Error($"no '{column}' given");

        public double? OptionalNumber(string column) =>
            Text(column) is not { } text ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw Error($"{column} '{text}' is not a number");
    }
}
