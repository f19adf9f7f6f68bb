using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Storage;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

internal static class ResearchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/research/assessments", List).RequireAuthorization(Permissions.ResearchRead).WithTags("Research").WithName("ListDeidentifiedAssessments");
    }

    /// <summary>
    /// Stored assessments without anything that points to a person: the record, case version and
    /// account are dropped, and of the assessment only the coded fields of an allow-list are kept.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<ResearchAssessmentView>>> List(
        HttpContext http, PatientRecords records, AuditTrail audit, CancellationToken ct, int skip = 0, int take = 100)
    {
        var list = await records.ListAllAssessmentsAsync(Math.Max(0, skip), Math.Clamp(take, 1, 1000), ct).ConfigureAwait(false);
        await audit.RecordAsync(http.User.ToActor(), "research.list", null, AuditOutcomes.Success, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ResearchAssessmentView>>([.. list.Select(Deidentify)]);
    }

    /// <summary>
    /// What a researcher may see of an assessment: coded fields only, named here one by one.
    /// Anything not listed (caseId, otherSite, rationales, reasons, notes, basis sentences, any
    /// field a later engine adds) is left out, because free text can carry what a clinician typed
    /// (decision 0413). Knowledge citations (evidence, sources) are kept: they come from the
    /// released knowledge, never from a case.
    /// </summary>
    private static readonly Allowed Shape = new(new()
    {
        ["schemaVersion"] = Allowed.Value,
        ["knowledgeVersion"] = Allowed.Value,
        ["classification"] = Allowed.Object("family", "site", "histologicType", "differentiation", "functioning", "syndrome"),
        ["grade"] = new(new()
        {
            ["system"] = Allowed.Value, ["value"] = Allowed.Value, ["byKi67"] = Allowed.Value, ["byMitoses"] = Allowed.Value,
            ["discordant"] = Allowed.Value, ["gapp"] = Allowed.Object("score", "maxScore", "category", "complete"),
        }),
        ["staging"] = Allowed.Object("system", "t", "n", "m", "group", "stageable"),
        ["recommendations"] = new(new()
        {
            ["code"] = Allowed.Value, ["category"] = Allowed.Value, ["strength"] = Allowed.Value, ["intent"] = Allowed.Value,
            ["line"] = Allowed.Value, ["ruleId"] = Allowed.Value, ["evidence"] = Allowed.Object("source", "kind"),
        }),
        ["contraindicated"] = Allowed.Object("code", "source", "ruleId"),
        ["workup"] = Allowed.Object("code"),
        ["team"] = Allowed.Value,
        ["followUp"] = Allowed.Object("test", "everyMonths", "forYears", "source"),
        ["missingData"] = Allowed.Object("field"),
        ["warnings"] = Allowed.Object("code"),
    });

    internal static ResearchAssessmentView Deidentify(AssessmentRecord a)
    {
        using var stored = JsonDocument.Parse(a.OutputJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Shape.Write(stored.RootElement, writer);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        return new ResearchAssessmentView(a.KnowledgeVersion, a.KnowledgeContentHash, doc.RootElement.Clone());
    }

    /// <summary>
    /// One node of the allow-list: a value (string, number, true/false, null, or an array of them)
    /// or an object with its allowed members; an array is filtered item by item with the same node.
    /// </summary>
    private sealed class Allowed(Dictionary<string, Allowed>? members)
    {
        public static readonly Allowed Value = new(null);

        public static Allowed Object(params string[] names) => new(names.ToDictionary(n => n, _ => Value, StringComparer.Ordinal));

        public void Write(JsonElement element, Utf8JsonWriter writer)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray()) Write(item, writer);
                    writer.WriteEndArray();
                    break;
                case JsonValueKind.Object when members is not null:
                    writer.WriteStartObject();
                    foreach (var member in element.EnumerateObject())
                    {
                        if (!members.TryGetValue(member.Name, out var node)) continue;
                        writer.WritePropertyName(member.Name);
                        node.Write(member.Value, writer);
                    }
                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Object:
                    // An object where a value was expected: its content is not on the list.
                    writer.WriteNullValue();
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }
}
