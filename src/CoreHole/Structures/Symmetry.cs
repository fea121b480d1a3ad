namespace CoreHole.Structures;

/// <summary>What spglib finds for a crystal: space group, and per atom its Wyckoff letter and symmetry-equivalent representative.</summary>
public sealed record SymmetryInfo(
    int SpaceGroupNumber,
    string InternationalSymbol,
    IReadOnlyList<char> Wyckoffs,
    IReadOnlyList<int> EquivalentAtoms,
    Lattice PrimitiveLattice,
    IReadOnlyList<int> MappingToPrimitive);

/// <summary>Space group, primitive cell and inequivalent sites of a crystal, through spglib.</summary>
public static class Symmetry
{
    /// <summary>Default distance tolerance (Å) for symmetry search, as in the project's structure checks.</summary>
    public const double DefaultTolerance = 1e-3;

    public static string SpglibVersion => $"{Spglib.MajorVersion()}.{Spglib.MinorVersion()}.{Spglib.MicroVersion()}";

    /// <summary>
    /// A crystal as spglib's C functions take it: lattice vectors as the columns of a 3x3 matrix, fractional positions,
    /// atomic numbers. Every call goes through here, so every cell is validated before spglib sees it.
    /// </summary>
    static (double[] Lattice, double[] Positions, int[] Types) ForSpglib(Crystal crystal)
    {
        crystal.Validated();
        var n = crystal.Atoms.Count;
        var lattice = new double[9];
        for (var v = 0; v < 3; v++)
            for (var c = 0; c < 3; c++)
                lattice[c * 3 + v] = crystal.Lattice[v][c];
        var positions = new double[3 * n];
        var types = new int[n];
        for (var i = 0; i < n; i++)
        {
            var f = crystal.Atoms[i].Fractional;
            positions[3 * i] = f.X; positions[3 * i + 1] = f.Y; positions[3 * i + 2] = f.Z;
            types[i] = Elements.AtomicNumber(crystal.Atoms[i].Element);
        }
        return (lattice, positions, types);
    }

    public static unsafe SymmetryInfo Analyze(Crystal crystal, double symprec = DefaultTolerance)
    {
        var n = crystal.Atoms.Count;
        var (lattice, positions, types) = ForSpglib(crystal);
        fixed (double* l = lattice, p = positions)
        fixed (int* t = types)
        {
            var data = Spglib.GetDataset(l, p, t, n, symprec);
            if (data == null)
            {
                var code = Spglib.GetErrorCode();
                throw crystal.Error($"spglib found no symmetry ({Spglib.Text(Spglib.GetErrorMessage(code), 200)})");
            }
            try
            {
                var wyckoffs = new char[n];
                var equivalent = new int[n];
                var mapping = new int[n];
                for (var i = 0; i < n; i++)
                {
                    wyckoffs[i] = (char)('a' + data->Wyckoffs[i]);
                    equivalent[i] = data->EquivalentAtoms[i];
                    mapping[i] = data->MappingToPrimitive[i];
                }
                Vec3 Column(int v) => new(data->PrimitiveLattice[v], data->PrimitiveLattice[3 + v], data->PrimitiveLattice[6 + v]);
                return new SymmetryInfo(
                    data->SpacegroupNumber, Spglib.Text(data->InternationalSymbol, 11),
                    wyckoffs, equivalent, new Lattice(Column(0), Column(1), Column(2)), mapping);
            }
            finally { Spglib.FreeDataset(data); }
        }
    }

    /// <summary>
    /// How many k-points an unshifted n1 x n2 x n3 Monkhorst-Pack mesh keeps once the crystal's point group and time
    /// reversal fold it: the number pw.x computes for <c>K_POINTS automatic n1 n2 n3 0 0 0</c> (the same count on every
    /// campaign ground state whose output records it).
    /// </summary>
    public static unsafe int IrreducibleKPoints(Crystal crystal, (int N1, int N2, int N3) mesh, double symprec = DefaultTolerance)
    {
        if (mesh.N1 < 1 || mesh.N2 < 1 || mesh.N3 < 1) throw new ArgumentOutOfRangeException(nameof(mesh), mesh, "a k mesh needs at least one point along each axis");
        var (lattice, positions, types) = ForSpglib(crystal);
        var points = mesh.N1 * mesh.N2 * mesh.N3;
        var addresses = new int[3 * points];
        var mapping = new int[points];
        int[] size = [mesh.N1, mesh.N2, mesh.N3], unshifted = [0, 0, 0];
        fixed (double* l = lattice, p = positions)
        fixed (int* t = types, a = addresses, m = mapping, s = size, shift = unshifted)
        {
            var count = Spglib.GetIrreducibleReciprocalMesh(a, m, s, shift, 1, l, p, t, crystal.Atoms.Count, symprec);
            if (count <= 0)
                throw crystal.Error($"spglib could not fold the {mesh.N1}x{mesh.N2}x{mesh.N3} k mesh ({Spglib.Text(Spglib.GetErrorMessage(Spglib.GetErrorCode()), 200)})");
            return count;
        }
    }

    /// <summary>
    /// The primitive cell, kept in the input's Cartesian frame (not rotated to a standard setting), each atom keeping
    /// the label of the first input atom that maps onto it.
    /// </summary>
    public static Crystal Primitive(Crystal crystal, double symprec = DefaultTolerance)
    {
        var info = Analyze(crystal, symprec);
        var count = info.MappingToPrimitive.Max() + 1;
        var atoms = new Atom?[count];
        for (var i = 0; i < crystal.Atoms.Count; i++)
        {
            var p = info.MappingToPrimitive[i];
            if (atoms[p] != null) continue;
            var source = crystal.Atoms[i];
            var fractional = info.PrimitiveLattice.ToFractional(crystal.CartesianPosition(i)).Wrapped();
            atoms[p] = source with { Fractional = fractional };
        }
        return crystal with { Lattice = info.PrimitiveLattice, Atoms = atoms.Select(a => a!).ToArray() };
    }

    /// <summary>One representative of each set of symmetry-equivalent atoms of an element, with how many atoms it stands for.</summary>
    public static IReadOnlyList<Site> InequivalentSites(Crystal crystal, string element, double symprec = DefaultTolerance)
    {
        var info = Analyze(crystal, symprec);
        var sites = crystal.IndicesOf(element)
            .GroupBy(i => info.EquivalentAtoms[i])
            .Select(g => (Representative: g.Key, Members: g.ToArray()))
            .OrderBy(g => g.Representative)
            .ToList();
        var labels = sites.Select(s => crystal.Atoms[s.Representative].Label).ToList();
        var labelsUsable = labels.All(l => !string.IsNullOrEmpty(l)) && labels.Distinct().Count() == labels.Count;
        return sites.Select((s, k) => new Site(
            labelsUsable ? labels[k]! : $"{element}{k + 1}",
            s.Representative, info.Wyckoffs[s.Representative], s.Members)).ToList();
    }
}

/// <summary>A symmetry-inequivalent site: its name, the index of its representative atom, Wyckoff letter, and all equivalent atoms.</summary>
public sealed record Site(string Label, int Atom, char Wyckoff, IReadOnlyList<int> EquivalentAtoms)
{
    public int Multiplicity => EquivalentAtoms.Count;
}
