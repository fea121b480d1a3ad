namespace CoreHole.Simulation.Engines.QuantumEspresso;

/// <summary>What every stage needs: settings, MPI processes, pseudopotentials, the program runner, and its two folders.</summary>
/// <param name="WorkFolder">Scratch for the running programs (wavefunctions, save folders); deleted when the stage finishes.</param>
/// <param name="StageFolder">Where the kept outputs go (inputs, compressed outputs, spectra, PDOS, stage.json).</param>
public sealed record StageContext(
    MaterialPlan Material,
    Preset Preset,
    int Processes,
    PseudopotentialLibrary Pseudopotentials,
    QeProgramRunner Runner,
    string WorkFolder,
    string StageFolder,
    CancellationToken Cancel)
{
    public ProgramRunRecord Run(string program, string inputName, QeInput input, string extraArguments = "")
    {
        File.WriteAllText(Path.Combine(WorkFolder, inputName), input.ToString());
        var output = Path.ChangeExtension(inputName, ".out");
        return Runner.Run(new QeRun(program, WorkFolder, inputName, output, Processes, ExtraArguments: extraArguments), Cancel);
    }

    /// <summary>
    /// The parsed output of a finished pw.x scf, refused unless it converged: pw.x stops at electron_maxstep with JOB DONE
    /// and a density nothing after it should use (a metal, or a defect state at the Fermi level, under fixed occupations).
    /// </summary>
    public static Formats.PwOutput ConvergedScf(ProgramRunRecord scf, string what)
    {
        var output = Formats.PwOutputReader.Read(scf.OutputPath);
        if (output.Converged != true)
            throw new QeRunFailedException(new QeRun("pw.x", Path.GetDirectoryName(scf.OutputPath)!, Path.ChangeExtension(Path.GetFileName(scf.OutputPath), ".in"), Path.GetFileName(scf.OutputPath), 1),
                $"{what} scf NOT converged after {output.ScfIterations} iterations: a metal, or a defect state at the Fermi level that fixed occupations cannot settle");
        return output;
    }

    /// <summary>Keeps a run's input as text and its output gzip-compressed in the stage folder.</summary>
    public void Keep(ProgramRunRecord run, string inputName)
    {
        File.Copy(Path.Combine(WorkFolder, inputName), Path.Combine(StageFolder, inputName), overwrite: true);
        Atomic.CopyGzipped(run.OutputPath, Path.Combine(StageFolder, Path.GetFileName(run.OutputPath) + ".gz"));
    }

    /// <summary>Species labels and pseudopotentials for the atoms of a cell; the core-hole atom, if any, gets "Oh".</summary>
    public (IReadOnlyList<Pseudopotential> Species, IReadOnlyList<string> SpeciesOfAtom) Species(Structures.Crystal crystal, int? coreHoleAtom = null)
    {
        var labels = crystal.Atoms.Select((a, i) => i == coreHoleAtom ? PseudopotentialLibrary.CoreHoleOxygen : a.Element).ToList();
        // The absorber's species comes first: xspectra's xiabs=1 names it by position.
        var species = labels.Distinct().OrderBy(l => l == PseudopotentialLibrary.CoreHoleOxygen ? 0 : 1)
            .Select(Pseudopotentials.Get).ToList();
        return (species, labels);
    }

    /// <summary>Occupied bands of a closed-shell insulator: half the valence electrons, which must be even.</summary>
    public static int OccupiedBands(IReadOnlyList<Pseudopotential> species, IReadOnlyList<string> speciesOfAtom, int charge, string what)
    {
        var valence = species.ToDictionary(s => s.Species, s => s.Valence);
        var electrons = speciesOfAtom.Sum(s => valence[s]) - charge;
        if (Math.Abs(electrons - Math.Round(electrons)) > 1e-6 || (int)Math.Round(electrons) % 2 != 0)
            throw new InputError($"{what}: {electrons} valence electrons is not an even number; CoreHole simulates closed-shell insulators");
        return (int)Math.Round(electrons) / 2;
    }

    public static string KPoints(Structures.Lattice lattice, double length)
    {
        var (n1, n2, n3) = KMesh.Of(lattice, length);
        return $"K_POINTS automatic\n{n1} {n2} {n3} 0 0 0\n";
    }
}
