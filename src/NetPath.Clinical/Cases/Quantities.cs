using System.Globalization;

namespace NetPath.Clinical.Cases;

/// <summary>
/// A clinical measurement with its unit in its type name and its physical range checked once,
/// where the case is read. Inside the engine a value of this type is always in range.
/// </summary>
public interface IQuantity<TSelf> where TSelf : struct, IQuantity<TSelf>
{
    double Value { get; }

    /// <summary>Whether the number is physically possible for this quantity.</summary>
    static abstract bool IsValid(double value);

    /// <summary>The allowed range in words, for error messages ("0 to 100").</summary>
    static abstract string Allowed { get; }

    static abstract TSelf FromValidated(double value);
}

/// <summary>Ki-67 proliferation index, hot-spot, in percent of tumour cells (0 to 100).</summary>
public readonly record struct Ki67Percent : IQuantity<Ki67Percent>
{
    private Ki67Percent(double value) => Value = value;
    public double Value { get; }
    public static bool IsValid(double value) => value is >= 0 and <= 100;
    public static string Allowed => "0 to 100";
    public static Ki67Percent FromValidated(double value) => new(value);
    public static Ki67Percent From(double value) =>
        IsValid(value) ? new(value) : throw new ArgumentOutOfRangeException(nameof(value), value, Allowed);
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}

/// <summary>Mitotic count per 2 mm² (0 or more).</summary>
public readonly record struct MitosesPer2mm2 : IQuantity<MitosesPer2mm2>
{
    private MitosesPer2mm2(double value) => Value = value;
    public double Value { get; }
    // No tumour exceeds a few hundred mitoses per 2 mm²; 1,000 catches unit slips (per 10 HPF x 50).
    public static bool IsValid(double value) => value is >= 0 and <= 1000;
    public static string Allowed => "0 to 1000";
    public static MitosesPer2mm2 FromValidated(double value) => new(value);
    public static MitosesPer2mm2 From(double value) =>
        IsValid(value) ? new(value) : throw new ArgumentOutOfRangeException(nameof(value), value, Allowed);
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture) + " per 2 mm²";
}

/// <summary>Greatest dimension of the primary tumour, in millimetres (more than 0).</summary>
public readonly record struct SizeMm : IQuantity<SizeMm>
{
    private SizeMm(double value) => Value = value;
    public double Value { get; }
    // A metre is beyond any reported neuroendocrine primary; larger values are unit errors (µm).
    public static bool IsValid(double value) => value is > 0 and <= 1000;
    public static string Allowed => "more than 0, at most 1000";
    public static SizeMm FromValidated(double value) => new(value);
    public static SizeMm From(double value) =>
        IsValid(value) ? new(value) : throw new ArgumentOutOfRangeException(nameof(value), value, Allowed);
    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture) + " mm";
}

/// <summary>Depth of subserosal or mesoappendiceal invasion, in millimetres (0 or more).</summary>
public readonly record struct InvasionDepthMm : IQuantity<InvasionDepthMm>
{
    private InvasionDepthMm(double value) => Value = value;
    public double Value { get; }
    public static bool IsValid(double value) => value is >= 0 and <= 200;
    public static string Allowed => "0 to 200";
    public static InvasionDepthMm FromValidated(double value) => new(value);
    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture) + " mm";
}

/// <summary>A share of a whole, in percent (0 to 100): liver tumour burden.</summary>
public readonly record struct Percent : IQuantity<Percent>
{
    private Percent(double value) => Value = value;
    public double Value { get; }
    public static bool IsValid(double value) => value is >= 0 and <= 100;
    public static string Allowed => "0 to 100";
    public static Percent FromValidated(double value) => new(value);
    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
