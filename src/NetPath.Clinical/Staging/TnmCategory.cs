using System.Collections.Frozen;

namespace NetPath.Clinical.Staging;

/// <summary>The spellings of T, N and M categories that AJCC 8 uses across the chapters NetPath stages.</summary>
public static class TnmCategory
{
    private static readonly FrozenSet<string> T = FrozenSet.ToFrozenSet(
        ["TX", "T0", "Tis", "T1", "T1mi", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T3", "T4"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> N = FrozenSet.ToFrozenSet(["NX", "N0", "N1", "N2", "N3"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> M = FrozenSet.ToFrozenSet(["M0", "M1", "M1a", "M1b", "M1c"], StringComparer.Ordinal);

    /// <summary>The multiple-primaries suffix AJCC adds to T: T3(m).</summary>
    public const string MultipleSuffix = "(m)";

    public static bool IsWellFormed(string category, char prefix) => prefix switch
    {
        'T' => T.Contains(StripMultiple(category)),
        'N' => N.Contains(category),
        'M' => M.Contains(category),
        _ => false,
    };

    public static string StripMultiple(string t) =>
        t.EndsWith(MultipleSuffix, StringComparison.Ordinal) ? t[..^MultipleSuffix.Length] : t;

    public static string AllowedText(char prefix) => prefix switch
    {
        'T' => string.Join(", ", T) + " (optionally with (m) for multiple primaries)",
        'N' => string.Join(", ", N),
        'M' => string.Join(", ", M),
        _ => "",
    };
}
