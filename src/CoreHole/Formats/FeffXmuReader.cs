using System.Text.RegularExpressions;
using CoreHole.Spectra;

namespace CoreHole.Formats;

/// <summary>
/// FEFF's <c>xmu.dat</c> (FEFF 8/9): '#' header lines, the last naming the columns "omega e k mu mu0 chi":
/// photon energy (eV), energy relative to the edge (eV, 0 at the Fermi level), photoelectron wave number (1/Å),
/// absorption mu, embedded-atom background mu0, and chi = (mu − mu0)/mu0 at the edge step. Curves are mu, mu0 and
/// chi against e, so they are already aligned at FEFF's threshold. The header's "Mu=" (FEFF's Fermi level on its
/// own potential scale) is reported as a fact; FEFF 9.7 and later print its unit glued to it ("Mu=-1.296E+01eV kf=",
/// format 200 of src/COMMON/head.f90 in FEFF10), older versions a bare number.
/// </summary>
public static partial class FeffXmuReader
{
    public static SpectrumFile Read(string path)
    {
        var file = TextFile.Load(path);
        var columns = Array.FindIndex(file.Lines, l => ColumnHeader().IsMatch(l));
        if (columns < 0) throw file.ErrorAt(0, "not a FEFF xmu.dat: no '# omega e k mu mu0 chi' header line");
        var table = NumericTable.Read(file, columns + 1, columns: 6);
        var omegaAtEdge = table.Columns[0][0] - table.Columns[1][0];
        var muLine = Array.FindIndex(file.Lines, 0, columns, l => FermiLevel().IsMatch(l));
        return new SpectrumFile
        {
            Path = path,
            Format = "feff-xmu",
            Curves = [new("mu", table.Curve(3, 1)), new("mu0", table.Curve(4, 1)), new("chi", table.Curve(5, 1))],
            Fermi = 0,
            Threshold = new Threshold(0, "FEFF's e column: 0 at the edge (the Fermi level)"),
            Facts =
            [
                new("edge photon energy", $"{omegaAtEdge:0.###} eV (omega - e)"),
                new("Mu (FEFF Fermi level)", muLine < 0 ? "not in the header"
                    : $"{file.ParseDouble(FermiLevel().Match(file.Lines[muLine]).Groups[1].Value, muLine, "Mu")} eV"),
            ],
        };
    }

    /// <summary>The column line "# omega e k mu mu0 chi", which also identifies the format.</summary>
    [GeneratedRegex(@"^\s*#\s*omega\s+e\s+k\s+mu\s+mu0\s+chi")] internal static partial Regex ColumnHeader();
    [GeneratedRegex(@"Mu=\s*(\S+?)(?:eV)?(?:\s|$)")] private static partial Regex FermiLevel();
}
