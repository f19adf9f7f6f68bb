using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Validation;
using NetPath.Storage;

namespace NetPath.Web.Features;

/// <summary>A diary entry as the patient sends it; field names follow the case contract's <c>symptoms</c> object.</summary>
public sealed record DiaryEntryWrite(DateOnly? Date, IReadOnlyList<string>? Symptoms, int? DiarrheaPerDay, int? FlushesPerDay, int? Wellbeing, string? Note);

/// <summary>A stored diary entry. <c>symptoms</c> are <c>symptoms.present</c> codes (case.md).</summary>
public sealed record DiaryEntryView(
    Guid Id, Guid PatientId, DateOnly Date, IReadOnlyList<string> Symptoms, int? DiarrheaPerDay, int? FlushesPerDay,
    int Wellbeing, string? Note, DateTime CreatedAt, string CreatedBy)
{
    public static DiaryEntryView Of(DiaryEntryRecord d) => new(
        d.Id, d.PatientId, d.EntryDate, [.. d.Symptoms().Select(WireCode<Symptom>.Of)], d.DiarrheaPerDay, d.FlushesPerDay,
        d.Wellbeing, d.Note, d.CreatedAt, d.CreatedBy);
}

/// <summary>Puts a patient on a meeting: all three are required.</summary>
public sealed record BoardItemWrite(Guid? PatientId, DateOnly? MeetingDate, string? Question);

/// <summary>Moves a listed item to <c>discussed</c> (with the outcome) or <c>withdrawn</c>.</summary>
public sealed record BoardStatusWrite(string? Status, string? Outcome);

/// <summary>A tumour-board item. <c>status</c>: listed, discussed, withdrawn; the ETag is <c>"v{version}"</c>.</summary>
public sealed record BoardItemView(
    Guid Id, Guid PatientId, string? DisplayName, DateOnly MeetingDate, string Question, string Status, string? Outcome,
    int Version, DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt, string UpdatedBy)
{
    public static BoardItemView Of(BoardItemRecord b, string? displayName) => new(
        b.Id, b.PatientId, displayName, b.MeetingDate, b.Question, b.Status, b.Outcome, b.Version, b.CreatedAt, b.CreatedBy, b.UpdatedAt, b.UpdatedBy);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DiaryEntryWrite))]
[JsonSerializable(typeof(DiaryEntryView))]
[JsonSerializable(typeof(IReadOnlyList<DiaryEntryView>))]
[JsonSerializable(typeof(BoardItemWrite))]
[JsonSerializable(typeof(BoardStatusWrite))]
[JsonSerializable(typeof(BoardItemView))]
[JsonSerializable(typeof(IReadOnlyList<BoardItemView>))]
internal sealed partial class RecordsJsonContext : JsonSerializerContext;

/// <summary>
/// Reads a small JSON request object, reporting an unknown member
/// (often a typo that would drop a value) or a value of the wrong type at its JSON path.
/// </summary>
internal static class JsonRequest
{
    public static (T? Value, ValidationError? Error) Read<T>(byte[] body, JsonTypeInfo<T> info) where T : class
    {
        ArgumentNullException.ThrowIfNull(info);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return (null, new(ErrorCodes.MalformedJson, "", "The body is not a JSON object."));
            foreach (var member in doc.RootElement.EnumerateObject())
            {
                if (!info.Properties.Any(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase)))
                    return (null, new(ErrorCodes.UnknownField, member.Name, $"{member.Name} is not a field of this request.",
                        string.Join(", ", info.Properties.Select(p => p.Name))));
            }
            var value = doc.RootElement.Deserialize(info);
            return value is null ? (null, new(ErrorCodes.MalformedJson, "", "The body is not a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
            return (null, new(path.Length == 0 ? ErrorCodes.MalformedJson : ErrorCodes.WrongType, path, "The value is not of the expected type or format."));
        }
    }
}
