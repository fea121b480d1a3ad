namespace CoreHole.Structures;

/// <summary>A 3-vector of doubles (Cartesian Å or fractional coordinates; the owner says which).</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public double this[int i] => i switch { 0 => X, 1 => Y, 2 => Z, _ => throw new ArgumentOutOfRangeException(nameof(i)) };
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);
    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public double Length => Math.Sqrt(Dot(this));
    /// <summary>The angle between this vector and <paramref name="b"/>, in degrees (rounding clamped, so parallel vectors give 0, not NaN).</summary>
    public double AngleDegrees(Vec3 b) => Math.Acos(Math.Clamp(Dot(b) / (Length * b.Length), -1, 1)) * 180 / Math.PI;
    /// <summary>Each component reduced into [0, 1).</summary>
    public Vec3 Wrapped() => new(Wrap(X), Wrap(Y), Wrap(Z));
    static double Wrap(double v) { var w = v - Math.Floor(v); return w >= 1.0 ? 0.0 : w; }
    public override string ToString() => $"({X:F6}, {Y:F6}, {Z:F6})";
}
