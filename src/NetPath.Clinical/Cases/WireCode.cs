using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace NetPath.Clinical.Cases;

/// <summary>
/// The explicit wire spelling of each member of a closed code set, read once from its
/// <see cref="JsonStringEnumMemberNameAttribute"/>. A member without one is a build-time
/// mistake and fails loudly on first use.
/// </summary>
public static class WireCode<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByCode;
    private static readonly string[] CodeByOrdinal;

    static WireCode()
    {
        var fields = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);
        var byCode = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        CodeByOrdinal = new string[fields.Length];
        foreach (var field in fields)
        {
            var code = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{field.Name} has no wire code.");
            var value = (TEnum)field.GetValue(null)!;
            byCode.Add(code, value);
            CodeByOrdinal[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = code;
        }
        ByCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        All = [.. byCode.Keys];
        AllowedText = string.Join(", ", All);
    }

    /// <summary>Every wire code, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; }

    /// <summary>The codes as one comma-separated line, for error messages.</summary>
    public static string AllowedText { get; }

    public static bool TryParse(string? code, out TEnum value)
    {
        if (code is not null && ByCode.TryGetValue(code, out value)) return true;
        value = default;
        return false;
    }

    public static string Of(TEnum value) => CodeByOrdinal[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)];
}
