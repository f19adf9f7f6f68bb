using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Clinical.Cases.Wire;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

internal static class AssessEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assessments", Assess)
            .RequireAuthorization(Permissions.Assess)
            .Accepts<CaseDto>("application/json")
            .WithTags("Assessments")
            .WithName("AssessCase")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Assess a case without storing it.");
    }

    /// <summary>Nothing is stored and no patient is named, so nothing is audited.</summary>
    private static async Task<Results<AssessmentResult, ProblemHttpResult>> Assess(HttpRequest request, Assessor assessor, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The case is too large.");
        var read = assessor.Read(body);
        if (!read.IsValid) return Problems.InvalidCase(read.Errors);
        return new AssessmentResult(assessor.Assess(read.Case));
    }
}
