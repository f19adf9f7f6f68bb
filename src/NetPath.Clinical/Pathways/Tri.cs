namespace NetPath.Clinical.Pathways;

/// <summary>
/// Three-valued truth (Kleene): a fact the case does not give is <see cref="Unknown"/>, never
/// silently false. A rule fires only when every condition is <see cref="True"/>.
/// </summary>
public enum Tri : byte
{
    False = 0,
    True = 1,
    Unknown = 2,
}

internal static class TriOps
{
    public static Tri Of(bool value) => value ? Tri.True : Tri.False;

    public static Tri Of(bool? value) => value is { } v ? (v ? Tri.True : Tri.False) : Tri.Unknown;

    public static Tri Not(Tri t) => t switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };
}
