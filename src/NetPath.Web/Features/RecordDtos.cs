using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Validation;
using NetPath.Storage;

namespace NetPath.Web.Features;

/// <summary>A diary entry as the patient sends it; field names follow the case contract's <c>symptoms</c> object.</summary>
public sealed record DiaryEntryWrite(DateOnly? Date, IReadOnlyList<string>? Symptoms, int? DiarrheaPerDay, int? FlushesPerDay, int? Wellbeing, [property: StringLength(Diary.MaxNoteLength)] string? Note);

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
public sealed record BoardItemWrite(Guid? PatientId, DateOnly? MeetingDate, [property: StringLength(TumourBoard.MaxQuestionLength)] string? Question);

/// <summary>Moves a listed item to <c>discussed</c> (with the outcome) or <c>withdrawn</c>.</summary>
public sealed record BoardStatusWrite([property: StringLength(20)] string? Status, [property: StringLength(TumourBoard.MaxOutcomeLength)] string? Outcome);

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
/// Reads a small JSON request object, reporting an unknown member (often a typo that would drop a
/// value), a member given twice (which of the two would count is the parser's choice, not the
/// sender's) or a value of the wrong type, each at its JSON path. Every request body goes through here.
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
            // Member names match ignoring case (the Web defaults), so "name" and "Name" are one member given twice.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in doc.RootElement.EnumerateObject())
            {
                if (!info.Properties.Any(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase)))
                    return (null, new(ErrorCodes.UnknownField, member.Name, $"{member.Name} is not a field of this request.",
                        string.Join(", ", info.Properties.Select(p => p.Name))));
                if (!seen.Add(member.Name))
                    return (null, new(ErrorCodes.MalformedJson, member.Name, $"{member.Name} appears twice.", "each member once"));
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

    /// <summary>A free-text field's error, or null: control and text-direction characters are refused, and the length is bounded.</summary>
    public static ValidationError? Text(string field, string? value, int maxLength, bool allowLineBreaks = false)
    {
        if (value is null) return null;
        if (NetPath.Storage.TextRules.HasForbiddenCharacters(value, allowLineBreaks))
            return new(ErrorCodes.InvalidCode, field, $"{field} cannot hold control or text-direction characters.", allowLineBreaks ? "printable text and line breaks" : "printable text");
        return value.Trim().Length > maxLength ? new(ErrorCodes.OutOfRange, field, $"{field} has at most {maxLength} characters.") : null;
    }
}
