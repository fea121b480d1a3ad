using System.Globalization;
using CoreHole.Formats;
using CoreHole.Spectra;

namespace CoreHole.Prediction;

/// <summary>
/// Refuses the two inputs a user easily gives by mistake and a model would turn into a plausible spectrum without a
/// word: a total DOS where the site's O-p PDOS belongs, and a core-hole run where the ground state belongs.
/// </summary>
public static class InputChecks
{
    /// <summary>Formats whose every curve sums all atoms and orbitals.</summary>
    static readonly HashSet<string> TotalDosFormats = ["qe-pdos-tot", "qe-dos", "optados-dos"];

    /// <summary>The valence charge of every ground-state O pseudopotential (2s2 2p4); a 1s-hole one has 7, a half hole 6.5.</summary>
    const double OxygenValence = 6;

    /// <summary>The O-p PDOS in a file: its main curve or the one named; an error for a total DOS or another atom's projection.</summary>
    public static Curve OxygenP(string path, string? curveName = null)
    {
        var file = SpectrumFiles.Read(path);
        if (TotalDosFormats.Contains(file.Format))
            throw new InputError(path, null, $"is a total DOS ({file.Format}), not an O-p PDOS: give the O site's p projection (projwfc's *.pdos_atm#N(O)_wfc#M(p))");
        if (SpectrumFiles.ByName(file.Format).Kind is not (FileKind.DensityOfStates or FileKind.Spectrum))
            throw new InputError(path, null, $"is a {file.Format} file, not an O-p PDOS (a pw.x output goes to --ground-state)");
        var curve = curveName is null
            ? file.Curves.FirstOrDefault() ?? throw new InputError(path, null, "no curve in the file")
            : file.Curves.FirstOrDefault(c => c.Name == curveName) ?? new NamedCurve(curveName, file.CurveNamed(curveName));
        if (curve.Name.StartsWith("total", StringComparison.Ordinal))
            throw new InputError(path, null, $"curve '{curve.Name}' is the total DOS, not an O-p PDOS: name the O ion's p curve with --curve (corehole inspect lists them)");
        if (file.Format == "qe-pdos" && file.Sites is { } site && !site.EndsWith("(O), p", StringComparison.Ordinal))
            throw new InputError(path, null, $"is the PDOS of {site}, not of an O atom's p states");
        return curve.Curve;
    }

    /// <summary>A pw.x output as a ground state: an error for a run with a core-hole O pseudopotential (named first: it says
    /// more than the charge a core-hole run also has) or a charged one.</summary>
    public static PwOutput GroundState(PwOutput run)
    {
        if (run.Species.FirstOrDefault(s => s.Element == "O" && Math.Abs(s.Valence - OxygenValence) > 0.01) is { } hole)
            throw new InputError(run.Path, null, string.Create(CultureInfo.InvariantCulture,
                $"species {hole.Label} is O with valence {hole.Valence:0.##} (a core-hole O_1s1 pseudopotential): a core-hole calculation, not the ground state"));
        if (run.TotalCharge is { } charge && Math.Abs(charge) > 0.01)
            throw new InputError(run.Path, null, string.Create(CultureInfo.InvariantCulture,
                $"is a charged run (tot_charge {charge:+0.##;-0.##}): a core-hole run or a charged cell, not the neutral ground state the model reads"));
        return run;
    }
}
