using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

public class ProjwfcOutputReaderTests
{
    const string MgO = "qe-seed/MgO/gs/projwfc.out";

    [Fact]
    public void StatesChargesAndSpilling()
    {
        var run = ProjwfcOutputReader.Read(TestData.Path(MgO));
        Assert.Equal(13, run.States.Count);
        Assert.Equal(new ProjectedState(11, 2, "O", 2, 1), run.States[10]);
        Assert.Equal(1.8885, run.LowdinCharges[1]);
        Assert.Equal(6.1008, run.LowdinCharges[2]);
        Assert.Equal(0.0013, run.Spilling);
        Assert.True(run.JobDone);
        Assert.Equal("2 atoms", run.Summary().Sites);
    }

    [Fact]
    public void SpinPolarisedChargesAreTheTotals()
    {
        var run = ProjwfcOutputReader.Read(TestData.Path("qe-made-here/spin_projwfc.out"));
        Assert.Equal((1.8734, 6.1163), (run.LowdinCharges[1], run.LowdinCharges[2]));
        Assert.Equal(0.0013, run.Spilling);
    }

    [Fact]
    public void CorruptSpillingNamesItsLine()
    {
        var path = TestData.WithReplaced(MgO, "Spilling Parameter:   0.0013", "Spilling Parameter:   0.00-3");
        TestData.AssertInputError(() => ProjwfcOutputReader.Read(path), path, 4959, "spilling parameter");
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        var path = TestData.Write("projwfc.out", "");
        TestData.AssertInputError(() => ProjwfcOutputReader.Read(path), path, null, "empty file");
    }
}
