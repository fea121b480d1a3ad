using System.Text.RegularExpressions;
using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>
/// Reads pw.x standard output (checked on Quantum ESPRESSO 6.7). One pass over the lines: each line either matches one
/// of the patterns below (a value, or the start of a block that is read whole) or is skipped.
/// A file that simply stops (a running or killed job) reads as <c>JobDone = false</c>; a block cut or corrupted in the
/// middle (band energies, cell, positions) is an <see cref="InputError"/> naming its line.
/// </summary>
public static partial class PwOutputReader
{
    /// <summary>Bohr radius in Å as QE 6.7 defines it (Modules/constants.f90), so that cells convert as pw.x does.</summary>
    public const double BohrAngstrom = 0.52917720859;

    public static PwOutput Read(string path)
    {
        var (file, banner, version) = QeStdout.Open(path, "PWSCF", "pw.x");
        var parse = new Parse(file, version);
        for (var i = banner + 1; i < file.Lines.Length; i++) i = parse.Line(i);
        return parse.Result();
    }

    /// <summary>The values seen so far; <see cref="Line"/> returns the index of the last line it consumed.</summary>
    sealed class Parse(TextFile file, string version)
    {
        double? electrons, fermi, homo, lumo, totalEnergy, wall, alat;
        (double, double)? spinElectrons;
        int? nbnd, kCount, iterations, atomCount;
        bool? converged;
        bool jobDone;
        Vec3[]? axes;
        List<KPointBands> bands = [];
        SpinChannel spin = SpinChannel.None;
        List<PwSpecies> species = [];
        List<(string Label, Vec3 Tau)> positions = [];

        public int Line(int i)
        {
            var line = file.Lines[i];
            Match m;
            if ((m = Electrons().Match(line)).Success)
            {
                electrons = Number(m.Groups[1], i, "number of electrons");
                if (m.Groups[2].Success)
                    spinElectrons = (Number(m.Groups[2], i, "spin-up electrons"), Number(m.Groups[3], i, "spin-down electrons"));
            }
            else if ((m = AtomsPerCell().Match(line)).Success) atomCount = file.ParseInt(m.Groups[1].Value, i, "number of atoms/cell");
            else if ((m = KohnShamStates().Match(line)).Success) nbnd = file.ParseInt(m.Groups[1].Value, i, "number of Kohn-Sham states");
            else if ((m = KPoints().Match(line)).Success) kCount = file.ParseInt(m.Groups[1].Value, i, "number of k points");
            else if ((m = Alat().Match(line)).Success) alat = Number(m.Groups[1], i, "lattice parameter (alat)");
            else if (CrystalAxesHeader().IsMatch(line)) return ReadAxes(i);
            else if (line.Contains("atomic species   valence    mass     pseudopotential")) return ReadSpecies(i);
            else if (PositionsHeader().IsMatch(line)) return ReadPositions(i);
            else if (EndOfCalculation().IsMatch(line)) { bands = []; spin = SpinChannel.None; }
            else if ((m = SpinHeader().Match(line)).Success) spin = m.Groups[1].Value == "UP" ? SpinChannel.Up : SpinChannel.Down;
            else if ((m = BandsHeader().Match(line)).Success) return ReadBands(i, m);
            else if ((m = Fermi().Match(line)).Success) fermi = Number(m.Groups[1], i, "Fermi energy");
            else if ((m = HomoLumo().Match(line)).Success)
            {
                homo = Number(m.Groups[1], i, "highest occupied level");
                lumo = Number(m.Groups[2], i, "lowest unoccupied level");
            }
            else if ((m = Homo().Match(line)).Success) homo = Number(m.Groups[1], i, "highest occupied level");
            else if ((m = TotalEnergy().Match(line)).Success) totalEnergy = Number(m.Groups[1], i, "total energy");
            else if ((m = ConvergenceAchieved().Match(line)).Success) (converged, iterations) = (true, file.ParseInt(m.Groups[1].Value, i, "iterations"));
            else if ((m = ConvergenceFailed().Match(line)).Success) (converged, iterations) = (false, file.ParseInt(m.Groups[1].Value, i, "iterations"));
            else if ((m = Wall().Match(line)).Success) wall = QeStdout.Seconds(m.Groups[1].Value) ?? throw file.ErrorAt(i, $"unreadable wall time '{m.Groups[1].Value}'");
            else if (line.Contains("JOB DONE.")) jobDone = true;
            return i;
        }

        double Number(Group g, int i, string what) => file.ParseDouble(g.Value, i, what);

        int ReadAxes(int header)
        {
            axes = new Vec3[3];
            for (var r = 0; r < 3; r++)
            {
                var i = header + 1 + r;
                var m = i < file.Lines.Length ? AxisRow().Match(file.Lines[i]) : Match.Empty;
                if (!m.Success) throw file.ErrorAt(Math.Min(i, file.Lines.Length - 1), $"crystal axes: expected 'a({r + 1}) = ( x y z )'");
                axes[r] = Vector(m.Groups[1].Value, i, $"crystal axis a({r + 1})");
            }
            return header + 3;
        }

        int ReadSpecies(int header)
        {
            species = [];
            return ReadRows(header, SpeciesRow(), "atomic species table: expected 'label valence mass element(...)'",
                (m, i) => species.Add(new PwSpecies(m.Groups[1].Value, m.Groups[4].Value, Number(m.Groups[2], i, "valence"))));
        }

        int ReadPositions(int header)
        {
            positions = [];
            return ReadRows(header, PositionRow(), "atomic positions: expected 'n label tau(n) = ( x y z )'",
                (m, i) => positions.Add((m.Groups[1].Value, Vector(m.Groups[2].Value, i, "atomic position"))));
        }

        /// <summary>The rows after a table's header up to the next blank line; each must match <paramref name="row"/>.</summary>
        int ReadRows(int header, Regex row, string expected, Action<Match, int> add)
        {
            var i = header + 1;
            for (; i < file.Lines.Length && !string.IsNullOrWhiteSpace(file.Lines[i]); i++)
            {
                var m = row.Match(file.Lines[i]);
                if (!m.Success) throw file.ErrorAt(i, expected);
                add(m, i);
            }
            return i;
        }

        Vec3 Vector(string text, int i, string what)
        {
            var v = file.ParseGluedNumbers(text, i, what);
            return v.Length == 3 ? new Vec3(v[0], v[1], v[2]) : throw file.ErrorAt(i, $"{what}: expected 3 numbers, found {v.Length}");
        }

        int ReadBands(int header, Match m)
        {
            var k = Vector(m.Groups[1].Value, header, "k-point");
            if (nbnd is not { } count) throw file.ErrorAt(header, "band energies before 'number of Kohn-Sham states'");
            var energies = new List<double>(count);
            var i = header + 1;
            while (i < file.Lines.Length && string.IsNullOrWhiteSpace(file.Lines[i])) i++;
            for (; energies.Count < count; i++)
            {
                if (i >= file.Lines.Length || string.IsNullOrWhiteSpace(file.Lines[i]))
                    throw file.ErrorAt(Math.Min(i, file.Lines.Length - 1),
                        $"k-point {bands.Count + 1}: {energies.Count} of {count} band energies, then the block ends (truncated?)");
                energies.AddRange(file.ParseGluedNumbers(file.Lines[i], i, "band energy"));
            }
            if (energies.Count != count) throw file.ErrorAt(i - 1, $"k-point {bands.Count + 1}: {energies.Count} band energies, expected {count}");
            bands.Add(new KPointBands(k, spin, energies.ToArray()));
            return i - 1;
        }

        public PwOutput Result()
        {
            var crystal = Crystal();
            return new PwOutput
            {
                Path = file.Path,
                QeVersion = version,
                ElectronCount = electrons,
                SpinElectronCounts = spinElectrons,
                AtomCount = atomCount ?? (positions.Count > 0 ? positions.Count : null),
                Nbnd = nbnd,
                KPointCount = kCount,
                FermiEnergy = fermi,
                HighestOccupied = homo,
                LowestUnoccupied = lumo,
                Bands = bands,
                TotalEnergyRy = totalEnergy,
                Converged = converged,
                ScfIterations = iterations,
                JobDone = jobDone,
                ErrorText = QeStdout.ErrorText(file),
                TotalCharge = TotalCharge(),
                WallSeconds = wall,
                Species = species,
                Structure = crystal,
            };
        }

        double? TotalCharge()
        {
            if (electrons is not { } n || positions.Count == 0) return null;
            var valence = species.ToDictionary(s => s.Label, s => s.Valence);
            if (!positions.All(p => valence.ContainsKey(p.Label))) throw file.Error("an atom's species is missing from the species table");
            return positions.Sum(p => valence[p.Label]) - n;
        }

        Crystal? Crystal()
        {
            if (alat is not { } a || axes is null || positions.Count == 0) return null;
            var scale = a * BohrAngstrom;
            var lattice = new Lattice(scale * axes[0], scale * axes[1], scale * axes[2]);
            var element = species.ToDictionary(s => s.Label, s => s.Element);
            var atoms = positions
                .Select(p => new Atom(element.GetValueOrDefault(p.Label, p.Label), lattice.ToFractional(scale * p.Tau), p.Label))
                .ToList();
            return new Crystal(System.IO.Path.GetFileName(file.Path), lattice, atoms) { Source = file.Path };
        }
    }

    [GeneratedRegex(@"number of electrons\s*=\s*(\S+)(?:\s*\(up:\s*([^,\s]+),\s*down:\s*([^)\s]+)\))?")] private static partial Regex Electrons();
    [GeneratedRegex(@"number of atoms/cell\s*=\s*(\d+)")] private static partial Regex AtomsPerCell();
    // "alat" since QE 6; "a_0" in the outputs of older versions.
    [GeneratedRegex(@"crystal axes: \(cart\. coord\. in units of (?:alat|a_0)\)")] private static partial Regex CrystalAxesHeader();
    [GeneratedRegex(@"site n\.\s+atom\s+positions \((?:alat|a_0) units\)")] private static partial Regex PositionsHeader();
    [GeneratedRegex(@"number of Kohn-Sham states=\s*(\d+)")] private static partial Regex KohnShamStates();
    [GeneratedRegex(@"number of k points=\s*(\d+)")] private static partial Regex KPoints();
    [GeneratedRegex(@"lattice parameter \(alat\)\s*=\s*(\S+)\s*a\.u\.")] private static partial Regex Alat();
    [GeneratedRegex(@"^\s*a\(\d\) = \((.*)\)")] private static partial Regex AxisRow();
    [GeneratedRegex(@"^\s*(\S+)\s+(\S+)\s+(\S+)\s+([A-Za-z]{1,3})\s*\(")] private static partial Regex SpeciesRow();
    [GeneratedRegex(@"^\s*\d+\s+(\S+)\s+tau\(\s*\d+\)\s*=\s*\((.*)\)")] private static partial Regex PositionRow();
    [GeneratedRegex(@"End of (self-consistent|band structure) calculation")] private static partial Regex EndOfCalculation();
    [GeneratedRegex(@"^\s*-+ SPIN (UP|DOWN) -+")] private static partial Regex SpinHeader();
    [GeneratedRegex(@"^\s*k =(.*)\(\s*\d+ PWs\)\s+bands \(ev\):")] private static partial Regex BandsHeader();
    [GeneratedRegex(@"the Fermi energy is\s+(\S+)\s+ev")] private static partial Regex Fermi();
    [GeneratedRegex(@"highest occupied, lowest unoccupied level \(ev\):\s*(\S+)\s+(\S+)")] private static partial Regex HomoLumo();
    [GeneratedRegex(@"highest occupied level \(ev\):\s*(\S+)")] private static partial Regex Homo();
    [GeneratedRegex(@"^!\s+total energy\s*=\s*(\S+)\s*Ry")] private static partial Regex TotalEnergy();
    [GeneratedRegex(@"convergence has been achieved in\s+(\d+) iterations")] private static partial Regex ConvergenceAchieved();
    [GeneratedRegex(@"convergence NOT achieved after\s+(\d+) iterations")] private static partial Regex ConvergenceFailed();
    [GeneratedRegex(@"PWSCF\s*:.*CPU\s+(.+?)\s*WALL")] private static partial Regex Wall();
}
