using System.Globalization;
using System.Text;

namespace CoreHole.Amorphous;

/// <summary>
/// The LAMMPS input script of a melt-quench: reads the random start, relaxes its closest contacts, melts, quenches,
/// anneals, minimises, prints the final pressure and energy, and writes the glass as a data file.
/// </summary>
public static class MeltQuenchScript
{
    public const string StartFile = "start.data";
    public const string FinalFile = "final.data";

    /// <summary>The line the script ends with: <c>COREHOLE_FINAL pressure_bar P energy_ev_per_atom E</c>, of the relaxed glass.</summary>
    public const string FinalMarker = "COREHOLE_FINAL";

    /// <summary>Atom types 1 and 2, in the order <c>pair_coeff</c> maps them to the potential's elements.</summary>
    public static readonly IReadOnlyList<string> Types = ["Si", "O"];

    /// <summary>How often (steps) LAMMPS reports progress and thermodynamics.</summary>
    const int ReportEvery = 1000;

    public static string Write(MeltQuenchProtocol protocol, SilicaPotential potential, int seed, string cell)
    {
        var p = protocol;
        var damping = p.ThermostatPicoseconds;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"# CoreHole melt-quench of SiO2: {cell}, seed {seed}, {p.Atoms} atoms at {p.Density} g/cm3 (fixed volume)");
        Line($"# potential: {potential.FileName}, {potential.Citation}");
        Line($"units metal");
        Line($"atom_style atomic");
        Line($"boundary p p p");
        Line($"read_data {StartFile}");
        Line($"pair_style {potential.PairStyle}");
        Line($"pair_coeff * * {potential.FileName} {string.Join(' ', Types)}");
        // Check the neighbour list every step: a 5000 K liquid moves atoms past the skin between rebuilds.
        Line($"neighbor 1.0 bin");
        Line($"neigh_modify delay 0 every 1 check yes");
        Line($"thermo_style custom step temp press pe");
        Line($"thermo {ReportEvery}");
        // Flushed at each report, so progress reaches CoreHole as it happens, not when a pipe buffer fills.
        Line($"thermo_modify flush yes");
        Line($"# random positions leave close contacts: relax them before giving the atoms velocities");
        Line($"minimize 1.0e-4 1.0e-6 1000 10000");
        Line($"reset_timestep 0");
        Line($"timestep {p.TimestepFemtoseconds / 1000:R}");
        Line($"velocity all create {p.MeltTemperature:R} {seed} dist gaussian mom yes rot no");
        Line($"fix progress all print {ReportEvery} \"{LammpsRunner.StepMarker} $(step)\" screen yes");
        Line($"# melt: {p.MeltPicoseconds:R} ps at {p.MeltTemperature:R} K");
        Line($"fix bath all nvt temp {p.MeltTemperature:R} {p.MeltTemperature:R} {damping:R}");
        Line($"run {p.MeltSteps}");
        Line($"unfix bath");
        Line($"# quench: {p.MeltTemperature:R} K to {p.FinalTemperature:R} K at {p.QuenchRate:R} K/s, the target temperature ramped linearly");
        Line($"fix bath all nvt temp {p.MeltTemperature:R} {p.FinalTemperature:R} {damping:R}");
        Line($"run {p.QuenchSteps}");
        Line($"unfix bath");
        Line($"# anneal: {p.AnnealPicoseconds:R} ps at {p.FinalTemperature:R} K");
        Line($"fix bath all nvt temp {p.FinalTemperature:R} {p.FinalTemperature:R} {damping:R}");
        Line($"run {p.AnnealSteps}");
        Line($"unfix bath");
        Line($"unfix progress");
        Line($"# relax: the nearest energy minimum of the glass at fixed volume");
        Line($"minimize 0.0 1.0e-8 10000 100000");
        Line($"print \"{FinalMarker} pressure_bar $(press) energy_ev_per_atom $(pe/atoms)\"");
        Line($"write_data {FinalFile}");
        return text.ToString();
    }
}
