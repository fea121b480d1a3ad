namespace CoreHole.Tests;

public class InputErrorTests
{
    [Fact]
    public void MessageNamesFileLineAndProblem()
    {
        var e = new InputError("a.dat", 12, "not a number: 'x'");
        Assert.Equal("a.dat:12: not a number: 'x'", e.Message);
    }
}
