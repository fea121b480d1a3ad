namespace CoreHole.Amorphous;

/// <summary>An SiO2 interatomic potential that LAMMPS ships: its pair style, its file in LAMMPS's potentials folder, the paper it comes from.</summary>
public sealed record SilicaPotential(string PairStyle, string FileName, string Citation)
{
    /// <summary>
    /// Vashishta's two- and three-body SiO2 potential as refitted for silica glass (screened Coulomb, 5.5 Å cutoff):
    /// made and tested on amorphous SiO2 at 2.20 g/cm³, and short-ranged, so a 216-atom glass is quenched in an hour.
    /// </summary>
    public static readonly SilicaPotential Vashishta1994 = new("vashishta", "SiO.1994.vashishta",
        "A. Nakano, R. K. Kalia and P. Vashishta, J. Non-Cryst. Solids 171, 157 (1994)");

    /// <summary>Where LAMMPS keeps its potentials: $LAMMPS_POTENTIALS (set by the Debian package's profile script) or its default.</summary>
    static string Folder => Environment.GetEnvironmentVariable("LAMMPS_POTENTIALS") is { Length: > 0 } folder ? folder : "/usr/share/lammps/potentials";

    /// <summary>The potential file's path; a one-line error naming the Debian package when it is not installed.</summary>
    public string Locate()
    {
        var path = Path.Combine(Folder, FileName);
        return File.Exists(path) ? path : throw new InputError(path, null, "no such LAMMPS potential file: apt-get install lammps-data (it comes with lammps)");
    }
}
