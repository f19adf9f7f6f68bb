using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Storage;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

/// <summary>
/// The tumour-board list (decision 0512): who is listed for which meeting with which question, and
/// the outcome. Creates honour Idempotency-Key; a status change needs If-Match with the item's
/// ETag. Reads and writes are audited under the patient's id.
/// </summary>
internal static class BoardEndpoints
{
    public const int MaxTake = 500;

    public static void Map(IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/api/board").WithTags("Tumour board")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        board.MapGet("/", List).RequireAuthorization(Permissions.BoardRead).WithName("ListBoardItems").WithMetadata(new AuditActionAttribute(AuditActions.BoardList));
        board.MapGet("/{itemId:guid}", Get).RequireAuthorization(Permissions.BoardRead).WithName("GetBoardItem").ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new AuditActionAttribute(AuditActions.BoardRead));
        board.MapPost("/", Create).RequireAuthorization(Permissions.BoardWrite).WithName("AddBoardItem")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new AuditActionAttribute(AuditActions.BoardCreate)).Accepts<BoardItemWrite>("application/json");
        board.MapPut("/{itemId:guid}/status", ChangeStatus).RequireAuthorization(Permissions.BoardWrite).WithName("ChangeBoardItemStatus")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithMetadata(new AuditActionAttribute(AuditActions.BoardUpdate)).Accepts<BoardStatusWrite>("application/json");
    }

    /// <summary>
    /// Items by meeting date. Without <c>from</c>, <c>to</c> and <c>patientId</c>: the upcoming
    /// agenda (meetings from today on). <c>includeClosed</c> adds discussed and withdrawn items.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<BoardItemView>>> List(
        HttpContext http, TumourBoard board, AuditTrail audit, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, Guid? patientId = null, bool includeClosed = false, int take = 200)
    {
        if (from is null && to is null && patientId is null) from = board.Today;
        var items = await board.ListAsync(from, to, patientId, includeClosed, Math.Clamp(take, 1, MaxTake), ct).ConfigureAwait(false);
        await audit.RecordAsync(http.User.ToActor(), AuditActions.BoardList, patientId, AuditOutcomes.Success, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<BoardItemView>>([.. items.Select(l => BoardItemView.Of(l.Item, l.DisplayName))]);
    }

    private static async Task<Results<Ok<BoardItemView>, ProblemHttpResult>> Get(
        Guid itemId, HttpContext http, TumourBoard board, PatientRecords records, AuditTrail audit, CancellationToken ct)
    {
        var item = await board.GetAsync(itemId, ct).ConfigureAwait(false);
        var patient = item is null ? null : await records.GetPatientAsync(item.PatientId, ct).ConfigureAwait(false);
        await audit.RecordAsync(http.User.ToActor(), AuditActions.BoardRead, item?.PatientId, patient is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, ct).ConfigureAwait(false);
        if (item is null || patient is null) return Problems.NotFound();
        http.Response.Headers.ETag = ETags.Of(item.Version);
        return TypedResults.Ok(BoardItemView.Of(item, patient.DisplayName));
    }

    private static async Task<Results<Created<BoardItemView>, ProblemHttpResult>> Create(
        HttpContext http, TumourBoard board, AuditTrail audit, ILoggerFactory loggers, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large.");
        var (write, error) = JsonRequest.Read(body, RecordsJsonContext.Default.BoardItemWrite);
        if (error is not null)
        {
            await audit.RecordAsync(actor, AuditActions.BoardCreate, null, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
            return Problems.InvalidFields([error]);
        }
        var (key, keyProblem) = RequestBody.Idempotency(http.Request, body);
        if (keyProblem is not null) return (ProblemHttpResult)keyProblem;
        var result = await board.AddAsync(actor, new BoardInput(write!.PatientId, write.MeetingDate, write.Question), key, ct).ConfigureAwait(false);
        switch (result.Status)
        {
            case WriteStatus.Created or WriteStatus.Replayed when result.Value is { } item:
                Log.PatientWrite(loggers.CreateLogger("NetPath.Web.Board"), http.User.UserId(), "listed for a tumour board", item.PatientId);
                http.Response.Headers.ETag = ETags.Of(item.Version);
                return TypedResults.Created($"/api/board/{item.Id}", BoardItemView.Of(item, null));
            case WriteStatus.Invalid:
                return Problems.InvalidFields(result.Errors);
            case WriteStatus.NotFound:
                return Problems.NotFound();
            case WriteStatus.Duplicate:
                return Problems.Result(StatusCodes.Status409Conflict, "already-listed", "The patient is already listed for this meeting.");
            case WriteStatus.KeyReused:
                await audit.RecordAsync(actor, AuditActions.BoardCreate, write.PatientId, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
                return Problems.KeyReused();
            default:
                await audit.RecordAsync(actor, AuditActions.BoardCreate, write.PatientId, AuditOutcomes.Conflict, ct).ConfigureAwait(false);
                return Problems.Conflict();
        }
    }

    private static async Task<Results<Ok<BoardItemView>, ProblemHttpResult>> ChangeStatus(
        Guid itemId, HttpContext http, TumourBoard board, AuditTrail audit, ILoggerFactory loggers, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large.");
        var (write, error) = JsonRequest.Read(body, RecordsJsonContext.Default.BoardStatusWrite);
        if (error is not null) return Problems.InvalidFields([error]);
        if (ETags.FromIfMatch(http.Request) is not { } expected) return Problems.PreconditionRequired();
        var result = await board.ChangeStatusAsync(actor, itemId, expected, new BoardStatusChange(write!.Status, write.Outcome), ct).ConfigureAwait(false);
        switch (result.Status)
        {
            case WriteStatus.Updated when result.Value is { } item:
                Log.PatientWrite(loggers.CreateLogger("NetPath.Web.Board"), http.User.UserId(), "updated a tumour-board item of", item.PatientId);
                http.Response.Headers.ETag = ETags.Of(item.Version);
                return TypedResults.Ok(BoardItemView.Of(item, null));
            case WriteStatus.Invalid:
                return Problems.InvalidFields(result.Errors);
            case WriteStatus.NotFound:
                await audit.RecordAsync(actor, AuditActions.BoardUpdate, null, AuditOutcomes.NotFound, ct).ConfigureAwait(false);
                return Problems.NotFound();
            case WriteStatus.PreconditionFailed:
                return Problems.PreconditionFailed(result.CurrentVersion);
            default:
                return Problems.Conflict();
        }
    }
}
