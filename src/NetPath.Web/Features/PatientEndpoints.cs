using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Clinical.Cases.Wire;
using NetPath.Storage;
using NetPath.Web.Application;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

/// <summary>The audit action name of an endpoint or page, so that refusals by policy are audited under the same name as the handler's own events.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class AuditActionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Patient records, their case versions and stored assessments. Every read and write of patient
/// data leaves an audit event, refusals included. Case versions, assessments and record reads run
/// in Application/ (CaseVersions, RecordReads; decision 0430); patient create, list, update and
/// delete are still answered here. Creates honour Idempotency-Key; edits need If-Match with the
/// record's ETag.
/// </summary>
internal static class PatientEndpoints
{
    public const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/patients").WithTags("Patients")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        patients.MapPost("/", Create).RequireAuthorization(Permissions.PatientsWrite).WithName("CreatePatient").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithMetadata(new AuditActionAttribute(AuditActions.PatientCreate)).Accepts<PatientWrite>("application/json");
        patients.MapGet("/", List).RequireAuthorization(Permissions.PatientsList).WithName("ListPatients").ProducesProblem(StatusCodes.Status400BadRequest).WithMetadata(new AuditActionAttribute(AuditActions.PatientList));
        patients.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.PatientsRead).WithName("GetPatient").ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new AuditActionAttribute(AuditActions.PatientRead));
        patients.MapPut("/{id:guid}", Update).RequireAuthorization(Permissions.PatientsWrite).WithName("UpdatePatient").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired).WithMetadata(new AuditActionAttribute(AuditActions.PatientUpdate)).Accepts<PatientWrite>("application/json");
        patients.MapDelete("/{id:guid}", Delete).RequireAuthorization(Permissions.PatientsDelete).WithName("DeletePatient").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired).WithMetadata(new AuditActionAttribute(AuditActions.PatientDelete));

        patients.MapPost("/{id:guid}/cases", AddCase).RequireAuthorization(Permissions.CasesWrite).WithName("AddCaseVersion").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status428PreconditionRequired).WithMetadata(new AuditActionAttribute(AuditActions.CaseCreate)).Accepts<CaseDto>("application/json");
        patients.MapGet("/{id:guid}/cases", ListCases).RequireAuthorization(Permissions.PatientsRead).WithName("ListCaseVersions").ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new AuditActionAttribute(AuditActions.CaseList));
        patients.MapGet("/{id:guid}/cases/{version:int}", GetCase).RequireAuthorization(Permissions.PatientsRead).WithName("GetCaseVersion").ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new AuditActionAttribute(AuditActions.CaseRead));

        patients.MapPost("/{id:guid}/assessments", StoreAssessment).RequireAuthorization(Permissions.AssessmentsStore).WithName("StoreAssessment").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithMetadata(new AuditActionAttribute(AuditActions.AssessmentCreate));
        patients.MapGet("/{id:guid}/assessments", ListAssessments).RequireAuthorization(Permissions.PatientsRead).WithName("ListAssessments").ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new AuditActionAttribute(AuditActions.AssessmentList));
        patients.MapGet("/{id:guid}/assessments/{assessmentId:guid}", GetAssessment).RequireAuthorization(Permissions.PatientsRead).WithName("GetAssessment").ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new AuditActionAttribute(AuditActions.AssessmentRead));
    }

    private static async Task<Results<Created<PatientView>, ProblemHttpResult>> Create(
        HttpContext http, PatientRecords records, Assessor assessor, ILoggerFactory loggers, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large.");
        var (input, problem) = ParsePatient(body, assessor.Today);
        if (problem is not null) return problem;
        var (key, keyProblem) = RequestBody.Idempotency(http.Request, body);
        if (keyProblem is not null) return (ProblemHttpResult)keyProblem;
        var actor = http.User.ToActor();
        var result = await records.CreatePatientAsync(actor, input!, key, ct).ConfigureAwait(false);
        if (result.Status == WriteStatus.KeyReused) return Problems.KeyReused();
        if (result.Value is null) return Problems.Conflict();
        var p = result.Value;
        Log.PatientWrite(loggers.CreateLogger("NetPath.Web.Patients"), http.User.UserId(), "created", p.Id);
        http.Response.Headers.ETag = ETags.Of(p.Version);
        return TypedResults.Created($"/api/patients/{p.Id}", PatientView.Of(p));
    }

    /// <summary>
    /// <c>search</c>: part of the name, or the start of the record number, ignoring case (decision 0510).
    /// It may be a name: it is never logged or audited.
    /// </summary>
    private static async Task<Results<Ok<PageView<PatientView>>, ProblemHttpResult>> List(
        HttpContext http, PatientRecords records, AuditTrail audit, CancellationToken ct,
        string? site = null, string? stageGroup = null, string? grade = null, DateOnly? followUpDueBy = null,
        string? search = null, int page = 1, int pageSize = 50)
    {
        if (search is { Length: > PatientSearch.MaxLength })
            return Problems.Invalid("out-of-range", "query:search", $"search has at most {PatientSearch.MaxLength} characters.");
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var result = await records.ListPatientsAsync(new PatientFilter(site, stageGroup, grade, followUpDueBy, search), page, pageSize, ct).ConfigureAwait(false);
        await audit.RecordAsync(http.User.ToActor(), AuditActions.PatientList, null, AuditOutcomes.Success, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageView<PatientView>([.. result.Items.Select(PatientView.Of)], result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<PatientView>, ProblemHttpResult>> Get(Guid id, HttpContext http, RecordReads reads, CancellationToken ct)
    {
        var outcome = await reads.PatientAsync(http.User, id, ct).ConfigureAwait(false);
        if (outcome.Value is not { } p) return OutcomeHttp.Problem(outcome);
        http.Response.Headers.ETag = ETags.Of(p.Version);
        return TypedResults.Ok(PatientView.Of(p));
    }

    private static async Task<Results<Ok<PatientView>, ProblemHttpResult>> Update(
        Guid id, HttpContext http, PatientRecords records, AuditTrail audit, Assessor assessor, ILoggerFactory loggers, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large.");
        var (input, problem) = ParsePatient(body, assessor.Today);
        if (problem is not null) return problem;
        if (ETags.FromIfMatch(http.Request) is not { } expected) return Problems.PreconditionRequired();
        var actor = http.User.ToActor();
        var result = await records.UpdatePatientAsync(actor, id, expected, input!, ct).ConfigureAwait(false);
        if (await Failed(result.Status, result.CurrentVersion, actor, AuditActions.PatientUpdate, id, audit, ct).ConfigureAwait(false) is { } failed) return failed;
        Log.PatientWrite(loggers.CreateLogger("NetPath.Web.Patients"), http.User.UserId(), "updated", id);
        http.Response.Headers.ETag = ETags.Of(result.Value!.Version);
        return TypedResults.Ok(PatientView.Of(result.Value));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, HttpContext http, PatientRecords records, AuditTrail audit, ILoggerFactory loggers, CancellationToken ct)
    {
        if (ETags.FromIfMatch(http.Request) is not { } expected) return Problems.PreconditionRequired();
        var actor = http.User.ToActor();
        var result = await records.DeletePatientAsync(actor, id, expected, ct).ConfigureAwait(false);
        if (await Failed(result.Status, result.CurrentVersion, actor, AuditActions.PatientDelete, id, audit, ct).ConfigureAwait(false) is { } failed) return failed;
        Log.PatientWrite(loggers.CreateLogger("NetPath.Web.Patients"), http.User.UserId(), "deleted", id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<CaseVersionView>, ProblemHttpResult>> AddCase(Guid id, HttpContext http, CaseVersions cases, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The case is too large.");
        var outcome = await cases.AddAsync(http.User, id, body, ETags.FromIfMatch(http.Request), RequestBody.KeyOf(http.Request, body), ct).ConfigureAwait(false);
        if (outcome.Value is not { } added) return OutcomeHttp.Problem(outcome);
        if (added.PatientVersion is { } version) http.Response.Headers.ETag = ETags.Of(version);
        return TypedResults.Created($"/api/patients/{id}/cases/{added.Version.VersionNumber}", CaseVersionView.Of(added.Version));
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseVersionView>>, ProblemHttpResult>> ListCases(Guid id, HttpContext http, RecordReads reads, CancellationToken ct)
    {
        var outcome = await reads.CaseVersionsAsync(http.User, id, ct).ConfigureAwait(false);
        return outcome.Value is { } versions ? TypedResults.Ok<IReadOnlyList<CaseVersionView>>([.. versions.Select(CaseVersionView.Of)]) : OutcomeHttp.Problem(outcome);
    }

    private static async Task<Results<Ok<CaseVersionView>, ProblemHttpResult>> GetCase(Guid id, int version, HttpContext http, RecordReads reads, CancellationToken ct)
    {
        var outcome = await reads.CaseVersionAsync(http.User, id, version, ct).ConfigureAwait(false);
        return outcome.Value is { } v ? TypedResults.Ok(CaseVersionView.Of(v)) : OutcomeHttp.Problem(outcome);
    }

    private static async Task<Results<Created<StoredAssessmentView>, ProblemHttpResult>> StoreAssessment(Guid id, HttpContext http, CaseVersions cases, CancellationToken ct)
    {
        var outcome = await cases.StoreAssessmentAsync(http.User, id, RequestBody.KeyOf(http.Request, []), ct).ConfigureAwait(false);
        return outcome.Value is { } a ? TypedResults.Created($"/api/patients/{id}/assessments/{a.Id}", StoredAssessmentView.Of(a)) : OutcomeHttp.Problem(outcome);
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredAssessmentView>>, ProblemHttpResult>> ListAssessments(Guid id, HttpContext http, RecordReads reads, CancellationToken ct)
    {
        var outcome = await reads.AssessmentsAsync(http.User, id, ct).ConfigureAwait(false);
        return outcome.Value is { } list ? TypedResults.Ok<IReadOnlyList<StoredAssessmentView>>([.. list.Select(StoredAssessmentView.Of)]) : OutcomeHttp.Problem(outcome);
    }

    private static async Task<Results<Ok<StoredAssessmentView>, ProblemHttpResult>> GetAssessment(Guid id, Guid assessmentId, HttpContext http, RecordReads reads, CancellationToken ct)
    {
        var outcome = await reads.AssessmentAsync(http.User, id, assessmentId, ct).ConfigureAwait(false);
        return outcome.Value is { } a ? TypedResults.Ok(StoredAssessmentView.Of(a)) : OutcomeHttp.Problem(outcome);
    }

    private static async Task<ProblemHttpResult?> Failed(WriteStatus status, int? current, Actor actor, string action, Guid id, AuditTrail audit, CancellationToken ct)
    {
        var (problem, outcome) = status switch
        {
            WriteStatus.NotFound => (Problems.NotFound(), AuditOutcomes.NotFound),
            WriteStatus.PreconditionFailed => (Problems.PreconditionFailed(current), AuditOutcomes.Conflict),
            WriteStatus.Conflict => (Problems.Conflict(), AuditOutcomes.Conflict),
            WriteStatus.KeyReused => (Problems.KeyReused(), AuditOutcomes.Invalid),
            _ => ((ProblemHttpResult?)null, (string?)null),
        };
        if (problem is null) return null;
        await audit.RecordAsync(actor, action, id, outcome!, ct).ConfigureAwait(false);
        return problem;
    }

    public const int MaxDisplayNameLength = 200;
    public const int MaxRecordNumberLength = 64;
    /// <summary>The earliest date of birth taken: an earlier one is a slipped key, not a patient.</summary>
    public static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);

    /// <summary>The demographics rules, for the API and the new-record form alike; each error names its field.</summary>
    internal static List<NetPath.Clinical.Validation.ValidationError> Check(string? name, DateOnly? dateOfBirth, string? recordNumber, DateOnly today)
    {
        var errors = new List<NetPath.Clinical.Validation.ValidationError>();
        if (string.IsNullOrEmpty(name) || name.Length > MaxDisplayNameLength)
            errors.Add(new(NetPath.Clinical.Validation.ErrorCodes.Required, "displayName", $"displayName is required (1 to {MaxDisplayNameLength} characters)."));
        else if (JsonRequest.Text("displayName", name, MaxDisplayNameLength) is { } e) errors.Add(e);
        if (JsonRequest.Text("recordNumber", recordNumber, MaxRecordNumberLength) is { } r) errors.Add(r);
        if (dateOfBirth is { } dob && (dob > today || dob < EarliestDateOfBirth))
            errors.Add(new(NetPath.Clinical.Validation.ErrorCodes.OutOfRange, "dateOfBirth", "dateOfBirth is between 1900-01-01 and today."));
        return errors;
    }

    /// <summary>
    /// Demographics as sent: unknown or repeated members refused (a misspelt "dob" would otherwise
    /// erase the date of birth), the name trimmed and required, no control or text-direction
    /// characters, a date of birth neither in the future nor before 1900.
    /// </summary>
    private static (PatientInput? Input, ProblemHttpResult? Problem) ParsePatient(byte[] body, DateOnly today)
    {
        var (write, error) = JsonRequest.Read(body, WebJsonContext.Default.PatientWrite);
        if (error is not null) return (null, Problems.InvalidFields([error]));
        var name = write!.DisplayName is null ? null : NetPath.Storage.TextRules.Normalize(write.DisplayName);
        var errors = Check(name, write.DateOfBirth, write.RecordNumber, today);
        return errors.Count > 0 ? (null, Problems.InvalidFields(errors)) : (new PatientInput(name!, write.DateOfBirth, write.RecordNumber), null);
    }
}
