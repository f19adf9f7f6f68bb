using System.Security.Claims;
using System.Text.Json;
using NetPath.Clinical.Assessments;
using NetPath.Storage;
using NetPath.Web.Components;
using NetPath.Web.Security;

namespace NetPath.Web.Application;

/// <summary>The record with its case versions and assessments, as a page shows it.</summary>
internal sealed record PatientFile(PatientRecord Patient, IReadOnlyList<CaseVersionRecord> Cases, IReadOnlyList<AssessmentRecord> Assessments);

/// <summary>A stored assessment with its record and the assessment it holds.</summary>
internal sealed record StoredAssessment(PatientRecord Patient, AssessmentRecord Record, Assessment Assessment);

/// <summary>
/// Reads of one patient's record for the API and the pages alike (decision 0430): policy
/// patients.read, role patient only on its own record, then exactly one audit event (denied,
/// not-found or success) under the read's action. <c>visit</c> is the page visit whose prerender
/// may already have audited the same read (decision 0542); null for the API.
/// </summary>
internal sealed class RecordReads(PatientRecords records, AuditTrail audit, ILogger<RecordReads> log)
{
    public Task<Outcome<PatientRecord>> PatientAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        ReadAsync(user, AuditActions.PatientRead, id, null, c => records.GetPatientAsync(id, c), ct);

    public Task<Outcome<PatientFile>> FileAsync(ClaimsPrincipal user, Guid id, PageReads? visit, CancellationToken ct) =>
        ReadAsync(user, AuditActions.PatientRead, id, visit, async c => await records.GetPatientAsync(id, c).ConfigureAwait(false) is { } p
            ? new PatientFile(p, await records.ListCaseVersionsAsync(id, c).ConfigureAwait(false), await records.ListAssessmentsAsync(id, c).ConfigureAwait(false))
            : null, ct);

    public Task<Outcome<IReadOnlyList<CaseVersionRecord>>> CaseVersionsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        ReadAsync(user, AuditActions.CaseList, id, null, async c => await records.GetPatientAsync(id, c).ConfigureAwait(false) is null ? null : await records.ListCaseVersionsAsync(id, c).ConfigureAwait(false), ct);

    public Task<Outcome<CaseVersionRecord>> CaseVersionAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct) =>
        ReadAsync(user, AuditActions.CaseRead, id, null, async c => await records.GetPatientAsync(id, c).ConfigureAwait(false) is null ? null : await records.GetCaseVersionAsync(id, version, c).ConfigureAwait(false), ct);

    public Task<Outcome<IReadOnlyList<AssessmentRecord>>> AssessmentsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        ReadAsync(user, AuditActions.AssessmentList, id, null, async c => await records.GetPatientAsync(id, c).ConfigureAwait(false) is null ? null : await records.ListAssessmentsAsync(id, c).ConfigureAwait(false), ct);

    public Task<Outcome<AssessmentRecord>> AssessmentAsync(ClaimsPrincipal user, Guid id, Guid assessmentId, CancellationToken ct) =>
        ReadAsync(user, AuditActions.AssessmentRead, id, null, async c => await records.GetPatientAsync(id, c).ConfigureAwait(false) is null ? null : await records.GetAssessmentAsync(id, assessmentId, c).ConfigureAwait(false), ct);

    /// <summary>The stored assessment with the assessment it holds, for the pages that show one.</summary>
    public Task<Outcome<StoredAssessment>> StoredAssessmentAsync(ClaimsPrincipal user, Guid id, Guid assessmentId, PageReads? visit, CancellationToken ct) =>
        ReadAsync(user, AuditActions.AssessmentRead, id, visit, async c =>
            await records.GetPatientAsync(id, c).ConfigureAwait(false) is { } p && await records.GetAssessmentAsync(id, assessmentId, c).ConfigureAwait(false) is { } a
                ? new StoredAssessment(p, a, JsonSerializer.Deserialize(a.OutputJson, AssessmentJsonContext.Default.Assessment)!)
                : null, ct);

    private async Task<Outcome<T>> ReadAsync<T>(ClaimsPrincipal user, string action, Guid id, PageReads? visit, Func<CancellationToken, Task<T?>> load, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await Access.RefuseAsync(user, Permissions.PatientsRead, action, id, audit, log, ct, visit).ConfigureAwait(false) is { } refused)
            return Outcome<T>.Failure(refused);
        var value = await load(ct).ConfigureAwait(false);
        await Access.RecordAsync(audit, user.ToActor(), action, id, value is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, visit, ct).ConfigureAwait(false);
        return value is null ? Outcome<T>.Failure(OutcomeKind.NotFound) : Outcome<T>.Success(value);
    }
}
