using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// account are dropped, and the assessment's own caseId (a clinic's identifier) is blanked.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<ResearchAssessmentView>>> List(
        HttpContext http, PatientRecords records, AuditTrail audit, CancellationToken ct, int skip = 0, int take = 100)
    {
        var list = await records.ListAllAssessmentsAsync(Math.Max(0, skip), Math.Clamp(take, 1, 1000), ct).ConfigureAwait(false);
        await audit.RecordAsync(http.User.ToActor(), "research.list", null, AuditOutcomes.Success, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ResearchAssessmentView>>([.. list.Select(Deidentify)]);
    }

    internal static ResearchAssessmentView Deidentify(AssessmentRecord a)
    {
        var node = JsonNode.Parse(a.OutputJson)!.AsObject();
        node["caseId"] = null;
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return new ResearchAssessmentView(a.KnowledgeVersion, a.KnowledgeContentHash, doc.RootElement.Clone());
    }
}
