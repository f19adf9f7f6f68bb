using System.Text;
using System.Text.Json;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Engine;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// The answers a released knowledge version gave over the scenario set when it was released
/// (knowledge/records/&lt;version&gt;.json): for each case its grade, its stage, and each
/// recommendation's code, strength and line. The record carries the cases themselves, so that
/// `netpath knowledge validate` can replay it without the repository, and the content hash of the
/// version it was made with, so that it can never be paired with other knowledge
/// (docs/decisions/0012-golden-records.md).
/// </summary>
public static class GoldenRecord
{
    /// <summary>The date every recorded case is assessed on when it carries no assessmentDate of its own.</summary>
    public static readonly DateOnly AssessedOn = new(2026, 11, 23);

    /// <summary>One case's answer in the record's compact words.</summary>
    public static (string Grade, string Stage, IReadOnlyList<string> Recommendations) Answer(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var grade = WireCode<GradeSystem>.Of(assessment.Grade.System) + " " + WireCode<GradeValue>.Of(assessment.Grade.Value);
        var stage = assessment.Staging.Count == 0
            ? "none"
            : string.Join("; ", assessment.Staging.Select(s => $"{s.System} {s.T ?? "-"} {s.N ?? "-"} {s.M ?? "-"} {s.Group ?? "no group"}"));
        var recommendations = assessment.Recommendations
            .Select(r => r.Code + " " + WireCode<Strength>.Of(r.Strength) + (r.Line is { } line ? " line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))
            .ToList();
        return (grade, stage, recommendations);
    }

    /// <summary>Writes the record of <paramref name="knowledge"/> over <paramref name="cases"/> (name, case JSON), one case a line.</summary>
    public static string Create(KnowledgeSet knowledge, IEnumerable<(string Name, string CaseJson)> cases)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(cases);
        var engine = new NetPathEngine(knowledge);
        var text = new StringBuilder();
        text.Append("{\n  \"$comment\": \"Golden record: what this released knowledge answered over the scenario set when it was released (grade, stage, each recommendation's code, strength and line). Written once at release; never edited. docs/decisions/0012-golden-records.md.\",\n");
        text.Append("  \"contentHash\": ").Append(JsonSerializer.Serialize(knowledge.ContentHash, KnowledgeJsonContext.Default.String)).Append(",\n");
        text.Append("  \"assessedOn\": \"").Append(AssessedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("\",\n");
        text.Append("  \"cases\": [\n");
        var first = true;
        foreach (var (name, caseJson) in cases)
        {
            var read = engine.Read(caseJson);
            if (!read.IsValid) throw new ArgumentException($"{name} is not a valid case.", nameof(cases));
            var (grade, stage, recommendations) = Answer(engine.Assess(read.Case!, AssessedOn, explain: false));
            using var minified = JsonDocument.Parse(caseJson);
            var entry = new RecordedCase(name, grade, stage, recommendations, minified.RootElement.Clone());
            if (!first) text.Append(",\n");
            text.Append("    ").Append(JsonSerializer.Serialize(entry, KnowledgeJsonContext.Default.RecordedCase));
            first = false;
        }
        text.Append("\n  ]\n}\n");
        return text.ToString();
    }

    /// <summary>Replays a record against <paramref name="knowledge"/>: one line per case whose answer changed; empty when it reproduces itself.</summary>
    public static IReadOnlyList<string> Check(KnowledgeSet knowledge, ReadOnlySpan<byte> record)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        RecordDto dto;
        try
        {
            dto = JsonSerializer.Deserialize(record, KnowledgeJsonContext.Default.RecordDto) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            return [$"the golden record of {knowledge.Version} does not load: {ex.Message}"];
        }
        var problems = new List<string>();
        if (dto.ContentHash != knowledge.ContentHash)
            problems.Add($"the golden record of {knowledge.Version} was made with content hash {dto.ContentHash}, but the knowledge hashes to {knowledge.ContentHash}.");
        if (dto.Cases.Count == 0) problems.Add($"the golden record of {knowledge.Version} holds no cases.");
        var engine = new NetPathEngine(knowledge);
        foreach (var c in dto.Cases)
        {
            var read = engine.Read(c.Case.GetRawText());
            if (!read.IsValid)
            {
                problems.Add($"{c.Name}: the recorded case no longer reads as valid ({string.Join(", ", read.Errors.Select(e => e.Code + " at " + e.Path))}).");
                continue;
            }
            var (grade, stage, recommendations) = Answer(engine.Assess(read.Case!, dto.AssessedOn, explain: false));
            if (grade != c.Grade) problems.Add($"{c.Name}: grade was {c.Grade}, now {grade}.");
            if (stage != c.Stage) problems.Add($"{c.Name}: stage was {c.Stage}, now {stage}.");
            if (!recommendations.SequenceEqual(c.Recommendations, StringComparer.Ordinal))
                problems.Add($"{c.Name}: recommendations were [{string.Join(", ", c.Recommendations)}], now [{string.Join(", ", recommendations)}].");
        }
        return problems;
    }
}

internal sealed record RecordedCase(string Name, string Grade, string Stage, IReadOnlyList<string> Recommendations, JsonElement Case);

internal sealed record RecordDto
{
    [System.Text.Json.Serialization.JsonPropertyName("$comment")] public string? Comment { get; init; }
    public required string ContentHash { get; init; }
    public required DateOnly AssessedOn { get; init; }
    public required List<RecordedCase> Cases { get; init; }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RecordDto))]
[System.Text.Json.Serialization.JsonSerializable(typeof(RecordedCase))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class KnowledgeJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
