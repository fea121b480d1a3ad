using CoreHole.Spectra;

namespace CoreHole.Formats;

/// <summary>
/// VASP's DOSCAR (layout from the VASP wiki, "DOSCAR"). Six header lines: NIONS NIONS JOBPAR NCDIJ; volume, a, b, c,
/// POTIM; TEBEG; 'CAR'; SYSTEM; then EMAX EMIN NEDOS EFERMI 1.0. Then NEDOS rows of the total DOS: E, DOS,
/// integrated DOS (ISPIN=1) or E, up, down, integrated up, integrated down (ISPIN=2). Then, when projected DOS was
/// written (LORBIT), one block per ion: the EMAX... line again and NEDOS rows of E and one column per orbital:
/// l-decomposed s p d (f) or lm-decomposed s py pz px dxy dyz dz2 dxz x2-y2 (f...), each doubled (up, down) for
/// ISPIN=2, or four components (total, mx, my, mz) for a non-collinear run. Energies are absolute (eV);
/// DOSCAR holds no band energies, so band edges are estimated from the DOS (a named fallback).
/// </summary>
public static class DoscarReader
{
    static readonly string[] LOrbitals = ["s", "p", "d", "f"];
    static readonly string[] LmOrbitals =
        ["s", "py", "pz", "px", "dxy", "dyz", "dz2", "dxz", "x2-y2", "fy3x2", "fxyz", "fyz2", "fz3", "fxz2", "fzx2", "fx3"];

    const int HeaderLines = 6;

    public static SpectrumFile Read(string path)
    {
        var file = TextFile.Load(path);
        if (file.Lines.Length <= HeaderLines) throw file.ErrorAt(file.Lines.Length - 1, "shorter than the 6 header lines of a DOSCAR: truncated");
        var counts = file.ParseNumbers(0, "first line (NIONS NIONS JOBPAR NCDIJ)", expected: 4);
        var ions = (int)counts[0];
        var (nedos, fermi) = BlockHeader(file, HeaderLines - 1);
        var total = NumericTable.Read(file, HeaderLines, HeaderLines + nedos, comment: null);
        if (total.RowCount != nedos) throw file.ErrorAt(file.Lines.Length - 1, $"total DOS: {total.RowCount} of NEDOS = {nedos} rows: truncated");
        var spin = total.Columns.Length switch
        {
            3 => false,
            5 => true,
            var n => throw file.ErrorAt(HeaderLines, $"total DOS rows have {n} columns; DOSCAR has 3 (ISPIN=1) or 5 (ISPIN=2)"),
        };
        var curves = spin
            ? new List<NamedCurve> { new("total up", total.Curve(1)), new("total down", total.Curve(2)) }
            : [new NamedCurve("total", total.Curve(1))];

        var start = HeaderLines + nedos;
        var projected = start < file.Lines.Length && !string.IsNullOrWhiteSpace(file.Lines[start]);
        if (projected)
            for (var ion = 1; ion <= ions; ion++, start += nedos + 1)
            {
                if (start >= file.Lines.Length) throw file.ErrorAt(file.Lines.Length - 1, $"projected DOS of ion {ion} of {ions} is missing: truncated");
                if (BlockHeader(file, start).Nedos != nedos) throw file.ErrorAt(start, $"ion {ion}: NEDOS differs from the header's {nedos}");
                var block = NumericTable.Read(file, start + 1, start + 1 + nedos, comment: null);
                if (block.RowCount != nedos) throw file.ErrorAt(file.Lines.Length - 1, $"ion {ion}: {block.RowCount} of {nedos} rows: truncated");
                var names = OrbitalColumns(block.Columns.Length - 1, spin)
                    ?? throw file.ErrorAt(start + 1, $"ion {ion}: {block.Columns.Length - 1} projected columns fit no LORBIT layout");
                curves.AddRange(block.NamedCurves(names.Select(n => $"ion {ion} {n}").ToArray()));
            }

        var totalDos = spin ? total.CurveOf(total.Columns[0], Sum(total.Columns[1], total.Columns[2])) : total.Curve(1);
        var edges = BandEdges.EstimateFromDos(totalDos, fermi);
        return new SpectrumFile
        {
            Path = path,
            Format = "vasp-doscar",
            Curves = curves,
            Sites = $"{ions} ions" + (projected ? ", projected DOS per ion" : ", total DOS only"),
            Fermi = fermi,
            Edges = edges,
            Threshold = edges is null ? null : new Threshold(edges.Cbm, $"PDOS threshold: CBM ({edges.Source})", IsFallback: true),
            NoThresholdReason = edges is null ? "no gap in the total DOS around the Fermi level (a metal, or states on one side only)" : null,
            Facts = [new("system", file.Lines[4].Trim()), new("spin", spin ? "ISPIN=2 (up, down)" : "ISPIN=1")],
        };
    }

    /// <summary>"EMAX EMIN NEDOS EFERMI 1.0" (the Fermi energy is absolute, eV).</summary>
    static (int Nedos, double Fermi) BlockHeader(TextFile file, int index)
    {
        var v = file.ParseNumbers(index, "EMAX EMIN NEDOS EFERMI weight line", expected: 5);
        if (v[2] < 2 || !double.IsInteger(v[2])) throw file.ErrorAt(index, $"NEDOS must be an integer of at least 2, got {v[2]}");
        return ((int)v[2], v[3]);
    }

    /// <summary>Column names for a per-ion block of <paramref name="count"/> orbital columns, or null if none fits.</summary>
    static string[]? OrbitalColumns(int count, bool spin)
    {
        static string[]? Orbitals(int n) => n switch { 3 or 4 => LOrbitals[..n], 9 or 16 => LmOrbitals[..n], _ => null };
        if (spin)
            return count % 2 == 0 && Orbitals(count / 2) is { } o ? o.SelectMany(x => new[] { x + " up", x + " down" }).ToArray() : null;
        if (Orbitals(count) is { } collinear) return collinear;
        return count % 4 == 0 && Orbitals(count / 4) is { } nc
            ? nc.SelectMany(x => new[] { x, x + " mx", x + " my", x + " mz" }).ToArray()
            : null;
    }

    static double[] Sum(double[] a, double[] b) => a.Select((x, i) => x + b[i]).ToArray();
}
