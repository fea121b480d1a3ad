using System.Text.RegularExpressions;
using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;

namespace CoreHole.IntegrationTests.QuantumEspresso;

/// <summary>The pseudopotentials CoreHole generates with ld1.x from its embedded inputs (well under a second each).</summary>
public class PseudopotentialLibraryTests
{
    [Theory]
    [InlineData("Sr", "Sr.pbe-spn-rrkjus-corehole.UPF", 10.0)] // 4s2 4p6 5s2
    [InlineData("Ti", "Ti.pbe-spn-rrkjus-corehole.UPF", 12.0)] // 3s2 3p6 4s2 3d2
    public void SemicorePseudopotentialsAreGeneratedWithTheChosenValence(string element, string fileName, double valence)
    {
        var folder = Directory.CreateTempSubdirectory("corehole-pseudo-").FullName;
        try
        {
            var pseudo = new PseudopotentialLibrary(folder, new QeProgramRunner()).Get(element);

            Assert.Equal((element, element, fileName, valence), (pseudo.Species, pseudo.Element, pseudo.FileName, pseudo.Valence));
            Assert.True(File.Exists(pseudo.Path + ".ld1.in"), "the ld1.x input is kept beside the UPF");
            var text = File.ReadAllText(pseudo.Path);
            Assert.Contains("pseudo_type=\"USPP\"", text);
            Assert.Contains("functional=\"PBE\"", text);
            Assert.Contains("relativistic=\"scalar\"", text);
            Assert.Contains("core_correction=\"true\"", text);

            // ld1.x's own estimate of the cutoffs these need fits the fast preset's 40/320 Ry.
            double Suggested(string what) => double.Parse(
                Regex.Match(text, $@"Suggested minimum cutoff for {what}:\s*([0-9.]+)\s*Ry").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(Suggested("wavefunctions"), 1, Preset.Fast.EcutWfc);
            Assert.InRange(Suggested("charge density"), 1, Preset.Fast.EcutRho);

            // A second library on the same folder reuses the file instead of regenerating it.
            var again = new PseudopotentialLibrary(folder, new QeProgramRunner()).Get(element);
            Assert.Equal(pseudo.Sha256, again.Sha256);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
