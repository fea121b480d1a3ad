using System.Reflection;
using System.Runtime.InteropServices;

namespace CoreHole.Structures;

/// <summary>
/// P/Invoke binding to spglib's C library (Debian <c>libsymspg1</c>, version 2.0.x): the field's standard for space
/// groups, equivalent atoms and primitive cells. Only what <see cref="Symmetry"/> needs is bound.
/// </summary>
static unsafe partial class Spglib
{
    const string Library = "symspg";

    static Spglib() => NativeLibrary.SetDllImportResolver(typeof(Spglib).Assembly, Resolve);

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library) return IntPtr.Zero;
        foreach (var candidate in new[] { "libsymspg.so.1", "libsymspg.so.2", "libsymspg.so" })
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
        throw new InputError("spglib is not installed: apt-get install libsymspg1");
    }

    /// <summary>The C struct <c>SpglibDataset</c> of spglib 2.0 (spglib.h), field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Dataset
    {
        public int SpacegroupNumber;
        public int HallNumber;
        public fixed byte InternationalSymbol[11];
        public fixed byte HallSymbol[17];
        public fixed byte Choice[6];
        public fixed double TransformationMatrix[9];
        public fixed double OriginShift[3];
        public int OperationCount;
        public int* Rotations;
        public double* Translations;
        public int AtomCount;
        public int* Wyckoffs;
        public byte* SiteSymmetrySymbols;
        public int* EquivalentAtoms;
        public int* CrystallographicOrbits;
        public fixed double PrimitiveLattice[9];
        public int* MappingToPrimitive;
        public int StandardAtomCount;
        public fixed double StandardLattice[9];
        public int* StandardTypes;
        public double* StandardPositions;
        public fixed double StandardRotationMatrix[9];
        public int* StandardMappingToPrimitive;
        public fixed byte PointgroupSymbol[6];
    }

    [LibraryImport(Library, EntryPoint = "spg_get_dataset")]
    internal static partial Dataset* GetDataset(double* lattice, double* positions, int* types, int atomCount, double symprec);

    [LibraryImport(Library, EntryPoint = "spg_free_dataset")]
    internal static partial void FreeDataset(Dataset* dataset);

    /// <summary>Maps every point of an n1 x n2 x n3 mesh to its irreducible representative; returns how many there are.</summary>
    [LibraryImport(Library, EntryPoint = "spg_get_ir_reciprocal_mesh")]
    internal static partial int GetIrreducibleReciprocalMesh(int* gridAddress, int* irreducibleMapping, int* mesh, int* isShift,
        int isTimeReversal, double* lattice, double* positions, int* types, int atomCount, double symprec);

    [LibraryImport(Library, EntryPoint = "spg_get_error_code")]
    internal static partial int GetErrorCode();

    [LibraryImport(Library, EntryPoint = "spg_get_error_message")]
    internal static partial byte* GetErrorMessage(int code);

    [LibraryImport(Library, EntryPoint = "spg_get_major_version")]
    internal static partial int MajorVersion();

    [LibraryImport(Library, EntryPoint = "spg_get_minor_version")]
    internal static partial int MinorVersion();

    [LibraryImport(Library, EntryPoint = "spg_get_micro_version")]
    internal static partial int MicroVersion();

    internal static string Text(byte* chars, int max)
    {
        var length = 0;
        while (length < max && chars[length] != 0) length++;
        return System.Text.Encoding.ASCII.GetString(chars, length).Trim();
    }
}
