namespace CoreHole.Spectra;

/// <summary>
/// Linear convolution by the fast Fourier transform (radix-2, zero-padded): O(n log n) where summing a kernel over
/// every point is O(n·m). Used by <see cref="Broadening"/> when a dense uniform grid puts thousands of samples under
/// one line shape (a spectrum of a million points broadened by 0.5 eV took minutes summed directly).
/// </summary>
internal static class Convolution
{
    /// <summary>
    /// result[j] = Σ_i signal[i]·kernel[j − i + half], for j over the signal's indices: <paramref name="kernel"/> holds the
    /// line shape at offsets −half..half, so the result is aligned with the signal. Exact up to rounding (about 1e-16
    /// of the largest term times log n).
    /// </summary>
    public static double[] Centered(double[] signal, double[] kernel)
    {
        var half = kernel.Length / 2;
        var size = 1;
        while (size < signal.Length + kernel.Length) size <<= 1;
        double[] aRe = new double[size], aIm = new double[size], bRe = new double[size], bIm = new double[size];
        signal.CopyTo(aRe, 0);
        kernel.CopyTo(bRe, 0);
        Transform(aRe, aIm, inverse: false);
        Transform(bRe, bIm, inverse: false);
        for (var k = 0; k < size; k++)
            (aRe[k], aIm[k]) = (aRe[k] * bRe[k] - aIm[k] * bIm[k], aRe[k] * bIm[k] + aIm[k] * bRe[k]);
        Transform(aRe, aIm, inverse: true);
        var result = new double[signal.Length];
        for (var j = 0; j < result.Length; j++) result[j] = aRe[j + half] / size;
        return result;
    }

    /// <summary>In-place iterative Cooley-Tukey FFT of a power-of-two length; the inverse is not divided by the length.</summary>
    static void Transform(double[] re, double[] im, bool inverse)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = (inverse ? 2 : -2) * Math.PI / length;
            for (var k = 0; k < length / 2; k++)
            {
                // Twiddle factors from the angle directly, not by repeated multiplication, so rounding does not grow with n.
                double wRe = Math.Cos(angle * k), wIm = Math.Sin(angle * k);
                for (var start = 0; start < n; start += length)
                {
                    int a = start + k, b = a + length / 2;
                    double tRe = re[b] * wRe - im[b] * wIm, tIm = re[b] * wIm + im[b] * wRe;
                    (re[b], im[b]) = (re[a] - tRe, im[a] - tIm);
                    (re[a], im[a]) = (re[a] + tRe, im[a] + tIm);
                }
            }
        }
    }
}
