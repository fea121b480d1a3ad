namespace CoreHole.Formats;

/// <summary>
/// XSpectra's plotted cross-section, <c>xanes.dat</c> (QE 6.7: four '#' header lines, the last naming the columns,
/// "# Energy (eV)   sigma"), and the isotropic average the qe-seed tools write from three of them
/// ("# E(eV) sigma_avg sigma_x sigma_y sigma_z"). Energies in eV relative to XSpectra's energy zero (the core-hole
/// HOMO for an insulator); intensities are already Lorentzian-broadened by xgamma (in the header as
/// "Broadening parameter"). Curves are named after the header's columns ("sigma", or "avg", "x", "y", "z").
/// </summary>
public static class XSpectraDatReader
{
    public static SpectrumFile Read(string path)
    {
        var file = TextFile.Load(path);
        var header = file.Lines.TakeWhile(l => l.TrimStart().StartsWith('#')).ToArray();
        if (header.Length == 0) throw file.ErrorAt(0, "no '#' header: XSpectra writes four, the last naming the columns");
        var table = NumericTable.Read(file);
        var names = ColumnNames(header[^1]);
        if (names.Length != table.Columns.Length - 1)
            throw file.ErrorAt(header.Length - 1, $"the header names {names.Length} intensity columns but rows have {table.Columns.Length - 1}");
        return new SpectrumFile
        {
            Path = path,
            Format = header[0].Contains("isotropic average", StringComparison.Ordinal) ? "xanes-average" : "xanes-dat",
            Curves = table.NamedCurves(names),
            Facts = header.SkipLast(1).Select(HeaderFact).ToArray(),
        };
    }

    /// <summary>The column names after the energy's "(eV)", without the "sigma_" prefix of the averaged file.</summary>
    static string[] ColumnNames(string header)
    {
        var fields = TextFile.Fields(header.TrimStart('#', ' '));
        var energy = Array.FindIndex(fields, f => f.EndsWith("(eV)", StringComparison.Ordinal));
        return fields.Skip(energy + 1)
            .Select(f => f.StartsWith("sigma_", StringComparison.Ordinal) ? f["sigma_".Length..] : f)
            .ToArray();
    }

    /// <summary>"# Broadening parameter (in eV):    0.500" becomes ("Broadening parameter (in eV)", "0.500").</summary>
    static Fact HeaderFact(string line)
    {
        var text = line.TrimStart('#', ' ');
        var colon = text.LastIndexOf(':');
        return colon < 0 ? new Fact("note", text.Trim()) : new Fact(text[..colon].Trim(), text[(colon + 1)..].Trim());
    }
}
