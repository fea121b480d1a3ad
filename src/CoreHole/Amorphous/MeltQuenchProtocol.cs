using CoreHole.Structures;

namespace CoreHole.Amorphous;

/// <summary>
/// How an SiO2 glass is made by molecular dynamics, every choice explicit: <see cref="FormulaUnits"/> SiO2 placed at
/// random in a cube of the given density (g/cm³), held as a liquid at <see cref="MeltTemperature"/> (K) for
/// <see cref="MeltPicoseconds"/>, cooled linearly to <see cref="FinalTemperature"/> at <see cref="QuenchRate"/> (K/s),
/// held there for <see cref="AnnealPicoseconds"/>, and relaxed to the nearest energy minimum; all at fixed volume
/// (Nosé-Hoover NVT, damping <see cref="ThermostatPicoseconds"/>), with time step <see cref="TimestepFemtoseconds"/>.
/// The defaults follow Kiyohara et al. (2020) (5000 K melt for 1 ns) except the quench rate, 4x theirs (see docs/amorphous.md).
/// </summary>
public sealed record MeltQuenchProtocol(
    int FormulaUnits = 24,
    double Density = 2.20,
    double MeltTemperature = 5000,
    double MeltPicoseconds = 1000,
    double FinalTemperature = 300,
    double QuenchRate = 1e12,
    double AnnealPicoseconds = 20,
    double TimestepFemtoseconds = 1.0,
    double ThermostatPicoseconds = 0.1)
{
    /// <summary>Closest approach (Å) of two atoms in the random start; a minimisation then relaxes it before the melt.</summary>
    public const double StartMinimumDistance = 1.6;

    public int Atoms => 3 * FormulaUnits;

    /// <summary>The edge (Å) of the cube that holds the atoms at <see cref="Density"/>.</summary>
    public double BoxLength =>
        Math.Cbrt(FormulaUnits * (Elements.Mass("Si") + 2 * Elements.Mass("O")) * StructureAnalysis.AmuPerCubicAngstrom / Density);

    public double QuenchPicoseconds => (MeltTemperature - FinalTemperature) / QuenchRate * 1e12;

    public long MeltSteps => Steps(MeltPicoseconds);
    public long QuenchSteps => Steps(QuenchPicoseconds);
    public long AnnealSteps => Steps(AnnealPicoseconds);
    public long TotalSteps => MeltSteps + QuenchSteps + AnnealSteps;

    long Steps(double picoseconds) => Math.Max(1, (long)Math.Round(picoseconds * 1000 / TimestepFemtoseconds));

    /// <summary>Throws a one-line error naming the first value that cannot make a glass.</summary>
    public void Validate()
    {
        void Require(bool ok, string problem) { if (!ok) throw new InputError($"melt-quench protocol: {problem}"); }
        Require(FormulaUnits >= 1, $"at least one SiO2 unit is needed, not {FormulaUnits}");
        Require(Density is > 0.5 and < 5, $"density {Density} g/cm3 is not that of any SiO2");
        Require(FinalTemperature > 0 && MeltTemperature > FinalTemperature, $"the melt ({MeltTemperature} K) must be hotter than the end ({FinalTemperature} K)");
        Require(QuenchRate > 0, $"quench rate {QuenchRate} K/s must be positive");
        Require(MeltPicoseconds > 0 && AnnealPicoseconds >= 0, "melt and anneal times must be positive");
        Require(TimestepFemtoseconds is > 0 and <= 2, $"time step {TimestepFemtoseconds} fs (0-2 fs keeps Si-O vibrations stable)");
        Require(ThermostatPicoseconds > 0, "thermostat damping must be positive");
    }
}
