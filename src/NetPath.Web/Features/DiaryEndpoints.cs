using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Storage;
using NetPath.Web.Application;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

/// <summary>
/// The patient's symptom diary (decision 0511). Role patient reads and writes only its own record's
/// diary; clinicians and coordinators read it. Every read and write is audited, refusals included;
/// the entry's content (a note may say anything) is never logged.
/// </summary>
internal static class DiaryEndpoints
{
    public const int MaxTake = DiaryUseCases.MaxTake;

    public static void Map(IEndpointRouteBuilder app)
    {
        var diary = app.MapGroup("/api/patients/{id:guid}/diary").WithTags("Diary")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        diary.MapGet("/", List).RequireAuthorization(Permissions.DiaryRead).WithName("ListDiaryEntries").WithMetadata(new AuditActionAttribute(AuditActions.DiaryList));
        diary.MapGet("/{entryId:guid}", Get).RequireAuthorization(Permissions.DiaryRead).WithName("GetDiaryEntry").WithMetadata(new AuditActionAttribute(AuditActions.DiaryRead));
        diary.MapPost("/", Create).RequireAuthorization(Permissions.DiaryWrite).WithName("AddDiaryEntry")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new AuditActionAttribute(AuditActions.DiaryCreate)).Accepts<DiaryEntryWrite>("application/json");
    }

    /// <summary>The newest entries first; <c>take</c> 1 to 500 (default 100).</summary>
    private static async Task<Results<Ok<IReadOnlyList<DiaryEntryView>>, ProblemHttpResult>> List(Guid id, HttpContext http, DiaryUseCases diary, CancellationToken ct, int take = 100)
    {
        var outcome = await diary.ListAsync(http.User, id, take, null, ct).ConfigureAwait(false);
        return outcome.Value is { } file ? TypedResults.Ok<IReadOnlyList<DiaryEntryView>>([.. file.Entries.Select(DiaryEntryView.Of)]) : OutcomeHttp.Problem(outcome);
    }

    private static async Task<Results<Ok<DiaryEntryView>, ProblemHttpResult>> Get(Guid id, Guid entryId, HttpContext http, DiaryUseCases diary, CancellationToken ct)
    {
        var outcome = await diary.GetAsync(http.User, id, entryId, ct).ConfigureAwait(false);
        return outcome.Value is { } entry ? TypedResults.Ok(DiaryEntryView.Of(entry)) : OutcomeHttp.Problem(outcome);
    }

    private static async Task<Results<Created<DiaryEntryView>, ProblemHttpResult>> Create(Guid id, HttpContext http, DiaryUseCases diary, CancellationToken ct)
    {
        var outcome = await diary.AddAsync(http.User, id, async c =>
        {
            var body = await RequestBody.ReadAsync(http.Request, c).ConfigureAwait(false);
            if (body is null) return new DiaryRequest(null, null, IdempotencyInput.None, TooLarge: true);
            var (write, error) = JsonRequest.Read(body, RecordsJsonContext.Default.DiaryEntryWrite);
            var input = write is null ? null : new DiaryInput(write.Date, write.Symptoms, write.DiarrheaPerDay, write.FlushesPerDay, write.Wellbeing, write.Note);
            return new DiaryRequest(input, error, RequestBody.KeyOf(http.Request, body));
        }, ct).ConfigureAwait(false);
        return outcome.Value is { } entry ? TypedResults.Created($"/api/patients/{id}/diary/{entry.Id}", DiaryEntryView.Of(entry)) : OutcomeHttp.Problem(outcome);
    }
}
