using System.Text.RegularExpressions;

namespace CoreHole.Formats;

/// <summary>
/// projwfc.x PDOS files (QE 6.7, PP/src/partialdos.f90), energies in eV on pw.x's absolute scale:
/// <list type="bullet">
/// <item><c>prefix.pdos_atm#N(El)_wfc#M(l)</c>: E, ldos, then one pdos per m (l=1: pz, px, py); spin-polarised:
/// E, ldosup, ldosdw, then up and dw per m.</item>
/// <item><c>prefix.pdos_tot</c>: E, dos, pdos (the sum of all projections); spin-polarised: E, dosup, dosdw, pdosup, pdosdw.</item>
/// </list>
/// Atom, element and l come from the file name (also the qe-seed renaming <c>atmN_El_l.pdos</c>); a spin-polarised
/// file is recognised by its header ("ldosup"/"dosup"). Spin-orbit (j-resolved) files are not supported.
/// </summary>
public static partial class QePdosReader
{
    /// <summary>QE's order of the real spherical harmonics (Modules/ylmr2 as projwfc labels them), per l.</summary>
    static readonly string[][] Orbitals =
    [
        ["s"],
        ["pz", "px", "py"],
        ["dz2", "dxz", "dyz", "dx2-y2", "dxy"],
        ["fz3", "fxz2", "fyz2", "fz(x2-y2)", "fxyz", "fx(x2-3y2)", "fy(3x2-y2)"],
    ];

    public static SpectrumFile Read(string path)
    {
        var file = TextFile.Load(path);
        var header = file.Lines[0];
        if (!header.TrimStart().StartsWith("# E (eV)", StringComparison.Ordinal))
            throw file.ErrorAt(0, "not a projwfc PDOS file: the header should start with '# E (eV)'");
        var spin = header.Contains("dosup", StringComparison.Ordinal);
        var total = !header.Contains("ldos", StringComparison.Ordinal);
        var table = NumericTable.Read(file);
        var names = total ? TotalNames(spin) : ProjectedNames(file, table.Columns.Length, spin);
        return new SpectrumFile
        {
            Path = path,
            Format = total ? "qe-pdos-tot" : "qe-pdos",
            Curves = table.NamedCurves(names),
            Sites = total ? "all atoms" : Site(path),
            Facts = [new Fact("spin", spin ? "polarised (up, dw)" : "unpolarised")],
        };
    }

    /// <summary>
    /// dos.x's total DOS (QE 6.7, PP/src/do_dos.f90): a header "#  E (eV)   dos(E)     Int dos(E)", with
    /// "EFermi = x eV" appended for a metal or a smeared run; spin-polarised: E, dosup(E), dosdw(E), Int dos(E).
    /// </summary>
    public static SpectrumFile ReadDos(string path)
    {
        var file = TextFile.Load(path);
        var header = file.Lines[0];
        if (!header.Contains("dos(E)", StringComparison.Ordinal)) throw file.ErrorAt(0, "not a dos.x DOS file: the header should name dos(E)");
        var spin = header.Contains("dosup(E)", StringComparison.Ordinal);
        var table = NumericTable.Read(file);
        var fermi = DosFermi().Match(header) is { Success: true } m ? file.ParseDouble(m.Groups[1].Value, 0, "EFermi") : (double?)null;
        return new SpectrumFile
        {
            Path = path,
            Format = "qe-dos",
            Curves = table.NamedCurves(spin ? ["dosup", "dosdw", "int dos"] : ["dos", "int dos"]),
            Sites = "all atoms",
            Fermi = fermi,
            Facts = [new Fact("spin", spin ? "polarised (up, dw)" : "unpolarised")],
        };
    }

    [GeneratedRegex(@"EFermi\s*=\s*(\S+)")] private static partial Regex DosFermi();

    static string[] TotalNames(bool spin) => spin ? ["dosup", "dosdw", "pdosup", "pdosdw"] : ["dos", "pdos"];

    static string[] ProjectedNames(TextFile file, int columns, bool spin)
    {
        var perSpin = spin ? 2 : 1;
        var m = (columns - 1) / perSpin - 1;   // components after E and ldos
        var l = AngularMomentum(file.Path) ?? (m - 1) / 2;
        if (l < 0 || l >= Orbitals.Length || Orbitals[l].Length != m || (columns - 1) % perSpin != 0)
            throw file.ErrorAt(0, $"{columns} columns do not fit a {(spin ? "spin-polarised " : "")}PDOS" +
                                  (AngularMomentum(file.Path) is { } named ? $" with l={named}" : ""));
        var orbitals = Orbitals[l];
        return spin
            ? ["ldosup", "ldosdw", .. orbitals.SelectMany(o => new[] { o + "up", o + "dw" })]
            : ["ldos", .. orbitals];
    }

    static int? AngularMomentum(string path)
    {
        var m = NameParts().Match(Path.GetFileName(path));
        return m.Success ? "spdf".IndexOf(m.Groups["l"].Value[0]) : null;
    }

    static string? Site(string path)
    {
        var m = NameParts().Match(Path.GetFileName(path));
        return m.Success ? $"atom {m.Groups["atom"].Value} ({m.Groups["el"].Value}), {m.Groups["l"].Value}" : null;
    }

    /// <summary>Either projwfc's <c>pdos_atm#4(O)_wfc#2(p)</c> or the renamed <c>atm4_O_p.pdos</c>.</summary>
    [GeneratedRegex(@"atm#?(?<atom>\d+)(?:\((?<el>[A-Za-z]+)\)_wfc#\d+\((?<l>[spdf])\)|_(?<el>[A-Za-z]+)_(?<l>[spdf])\.pdos)")]
    private static partial Regex NameParts();
}
