using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CoreHole.Learning.Kernels;

/// <summary>
/// C = A·B, optionally plus a bias row added to every row of C: the single-precision matrix product behind every
/// dense layer, forward and backward. Configure once with <see cref="Set"/>, then <see cref="Run"/> every batch
/// without allocating.
/// </summary>
/// <remarks>
/// <para>A may have any strides (so Xᵀ is a view); B and C are row-major. C is cut into tiles of 8 rows by two SIMD
/// vectors of columns; a tile's 16 accumulators stay in registers for the whole depth K, so each step of K costs
/// 2 vector loads of B, 8 broadcasts of A and 16 fused multiply-adds. Tiles are ordered rows-fastest, so the
/// K×(2 vectors) panel of B a tile reads is reused by the next tiles while it is still in cache.</para>
/// <para>Tails: the last row tile and the last column tile are shifted back to end at the matrix edge and overlap
/// their neighbours. That recomputes a few elements instead of running a masked kernel, which is safe because C is
/// overwritten, never accumulated. The widest vector with 2 vectors ≤ N is used (512, 256, then 128 bits); products
/// with fewer than 8 rows or 8 columns go row by row through <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>.</para>
/// <para>Each part of the parallel work is a run of whole tiles, so an element is computed by the same instructions
/// on whatever thread: results do not depend on the thread count.</para>
/// </remarks>
internal sealed class MatrixProduct : IParallelWork
{
    const int TileRows = 8;
    const long FlopsPerPart = 1 << 19; // enough work per part to make claiming it (one atomic operation) negligible

    MatrixRef a, b, c;
    MatrixRef? bias;      // one row, added to every row of C
    int width;            // SIMD width in floats; 0 for the row-by-row path
    int rowTiles, columnTiles, tilesPerPart;

    public int PartCount { get; private set; }

    /// <summary>Computes C = A·B (+ bias) on the calling thread.</summary>
    public static void Multiply(MatrixRef a, MatrixRef b, MatrixRef c, MatrixRef? bias = null)
    {
        var product = new MatrixProduct();
        product.Set(a, b, c, bias);
        product.Run(null);
    }

    public void Set(MatrixRef a, MatrixRef b, MatrixRef c, MatrixRef? bias = null)
    {
        if (a.Columns != b.Rows || c.Rows != a.Rows || c.Columns != b.Columns)
            throw new ArgumentException($"cannot multiply {a.Rows}x{a.Columns} by {b.Rows}x{b.Columns} into {c.Rows}x{c.Columns}");
        if (b.ColumnStride != 1 || c.ColumnStride != 1)
            throw new ArgumentException("B and C must be row-major");
        if (bias is { } row && (row.Rows != 1 || row.Columns != c.Columns || row.ColumnStride != 1))
            throw new ArgumentException($"the bias must be one row-major row of {c.Columns} values");
        bias?.CheckBounds("bias");
        a.CheckBounds("A");
        b.CheckBounds("B");
        c.CheckBounds("C");
        (this.a, this.b, this.c, this.bias) = (a, b, c, bias);

        int n = c.Columns, m = c.Rows;
        width = m < TileRows ? 0
            : Vector512.IsHardwareAccelerated && n >= 2 * Vector512<float>.Count ? Vector512<float>.Count
            : Vector256.IsHardwareAccelerated && n >= 2 * Vector256<float>.Count ? Vector256<float>.Count
            : Vector128.IsHardwareAccelerated && n >= 2 * Vector128<float>.Count ? Vector128<float>.Count
            : 0;
        rowTiles = width == 0 ? m : (m + TileRows - 1) / TileRows;
        columnTiles = width == 0 ? 1 : (n + 2 * width - 1) / (2 * width);
        long flopsPerTile = 2L * a.Columns * (width == 0 ? n : TileRows * 2 * width);
        tilesPerPart = (int)Math.Clamp(FlopsPerPart / Math.Max(flopsPerTile, 1), 1, int.MaxValue);
        int tiles = rowTiles * columnTiles;
        PartCount = (tiles + tilesPerPart - 1) / tilesPerPart;
    }

    /// <summary>Runs the configured product, split over <paramref name="team"/> when one is given.</summary>
    public void Run(WorkerTeam? team)
    {
        if (team is null)
            for (int part = 0; part < PartCount; part++) RunPart(part);
        else
            team.Run(this);
    }

    public void RunPart(int part)
    {
        int first = part * tilesPerPart, end = Math.Min(first + tilesPerPart, rowTiles * columnTiles);
        for (int tile = first; tile < end; tile++)
        {
            int rowTile = tile % rowTiles, columnTile = tile / rowTiles;
            switch (width)
            {
                case 16: Tile<Simd512, Vector512<float>>(rowTile, columnTile); break;
                case 8: Tile<Simd256, Vector256<float>>(rowTile, columnTile); break;
                case 4: Tile<Simd128, Vector128<float>>(rowTile, columnTile); break;
                default: Row(rowTile); break;
            }
        }
    }

    /// <summary>One row of C by axpy over K: the path for products too narrow or too short for a register tile.</summary>
    void Row(int row)
    {
        var cRow = c.Data.AsSpan(c.Offset + row * c.RowStride, c.Columns);
        if (bias is { } row0) row0.Data.AsSpan(row0.Offset, c.Columns).CopyTo(cRow);
        else cRow.Clear();
        for (int k = 0; k < a.Columns; k++)
        {
            var bRow = b.Data.AsSpan(b.Offset + k * b.RowStride, b.Columns);
            TensorPrimitives.MultiplyAdd(bRow, a[row, k], cRow, cRow);
        }
    }

    /// <summary>One 8-row by 2-vector tile of C, its accumulators held in registers across the whole depth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Tile<TSimd, TVec>(int rowTile, int columnTile) where TSimd : ISimd<TVec> where TVec : struct
    {
        int w = TSimd.Width;
        int row = Math.Min(rowTile * TileRows, c.Rows - TileRows);
        int column = Math.Min(columnTile * 2 * w, c.Columns - 2 * w);
        int depth = a.Columns, aRow = a.RowStride, aStep = a.ColumnStride, bStep = b.RowStride;
        ref float aTile = ref a.Data[a.Offset + row * aRow];
        ref float bPanel = ref b.Data[b.Offset + column];

        TVec c00, c01;
        if (bias is { } biasRow)
        {
            ref float biasStart = ref biasRow.Data[biasRow.Offset + column];
            c00 = TSimd.Load(ref biasStart);
            c01 = TSimd.Load(ref Unsafe.Add(ref biasStart, w));
        }
        else
            c00 = c01 = TSimd.Broadcast(0);
        TVec c10 = c00, c11 = c01, c20 = c00, c21 = c01, c30 = c00, c31 = c01,
             c40 = c00, c41 = c01, c50 = c00, c51 = c01, c60 = c00, c61 = c01, c70 = c00, c71 = c01;

        for (int k = 0; k < depth; k++)
        {
            ref float bk = ref Unsafe.Add(ref bPanel, k * bStep);
            TVec b0 = TSimd.Load(ref bk), b1 = TSimd.Load(ref Unsafe.Add(ref bk, w));
            ref float ak = ref Unsafe.Add(ref aTile, k * aStep);
            TVec x = TSimd.Broadcast(ak);
            c00 = TSimd.MultiplyAdd(x, b0, c00); c01 = TSimd.MultiplyAdd(x, b1, c01);
            x = TSimd.Broadcast(Unsafe.Add(ref ak, aRow));
            c10 = TSimd.MultiplyAdd(x, b0, c10); c11 = TSimd.MultiplyAdd(x, b1, c11);
            x = TSimd.Broadcast(Unsafe.Add(ref ak, 2 * aRow));
            c20 = TSimd.MultiplyAdd(x, b0, c20); c21 = TSimd.MultiplyAdd(x, b1, c21);
            x = TSimd.Broadcast(Unsafe.Add(ref ak, 3 * aRow));
            c30 = TSimd.MultiplyAdd(x, b0, c30); c31 = TSimd.MultiplyAdd(x, b1, c31);
            x = TSimd.Broadcast(Unsafe.Add(ref ak, 4 * aRow));
            c40 = TSimd.MultiplyAdd(x, b0, c40); c41 = TSimd.MultiplyAdd(x, b1, c41);
            x = TSimd.Broadcast(Unsafe.Add(ref ak, 5 * aRow));
            c50 = TSimd.MultiplyAdd(x, b0, c50); c51 = TSimd.MultiplyAdd(x, b1, c51);
            x = TSimd.Broadcast(Unsafe.Add(ref ak, 6 * aRow));
            c60 = TSimd.MultiplyAdd(x, b0, c60); c61 = TSimd.MultiplyAdd(x, b1, c61);
            x = TSimd.Broadcast(Unsafe.Add(ref ak, 7 * aRow));
            c70 = TSimd.MultiplyAdd(x, b0, c70); c71 = TSimd.MultiplyAdd(x, b1, c71);
        }

        ref float cTile = ref c.Data[c.Offset + row * c.RowStride + column];
        int cRow = c.RowStride;
        StorePair<TSimd, TVec>(c00, c01, ref cTile, w);
        StorePair<TSimd, TVec>(c10, c11, ref Unsafe.Add(ref cTile, cRow), w);
        StorePair<TSimd, TVec>(c20, c21, ref Unsafe.Add(ref cTile, 2 * cRow), w);
        StorePair<TSimd, TVec>(c30, c31, ref Unsafe.Add(ref cTile, 3 * cRow), w);
        StorePair<TSimd, TVec>(c40, c41, ref Unsafe.Add(ref cTile, 4 * cRow), w);
        StorePair<TSimd, TVec>(c50, c51, ref Unsafe.Add(ref cTile, 5 * cRow), w);
        StorePair<TSimd, TVec>(c60, c61, ref Unsafe.Add(ref cTile, 6 * cRow), w);
        StorePair<TSimd, TVec>(c70, c71, ref Unsafe.Add(ref cTile, 7 * cRow), w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void StorePair<TSimd, TVec>(TVec first, TVec second, ref float destination, int w)
        where TSimd : ISimd<TVec> where TVec : struct
    {
        TSimd.Store(first, ref destination);
        TSimd.Store(second, ref Unsafe.Add(ref destination, w));
    }
}
