using CoreHole.Spectra;

namespace CoreHole.Formats;

/// <summary>
/// The one entry point for spectra, DOS and DFT-output files. Detection is data: a table of <see cref="FileFormat"/>
/// rows (as ASE's io/formats.py), each with file-name patterns and a content sniffer over the first lines.
/// A content match outweighs a name match, a specific format outweighs the generic columns format, and ties go
/// to the earlier row. A file that matches only by name still goes to that reader, so a damaged file gets the
/// reader's precise "file:line: problem" rather than "unknown format".
/// </summary>
public static class SpectrumFiles
{
    /// <summary>How many lines the sniffers see (FEFF headers run to a few dozen lines).</summary>
    const int HeadLines = 80;

    public static IReadOnlyList<FileFormat> Formats { get; } =
    [
        new("pw-output", FileKind.RunOutput, "pw.x stdout: HOMO/LUMO, Fermi energy, bands per k-point and spin, band gap (VBM/CBM over all printed k-points), metal (bands across the Fermi level, or an odd electron count without spin: threshold at the Fermi level), cell, atoms, electrons, charge, convergence, JOB DONE, error text, wall time",
            ["scf*.out", "nscf*.out", "pw*.out"], Sniffer.Contains("Program PWSCF v."), path => PwOutputReader.Read(path).Summary()),
        new("xspectra-output", FileKind.RunOutput, "xspectra.x stdout: ehomo/elumo/ef, spectrum zero, xepsilon and its coordinates, Lanczos convergence",
            ["xspectra*.out"], Sniffer.Contains("Program XSpectra v."), path => XSpectraOutputReader.Read(path).Summary()),
        new("projwfc-output", FileKind.RunOutput, "projwfc.x stdout: state-to-atom table, Lowdin charges, spilling",
            ["projwfc*.out"], Sniffer.Contains("Program PROJWFC v."), path => ProjwfcOutputReader.Read(path).Summary()),
        new("qe-pdos", FileKind.DensityOfStates, "projwfc PDOS of one atom and wfc: ldos and its m components (spin up/dw)",
            ["*.pdos_atm#*", "atm*_*_*.pdos"], Sniffer.FirstLine("# E (eV)").And(new("`ldos` in it", head => head[0].Contains("ldos"))), QePdosReader.Read),
        new("qe-pdos-tot", FileKind.DensityOfStates, "projwfc total DOS and summed PDOS (spin up/dw)",
            ["*.pdos_tot", "pdos_tot*.dat"], Sniffer.FirstLine("# E (eV)").And(new("no `ldos` in it", head => !head[0].Contains("ldos"))), QePdosReader.Read),
        new("qe-dos", FileKind.DensityOfStates, "dos.x total DOS: E, dos (spin up/dw), integrated DOS, Fermi energy",
            ["*.dos"], Sniffer.FirstLine("#").And(new("`dos(E)` in it", head => head[0].Contains("dos(E)"))), QePdosReader.ReadDos),
        new("xanes-average", FileKind.Spectrum, "isotropic average of XSpectra polarisations (qe-seed tools): avg, x, y, z",
            ["xanes*avg*.dat"], Sniffer.FirstLine("# isotropic average (x+y+z)/3"), XSpectraDatReader.Read, RunOutputBeside: true),
        new("xanes-dat", FileKind.Spectrum, "XSpectra xanes.dat: cross-section vs energy from the spectrum zero, header facts (xgamma, xiabs)",
            ["xanes*.dat"], Sniffer.FirstLine("# Final state angular momentum"), XSpectraDatReader.Read, RunOutputBeside: true),
        new("feff-xmu", FileKind.Spectrum, "FEFF xmu.dat: mu, mu0, chi vs energy from the edge; edge photon energy, Mu",
            ["xmu*.dat", "*.xmu"], new("a column line `# omega e k mu mu0 chi`", head => head.Any(l => FeffXmuReader.ColumnHeader().IsMatch(l))), FeffXmuReader.Read),
        new("optados-core-edge", FileKind.Spectrum, "OptaDOS core-loss spectrum per edge (and its broadened column)",
            ["*_core_edge.dat"], Sniffer.Contains("Core loss function"), OptaDosReader.ReadCoreEdge),
        new("optados-pdos", FileKind.DensityOfStates, "OptaDOS PDOS columns named by their projectors (spin up/down)",
            ["*.pdos.dat", "*.pdos.proj-*.dat"], Sniffer.Contains("Partial Density of States -- Projectors"), OptaDosReader.ReadPdos),
        new("optados-dos", FileKind.DensityOfStates, "OptaDOS total DOS of one broadening (adaptive, linear, fixed; spin up/down) and its integral",
            ["*.adaptive.dat", "*.linear.dat", "*.fixed.dat"], Sniffer.Contains("Density of States using"), OptaDosReader.ReadDos),
        new("vasp-doscar", FileKind.DensityOfStates, "VASP DOSCAR: total and per-ion l/lm DOS (ISPIN 1/2, non-collinear), Fermi energy; band edges estimated from the DOS (marked fallback)",
            ["DOSCAR*"], new("line 4 `CAR` and 4 fields on line 1", head => head.Count > 5 && head[3].Trim() == "CAR" && TextFile.Fields(head[0]).Length == 4), DoscarReader.Read),
        new("vasprun", FileKind.DensityOfStates, "VASP vasprun.xml: total and partial DOS by `<field>` name, Fermi energy, band edges from occupations",
            ["vasprun*.xml"], Sniffer.Contains("<modeling>"), VasprunReader.Read),
        new("columns", FileKind.Spectrum, "plain text: energy (eV) and intensity columns, '#' comments",
            ["*.dat", "*.txt", "*.xy"], new("two or more rows of the same count (2 or more) of numbers; `#` comments", ColumnsReader.LooksLikeColumns), ColumnsReader.Read, Generic: true),
    ];

    /// <summary>
    /// Reads <paramref name="path"/> with the detected format, or the one named by <paramref name="format"/>.
    /// A spectrum whose file states no threshold takes the one its run's output beside it prints (XSpectra's
    /// <c>.dat</c> files), else the onset fallback (<see cref="Threshold.Onset"/>) of its main curve, marked as such.
    /// </summary>
    /// <param name="known">A spectrum's threshold known from elsewhere (its run's record): taken without looking beside
    /// the file or broadening it for an onset.</param>
    public static SpectrumFile Read(string path, string? format = null, Threshold? known = null)
    {
        var chosen = format is null ? Detect(path) : ByName(format);
        var file = chosen.Read(path);
        if (chosen.Kind != FileKind.Spectrum || file.Threshold is not null || file.Curves.Count == 0) return file;
        var threshold = known ?? (chosen.RunOutputBeside ? ThresholdBeside(path) : null) ?? Threshold.Onset(file.Curves[0].Curve);
        return file with { Threshold = threshold, NoThresholdReason = threshold is null ? Threshold.NoOnset : null };
    }

    /// <summary>
    /// The threshold the run of an XSpectra spectrum prints, from its outputs in the same folder (as a campaign keeps
    /// them): xspectra.x's elumo − ef, else a core-hole pw.x run's LUMO − HOMO. A damaged neighbour is skipped: it is
    /// not the problem of the file being read, whose fallback then stands.
    /// </summary>
    static Threshold? ThresholdBeside(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var (xspectra, pw) = (ByName("xspectra-output"), ByName("pw-output"));
        foreach (var sibling in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(sibling);
            try
            {
                if (xspectra.MatchesName(sibling) && XSpectraOutputReader.Read(sibling).LumoAboveZero is { } t)
                    return new Threshold(t, $"elumo - ef of {name} beside it");
                if (pw.MatchesName(sibling) && PwOutputReader.Read(sibling) is { TotalCharge: > 0.5 } run
                    && run.LowestUnoccupied - run.HighestOccupied is { } gap)
                    return new Threshold(gap, $"LUMO - HOMO of the core-hole run {name} beside it");
            }
            catch (InputError) { }
        }
        return null;
    }

    public static FileFormat ByName(string name) =>
        Formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InputError($"unknown format '{name}'; known: {string.Join(", ", Formats.Select(f => f.Name))}");

    public static FileFormat Detect(string path)
    {
        var head = TextFile.Head(path, HeadLines);
        if (head.All(string.IsNullOrWhiteSpace)) throw new InputError(path, null, "empty file");
        var best = Formats
            .Select((f, order) => (Format: f, Order: order, Score: (f.Sniff.Matches(head) ? (f.Generic ? 1 : 4) : 0) + (f.MatchesName(path) ? 2 : 0)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Order)
            .FirstOrDefault();
        return best.Format ?? throw new InputError(path, null,
            $"unknown format: not one of {string.Join(", ", Formats.Select(f => f.Name))} (name one with --format)");
    }
}
