using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetPath.Clinical.Assessments;

namespace NetPath.Web.Components.History;

/// <summary>
/// One field of the case JSON that differs between two versions, at its path in the case's own
/// spelling (<c>tumour.ki67Percent</c>, <c>history.priorTherapies[0].outcome</c>), with the value
/// before and after as text; <see cref="Before"/> is null when added, <see cref="After"/> when removed.
/// </summary>
internal sealed record FieldChange(string Path, DiffKind Kind, string? Before, string? After);

/// <summary>
/// The field-level difference between two case versions (docs/decisions/0530). The case contract
/// makes an absent field and an explicit null mean the same (unknown), so neither is a change
/// against the other; an empty list is not absent (<c>extrahepatic: []</c> is known none) and shows
/// as "none". Lists of codes are sets in the contract (order carries no meaning), so they are
/// compared as sets and reported as one field; lists of objects (prior therapies) by position.
/// Numbers compare by value (12 and 12.0 are equal).
/// </summary>
internal static class CaseDiff
{
    public const string NoneText = "none";

    public static IReadOnlyList<FieldChange> Between(string beforeJson, string afterJson)
    {
        var changes = new List<FieldChange>();
        Compare("", Parse(beforeJson), Parse(afterJson), changes);
        return changes;
    }

    private static JsonNode? Parse(string json) =>
        JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (before is null && after is null) return;
        if (before is null)
        {
            Leaves(path, after!, DiffKind.Added, changes);
            return;
        }
        if (after is null)
        {
            Leaves(path, before, DiffKind.Removed, changes);
            return;
        }
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                // After's order first (the newer version's layout), then what only the older one had.
                foreach (var (key, value) in a) Compare(Join(path, key), b[key], value, changes);
                foreach (var (key, value) in b)
                {
                    if (!a.ContainsKey(key)) Compare(Join(path, key), value, null, changes);
                }
                return;
            case (JsonArray b, JsonArray a) when IsObjectList(b) || IsObjectList(a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                {
                    Compare($"{path}[{i}]", i < b.Count ? b[i] : null, i < a.Count ? a[i] : null, changes);
                }
                return;
            default:
                if (!SameValue(before, after)) changes.Add(new FieldChange(path, DiffKind.Changed, Text(before), Text(after)));
                return;
        }
    }

    /// <summary>A whole object or object list that appears or disappears is reported field by field, so every path is a leaf.</summary>
    private static void Leaves(string path, JsonNode node, DiffKind kind, List<FieldChange> changes)
    {
        switch (node)
        {
            case JsonObject { Count: 0 }:
                // An empty object states no fact.
                return;
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is not null) Leaves(Join(path, key), value, kind, changes);
                }
                return;
            case JsonArray a when a.Count > 0 && IsObjectList(a):
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item) Leaves($"{path}[{i}]", item, kind, changes);
                }
                return;
            default:
                var text = Text(node);
                changes.Add(kind == DiffKind.Added ? new FieldChange(path, kind, null, text) : new FieldChange(path, kind, text, null));
                return;
        }
    }

    private static bool IsObjectList(JsonArray a) => a.Any(x => x is JsonObject);

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static bool SameValue(JsonNode before, JsonNode after)
    {
        if (before is JsonArray b && after is JsonArray a)
        {
            var bs = b.Select(Text).ToHashSet(StringComparer.Ordinal);
            var @as = a.Select(Text).ToHashSet(StringComparer.Ordinal);
            return bs.SetEquals(@as);
        }
        if (before is JsonValue bv && after is JsonValue av
            && bv.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(bv.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bn)
            && decimal.TryParse(av.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var an))
        {
            return bn == an;
        }
        return JsonNode.DeepEquals(before, after);
    }

    /// <summary>A value as a clinician reads it: strings bare, lists comma-separated, an empty list "none".</summary>
    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray { Count: 0 } => NoneText,
        JsonArray a when !IsObjectList(a) => string.Join(", ", a.Select(Text)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
