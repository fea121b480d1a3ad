using System.Globalization;
using System.Text.RegularExpressions;

namespace CoreHole.Simulation;

/// <summary>
/// How the campaign's ground-state DOS is made, and how a finished ground state shows it: its kept projwfc.in, the
/// record the campaign reads to redo a stage made by a method since replaced (<see cref="JobState.Outdated"/>).
/// </summary>
public static class DosMethod
{
    /// <summary>
    /// projwfc's Gaussian, standard deviation 0.05 eV (QE's degauss is sqrt(2) sigma, in Ry), on a 0.02 eV grid: CoreHole's
    /// sigma = 0.5 eV broadening then makes it 0.5025 eV. Not tetrahedra: projwfc samples the tetrahedron DOS at its grid
    /// points, and the flat valence bands of a framework make it spikes narrower than the grid, so the sampled DOS
    /// held 0.84-1.22 of the states below the gap and ACO's valence-window PDOS moved by MSE 0.47 from a 3x3x3 to a 4x4x4
    /// mesh; this Gaussian holds every state and gives both meshes to 0.0001 (docs/simulating.md, "The DOS method").
    /// </summary>
    const double PdosSigma = 0.05, PdosStep = 0.02, RydbergInEv = 13.605693123;

    /// <summary>The projwfc settings that make the DOS: written into projwfc.in, and read back from a finished stage's to tell whether it is <see cref="IsOutdated"/>.</summary>
    public static readonly (string Key, double Value)[] ProjwfcSettings =
        [("DeltaE", PdosStep), ("degauss", Math.Round(Math.Sqrt(2) * PdosSigma / RydbergInEv, 6))];

    /// <summary>
    /// Whether a finished ground state was made by another DOS method than <see cref="ProjwfcSettings"/> (the campaign's
    /// first 29 used tetrahedra): its kept projwfc.in is the record of how its PDOS was made, and one without it
    /// cannot show it was made this way. An outdated stage stays in use until its redo replaces it.
    /// </summary>
    public static bool IsOutdated(string stageFolder)
    {
        var input = Path.Combine(stageFolder, "projwfc.in");
        if (!File.Exists(input)) return true;
        var text = File.ReadAllText(input);
        return ProjwfcSettings.Any(setting =>
            Regex.Match(text, $@"^\s*{setting.Key}\s*=\s*([-+0-9.eEdD]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase) is not { Success: true } m
            || !double.TryParse(m.Groups[1].Value.Replace('d', 'e').Replace('D', 'e'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value - setting.Value) > 1e-9);
    }
}
