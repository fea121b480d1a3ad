using CoreHole.Learning.Kernels;

namespace CoreHole.Learning;

/// <summary>A row-major single-precision matrix: one sample (a curve on an energy grid) per row.</summary>
public sealed class Matrix
{
    public Matrix(int rows, int columns) : this(rows, columns, new float[checked(rows * columns)]) { }

    public Matrix(int rows, int columns, float[] data)
    {
        if (rows < 0 || columns < 0) throw new ArgumentOutOfRangeException(nameof(rows), "negative matrix shape");
        if (data.Length != rows * columns)
            throw new ArgumentException($"{data.Length} values for a {rows}x{columns} matrix", nameof(data));
        (Rows, Columns, Data) = (rows, columns, data);
    }

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>The elements, row after row.</summary>
    public float[] Data { get; }

    public float this[int row, int column]
    {
        get => Data[row * Columns + column];
        set => Data[row * Columns + column] = value;
    }

    public Span<float> Row(int row) => Data.AsSpan(row * Columns, Columns);

    /// <summary>The first <paramref name="rows"/> rows as a kernel operand (buffers are sized for the largest batch).</summary>
    internal MatrixRef Top(int rows) => new(Data, 0, rows, Columns, Columns, 1);

    public static Matrix FromRows(IReadOnlyList<float[]> rows)
    {
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        var matrix = new Matrix(rows.Count, columns);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
                throw new ArgumentException($"row {i} has {rows[i].Length} values, row 0 has {columns}", nameof(rows));
            rows[i].CopyTo(matrix.Row(i));
        }
        return matrix;
    }
}
