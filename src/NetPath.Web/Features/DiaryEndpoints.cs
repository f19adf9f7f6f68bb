using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Storage;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

/// <summary>
/// The patient's symptom diary (decision 0511). Role patient reads and writes only its own record's
/// diary; clinicians and coordinators read it. Every read and write is audited, refusals included;
/// the entry's content (a note may say anything) is never logged.
/// </summary>
internal static class DiaryEndpoints
{
    public const int MaxTake = 500;

    public static void Map(IEndpointRouteBuilder app)
    {
        var diary = app.MapGroup("/api/patients/{id:guid}/diary").WithTags("Diary")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        diary.MapGet("/", List).RequireAuthorization(Permissions.DiaryRead).WithName("ListDiaryEntries").WithMetadata(new AuditActionAttribute(Diary.OpList));
        diary.MapGet("/{entryId:guid}", Get).RequireAuthorization(Permissions.DiaryRead).WithName("GetDiaryEntry").WithMetadata(new AuditActionAttribute("diary.read"));
        diary.MapPost("/", Create).RequireAuthorization(Permissions.DiaryWrite).WithName("AddDiaryEntry")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new AuditActionAttribute(Diary.OpAdd)).Accepts<DiaryEntryWrite>("application/json");
    }

    /// <summary>The newest entries first; <c>take</c> 1 to 500 (default 100).</summary>
    private static async Task<Results<Ok<IReadOnlyList<DiaryEntryView>>, ProblemHttpResult>> List(
        Guid id, HttpContext http, PatientRecords records, Diary diary, AuditTrail audit, CancellationToken ct, int take = 100)
    {
        var actor = http.User.ToActor();
        if (await Refuse(actor, id, Diary.OpList, audit, ct).ConfigureAwait(false) is { } refused) return refused;
        var p = await records.GetPatientAsync(id, ct).ConfigureAwait(false);
        await audit.RecordAsync(actor, Diary.OpList, id, p is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, ct).ConfigureAwait(false);
        if (p is null) return Problems.NotFound();
        var entries = await diary.ListAsync(id, Math.Clamp(take, 1, MaxTake), ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<DiaryEntryView>>([.. entries.Select(DiaryEntryView.Of)]);
    }

    private static async Task<Results<Ok<DiaryEntryView>, ProblemHttpResult>> Get(
        Guid id, Guid entryId, HttpContext http, PatientRecords records, Diary diary, AuditTrail audit, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (await Refuse(actor, id, "diary.read", audit, ct).ConfigureAwait(false) is { } refused) return refused;
        var p = await records.GetPatientAsync(id, ct).ConfigureAwait(false);
        var entry = p is null ? null : await diary.GetAsync(id, entryId, ct).ConfigureAwait(false);
        await audit.RecordAsync(actor, "diary.read", id, entry is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, ct).ConfigureAwait(false);
        return entry is null ? Problems.NotFound() : TypedResults.Ok(DiaryEntryView.Of(entry));
    }

    private static async Task<Results<Created<DiaryEntryView>, ProblemHttpResult>> Create(
        Guid id, HttpContext http, Diary diary, AuditTrail audit, ILoggerFactory loggers, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (await Refuse(actor, id, Diary.OpAdd, audit, ct).ConfigureAwait(false) is { } refused) return refused;
        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large.");
        var (write, error) = JsonRequest.Read(body, RecordsJsonContext.Default.DiaryEntryWrite);
        if (error is not null)
        {
            await audit.RecordAsync(actor, Diary.OpAdd, id, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
            return Problems.InvalidFields([error]);
        }
        var (key, keyProblem) = RequestBody.Idempotency(http.Request, body);
        if (keyProblem is not null) return (ProblemHttpResult)keyProblem;
        var input = new DiaryInput(write!.Date, write.Symptoms, write.DiarrheaPerDay, write.FlushesPerDay, write.Wellbeing, write.Note);
        var result = await diary.AddAsync(actor, id, input, key, ct).ConfigureAwait(false);
        switch (result.Status)
        {
            case WriteStatus.Created or WriteStatus.Replayed when result.Value is { } entry:
                Log.PatientWrite(loggers.CreateLogger("NetPath.Web.Diary"), http.User.UserId(), "added a diary entry to", id);
                return TypedResults.Created($"/api/patients/{id}/diary/{entry.Id}", DiaryEntryView.Of(entry));
            case WriteStatus.Invalid:
                return Problems.InvalidFields(result.Errors);
            case WriteStatus.NotFound:
                return Problems.NotFound();
            case WriteStatus.KeyReused:
                await audit.RecordAsync(actor, Diary.OpAdd, id, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
                return Problems.KeyReused();
            default:
                await audit.RecordAsync(actor, Diary.OpAdd, id, AuditOutcomes.Conflict, ct).ConfigureAwait(false);
                return Problems.Conflict();
        }
    }

    /// <summary>Role patient reaching for another record's diary: refused and audited.</summary>
    private static async Task<ProblemHttpResult?> Refuse(Actor actor, Guid id, string action, AuditTrail audit, CancellationToken ct)
    {
        if (actor.MaySee(id)) return null;
        await audit.RecordAsync(actor, action, id, AuditOutcomes.Denied, ct).ConfigureAwait(false);
        return Problems.Forbidden();
    }
}
