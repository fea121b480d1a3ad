using System.Xml;
using System.Xml.Linq;
using CoreHole.Spectra;

namespace CoreHole.Formats;

/// <summary>
/// VASP's <c>vasprun.xml</c>: the DOS of the last &lt;calculation&gt; (&lt;dos&gt;: efermi, &lt;total&gt; and,
/// with LORBIT, &lt;partial&gt; per ion and spin, columns named by &lt;field&gt;), element names from
/// &lt;atominfo&gt;, and band edges from the &lt;eigenvalues&gt; occupations (occupied: occ &gt; 0.5).
/// Energies absolute (eV). The whole document is loaded, which suits DOS runs rather than long MD trajectories.
/// </summary>
public static class VasprunReader
{
    public static SpectrumFile Read(string path)
    {
        var doc = Load(path);
        InputError Error(XObject? at, string problem) =>
            new(path, at is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null, problem);
        var root = doc.Root is { Name.LocalName: "modeling" } r ? r : throw Error(doc.Root, "not a vasprun.xml: the root element is not <modeling>");
        var calculation = root.Elements("calculation").LastOrDefault() ?? throw Error(root, "no <calculation> block");
        var dos = calculation.Element("dos") ?? throw Error(calculation, "the last <calculation> has no <dos> block (was a DOS written?)");
        var fermiElement = dos.Elements("i").FirstOrDefault(i => (string?)i.Attribute("name") == "efermi");
        double? fermi = fermiElement is null ? null : Number(fermiElement.Value, fermiElement);
        var elements = root.Element("atominfo")?.Elements("array").FirstOrDefault(a => (string?)a.Attribute("name") == "atoms")
            ?.Element("set")?.Elements("rc").Select(rc => rc.Elements("c").First().Value.Trim()).ToArray() ?? [];

        var totalArray = dos.Element("total")?.Element("array") ?? throw Error(dos, "<dos> has no <total> array");
        var spins = totalArray.Element("set")?.Elements("set").ToArray() ?? [];
        if (spins.Length is not (1 or 2)) throw Error(totalArray, $"<total> has {spins.Length} spin sets, expected 1 or 2");
        string SpinName(int s) => spins.Length == 1 ? "" : s == 0 ? " up" : " down";
        var curves = new List<NamedCurve>();
        for (var s = 0; s < spins.Length; s++)
            curves.Add(new NamedCurve("total" + SpinName(s), Table(spins[s], 3)[0]));

        if (dos.Element("partial")?.Element("array") is { } partial)
        {
            var fields = partial.Elements("field").Select(f => f.Value.Trim()).Skip(1).ToArray();
            var ions = partial.Element("set")?.Elements("set").ToArray() ?? [];
            for (var ion = 0; ion < ions.Length; ion++)
            {
                var label = ion < elements.Length ? $"ion {ion + 1} ({elements[ion]})" : $"ion {ion + 1}";
                var ionSpins = ions[ion].Elements("set").ToArray();
                for (var s = 0; s < ionSpins.Length; s++)
                {
                    var columns = Table(ionSpins[s], fields.Length + 1);
                    curves.AddRange(fields.Select((f, c) => new NamedCurve($"{label} {f}{SpinName(s)}", columns[c])));
                }
            }
        }

        var (edges, metal) = EdgesFromEigenvalues(calculation.Element("eigenvalues"));
        var threshold = metal
            ? fermi is { } f ? new Threshold(f, "metal: the Fermi level (partly occupied bands, no gap)") : null
            : edges is null ? null : new Threshold(edges.Cbm, $"PDOS threshold: CBM ({edges.Source})");
        return new SpectrumFile
        {
            Path = path,
            Format = "vasprun",
            Curves = curves,
            Sites = $"{elements.Length} ions",
            Fermi = fermi,
            Edges = metal ? null : edges,
            Threshold = threshold,
            NoThresholdReason = threshold is not null ? null
                : metal ? "a metal, and no efermi in <dos>" : "no <eigenvalues> with both occupied and empty bands",
            Facts =
            [
                new("spin", spins.Length == 2 ? "ISPIN=2 (up, down)" : "ISPIN=1"),
                .. metal ? [new Fact("metal", "no band gap: bands are partly occupied at the Fermi level")] : Array.Empty<Fact>(),
            ],
        };

        double Number(string text, XObject at) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v
                : throw Error(at, $"'{text.Trim()}' is not a finite number");

        // The <r> rows of a set: energy, then value columns; returns one curve per value column.
        Curve[] Table(XElement set, int width)
        {
            var rows = set.Elements("r").Select(r => (r, v: r.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray();
            if (rows.Length < 2) throw Error(set, $"{rows.Length} <r> rows: a curve needs at least two");
            var bad = rows.FirstOrDefault(x => x.v.Length != width);
            if (bad.r is not null) throw Error(bad.r, $"expected {width} numbers in <r>, found {bad.v.Length}");
            var values = rows.Select(x => x.v.Select(t => Number(t, x.r)).ToArray()).ToArray();
            var energies = values.Select(v => v[0]).ToArray();
            for (var i = 1; i < energies.Length; i++)
                if (!(energies[i] > energies[i - 1])) throw Error(rows[i].r, $"energies must increase: {energies[i]} follows {energies[i - 1]}");
            return Enumerable.Range(1, width - 1).Select(c => new Curve(energies, values.Select(v => v[c]).ToArray())).ToArray();
        }

        // A metal has partly occupied bands (smearing or tetrahedra give them occupations between 0 and 1), or an
        // occupied level above an empty one; its "gap" would be negative and its CBM below the Fermi level.
        (BandEdges? Edges, bool Metal) EdgesFromEigenvalues(XElement? eigenvalues)
        {
            var levels = eigenvalues?.Descendants("r").Select(r => TextFile.Fields(r.Value) is [var e, var occ]
                ? (E: Number(e, r), Occ: Number(occ, r))
                : throw Error(r, "eigenvalue row: expected 'energy occupation'")).ToArray();
            if (levels is null || levels.Length == 0) return (null, false);
            var occupied = levels.Where(l => l.Occ > 0.5).Select(l => l.E).DefaultIfEmpty(double.NaN).Max();
            var empty = levels.Where(l => l.Occ <= 0.5).Select(l => l.E).DefaultIfEmpty(double.NaN).Min();
            var kpoints = eigenvalues!.Descendants("set").Count(s => ((string?)s.Attribute("comment"))?.StartsWith("kpoint") == true);
            var metal = levels.Any(l => l.Occ is > PartialOccupation and < 1 - PartialOccupation) || occupied >= empty;
            return (double.IsNaN(occupied) || double.IsNaN(empty) ? null : new BandEdges(occupied, empty, $"eigenvalue occupations at {kpoints} k-point sets"), metal);
        }
    }

    /// <summary>Occupations further than this from 0 and 1 are partial: the band crosses the Fermi level.</summary>
    const double PartialOccupation = 0.01;

    static XDocument Load(string path)
    {
        var text = TextFile.ReadText(path);   // vasprun.xml.gz too
        if (string.IsNullOrWhiteSpace(text)) throw new InputError(path, null, "empty file");
        try { return XDocument.Parse(text, LoadOptions.SetLineInfo); }
        catch (XmlException e) { throw new InputError(path, e.LineNumber, $"malformed XML: {e.Message}", e); }
    }
}
