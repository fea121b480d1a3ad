using System.Runtime.CompilerServices;

namespace CoreHole.Learning.Kernels;

/// <summary>
/// A matrix inside a flat float array: element (row, column) is at
/// <c>Offset + row * RowStride + column * ColumnStride</c>, so a transpose is a view, not a copy.
/// </summary>
internal readonly record struct MatrixRef(float[] Data, int Offset, int Rows, int Columns, int RowStride, int ColumnStride)
{
    /// <summary>A dense row-major matrix at the start of <paramref name="data"/>.</summary>
    public static MatrixRef RowMajor(float[] data, int rows, int columns) => new(data, 0, rows, columns, columns, 1);

    public MatrixRef Transposed => new(Data, Offset, Columns, Rows, ColumnStride, RowStride);

    public ref float this[int row, int column] => ref Data[Offset + row * RowStride + column * ColumnStride];

    /// <summary>
    /// Copies element by element into a matrix of the same shape; with a transposed view, a transpose. Blocks of
    /// 8×8 keep both the rows read and the rows written in cache whichever of the two is strided.
    /// </summary>
    public void CopyTo(MatrixRef destination)
    {
        if (destination.Rows != Rows || destination.Columns != Columns)
            throw new ArgumentException($"cannot copy {Rows}x{Columns} into {destination.Rows}x{destination.Columns}");
        CheckBounds("source");
        destination.CheckBounds("destination");
        if (Rows == 0 || Columns == 0) return;
        ref float source = ref Data[Offset];
        ref float target = ref destination.Data[destination.Offset];
        const int block = 8;
        for (int rowBlock = 0; rowBlock < Rows; rowBlock += block)
            for (int columnBlock = 0; columnBlock < Columns; columnBlock += block)
                for (int row = rowBlock; row < Math.Min(rowBlock + block, Rows); row++)
                    for (int column = columnBlock; column < Math.Min(columnBlock + block, Columns); column++)
                        Unsafe.Add(ref target, row * destination.RowStride + column * destination.ColumnStride) =
                            Unsafe.Add(ref source, row * RowStride + column * ColumnStride);
    }

    /// <summary>Throws unless every element lies inside <see cref="Data"/>.</summary>
    public void CheckBounds(string name)
    {
        if (Rows < 0 || Columns < 0 || Offset < 0 || RowStride < 0 || ColumnStride < 0)
            throw new ArgumentException($"{name}: negative shape, offset or stride");
        if (Rows == 0 || Columns == 0) return;
        long last = Offset + (long)(Rows - 1) * RowStride + (long)(Columns - 1) * ColumnStride;
        if (last >= Data.Length)
            throw new ArgumentException($"{name}: a {Rows}x{Columns} view with strides ({RowStride}, {ColumnStride}) " +
                                        $"ends past its {Data.Length}-element array");
    }
}
