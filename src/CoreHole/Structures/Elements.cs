namespace CoreHole.Structures;

/// <summary>Chemical elements: symbols, atomic masses (for QE's ATOMIC_SPECIES) and symbol recognition.</summary>
public static class Elements
{
    static readonly string[] Symbols =
    [
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y",
        "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce",
        "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir",
        "Pt", "Au", "Hg", "Tl", "Pb", "Bi",
    ];

    static readonly double[] Masses =
    [
        1.008, 4.0026, 6.94, 9.0122, 10.81, 12.011, 14.007, 15.999, 18.998, 20.180, 22.990, 24.305, 26.982, 28.085,
        30.974, 32.06, 35.45, 39.948, 39.098, 40.078, 44.956, 47.867, 50.942, 51.996, 54.938, 55.845, 58.933, 58.693,
        63.546, 65.38, 69.723, 72.630, 74.922, 78.971, 79.904, 83.798, 85.468, 87.62, 88.906, 91.224, 92.906, 95.95,
        98.0, 101.07, 102.91, 106.42, 107.87, 112.41, 114.82, 118.71, 121.76, 127.60, 126.90, 131.29, 132.91, 137.33,
        138.91, 140.12, 140.91, 144.24, 145.0, 150.36, 151.96, 157.25, 158.93, 162.50, 164.93, 167.26, 168.93, 173.05,
        174.97, 178.49, 180.95, 183.84, 186.21, 190.23, 192.22, 195.08, 196.97, 200.59, 204.38, 207.2, 208.98,
    ];

    public static bool IsSymbol(string s) => Array.IndexOf(Symbols, s) >= 0;

    public static int AtomicNumber(string symbol) =>
        Array.IndexOf(Symbols, symbol) is var i and >= 0 ? i + 1 : throw new InputError($"unknown element '{symbol}'");

    public static double Mass(string symbol) => Masses[AtomicNumber(symbol) - 1];

    /// <summary>
    /// The element of a CIF type symbol ("O", "O2-", "Si4+") or, failing that, of a site label ("O1", "Si2a").
    /// Zeolite CIFs label tetrahedral sites "T1" with type symbol "Si".
    /// </summary>
    public static string FromSymbolOrLabel(string text, string file, int line)
    {
        var letters = new string(text.TakeWhile(char.IsLetter).ToArray());
        if (letters.Length >= 2)
        {
            var two = char.ToUpperInvariant(letters[0]) + letters[1..2].ToLowerInvariant();
            if (IsSymbol(two)) return two;
        }
        if (letters.Length >= 1 && IsSymbol(char.ToUpperInvariant(letters[0]).ToString()))
            return char.ToUpperInvariant(letters[0]).ToString();
        throw new InputError(file, line, $"'{text}' names no chemical element");
    }
}
