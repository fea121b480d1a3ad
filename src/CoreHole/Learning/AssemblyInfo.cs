using System.Runtime.CompilerServices;

// The benchmark times the matrix-product kernel directly, not only whole trainings.
[assembly: InternalsVisibleTo("CoreHole.Bench")]
