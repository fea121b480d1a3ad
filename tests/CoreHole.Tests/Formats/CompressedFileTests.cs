using System.IO.Compression;
using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>Campaign outputs are kept gzip-compressed: every reader must read them exactly as the plain files.</summary>
public class CompressedFileTests
{
    static string Gzipped(string relative)
    {
        var dir = Directory.CreateTempSubdirectory("corehole-gz-").FullName;
        var path = System.IO.Path.Combine(dir, System.IO.Path.GetFileName(relative) + ".gz");
        using (var input = File.OpenRead(TestData.Path(relative)))
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            input.CopyTo(gzip);
        return path;
    }

    [Theory]
    [InlineData("qe-seed/MgO/site_O1/xanes_avg.dat")]
    [InlineData("qe-seed/MgO/gs/pdos/atm2_O_p.pdos")]
    [InlineData("qe-seed/MgO/site_O1/scf.out")]
    public void GzippedFileReadsAsThePlainOne(string relative)
    {
        var plain = SpectrumFiles.Read(TestData.Path(relative));
        var compressed = SpectrumFiles.Read(Gzipped(relative));
        Assert.Equal(plain.Format, compressed.Format);
        Assert.Equal(plain.Curves.Count, compressed.Curves.Count);
        for (var c = 0; c < plain.Curves.Count; c++)
            Assert.Equal(plain.Curves[c].Curve.Intensities.ToArray(), compressed.Curves[c].Curve.Intensities.ToArray());
        Assert.Equal(plain.Edges, compressed.Edges);
        Assert.Equal(plain.Homo, compressed.Homo);
    }

    [Fact]
    public void DamagedGzipIsAOneLineError()
    {
        var path = TestData.Write("xanes_avg.dat.gz", "this is not gzip data\n");
        var e = Assert.Throws<InputError>(() => SpectrumFiles.Read(path));
        Assert.Contains("xanes_avg.dat.gz", e.Message);
        Assert.Contains("gzip", e.Message);
    }
}
