using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace NetPath.Clinical.Cases;

/// <summary>
/// The explicit wire spelling of each member of a closed code set, read once from its
/// <see cref="JsonStringEnumMemberNameAttribute"/>, and the words a person reads for it, from its
/// <see cref="LabelAttribute"/>. A member without a wire code is a build-time mistake and fails
/// loudly on first use; one without a label fails when its label is asked for (code sets that only
/// knowledge files use, such as rule kinds, are never shown and need none).
/// </summary>
public static class WireCode<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByCode;
    private static readonly string[] CodeByOrdinal;
    private static readonly string?[] LabelByOrdinal;

    static WireCode()
    {
        var fields = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);
        var byCode = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        CodeByOrdinal = new string[fields.Length];
        LabelByOrdinal = new string?[fields.Length];
        foreach (var field in fields)
        {
            var code = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{field.Name} has no wire code.");
            var value = (TEnum)field.GetValue(null)!;
            var label = field.GetCustomAttribute<LabelAttribute>()?.Text;
            byCode.Add(code, value);
            var ordinal = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            CodeByOrdinal[ordinal] = code;
            LabelByOrdinal[ordinal] = label;
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

    /// <summary>What a person reads for the member: "Ampulla of Vater", never "ampulla".</summary>
    public static string Label(TEnum value) =>
        LabelByOrdinal[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)]
        ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} has no label.");

    /// <summary>The label of a wire code; a code outside the set is shown as given (it came from elsewhere and has no words here).</summary>
    public static string LabelOf(string code) => TryParse(code, out var value) ? Label(value) : code;
}
