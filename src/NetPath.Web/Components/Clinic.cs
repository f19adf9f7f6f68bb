using System.Security.Claims;
using NetPath.Storage;
using NetPath.Web.Application;
using NetPath.Web.Features;
using NetPath.Web.Security;

namespace NetPath.Web.Components;

/// <summary>
/// The pages' adapter to the use cases. Moved features (case versions, assessments, record reads,
/// the diary) call the application service the API calls (decision 0430), so a page can show
/// nothing the API would refuse and leaves the same audit trail; the rest still call storage here
/// until they move. Each call runs in its own service scope: an interactive circuit lives for
/// minutes, a DbContext should not.
/// </summary>
internal sealed partial class Clinic(IServiceScopeFactory scopes, PageReads reads, ILogger<Clinic> log)
{
    // Reads only: a page visit is audited once though it reads twice (PageReads); a write, every time.
    private Task AuditReadAsync(AuditTrail audit, Actor actor, string action, Guid? patientId, string outcome, CancellationToken ct) =>
        reads.AuditedInPrerender(actor, action, patientId, outcome) ? Task.CompletedTask : audit.RecordAsync(actor, action, patientId, outcome, ct);

    public static bool Holds(ClaimsPrincipal user, string policy) =>
        user.Identity?.IsAuthenticated == true && Permissions.Of(policy).Roles.Any(user.IsInRole);

    public async Task<Page<PatientRecord>> ListAsync(ClaimsPrincipal user, PatientFilter filter, int page, int pageSize, CancellationToken ct)
    {
        Require(user, Permissions.PatientsList);
        await using var scope = scopes.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<PatientRecords>();
        var result = await records.ListPatientsAsync(filter, Math.Max(1, page), Math.Clamp(pageSize, 1, PatientEndpoints.MaxPageSize), ct);
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), user.ToActor(), AuditActions.PatientList, null, AuditOutcomes.Success, ct);
        return result;
    }

    public async Task<PatientRecord?> CreateAsync(ClaimsPrincipal user, PatientInput input, CancellationToken ct)
    {
        Require(user, Permissions.PatientsWrite);
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PatientRecords>().CreatePatientAsync(user.ToActor(), input, null, ct);
        if (result.Value is { } p) Log.PatientWrite(log, user.UserId(), "created", p.Id);
        return result.Value;
    }

    /// <summary>The record with its case versions and assessments, audited as one read; null when absent or not the caller's to see.</summary>
    public async Task<PatientFile?> OpenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        // Callers (what-if, board summary, homes) rely on a role outside the policy throwing, not reading as "absent".
        Require(user, Permissions.PatientsRead);
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RecordReads>().FileAsync(user, id, reads, ct)).Value;
    }

    /// <summary>
    /// The record for the tumour-board summary: clinicians and coordinators only (the patient
    /// list's policy, so role patient never sees the board's view), then the same gate and the same
    /// <c>patient.read</c> audit as <see cref="OpenAsync"/>.
    /// </summary>
    public async Task<PatientFile?> OpenForBoardAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        Require(user, Permissions.PatientsList);
        return await OpenAsync(user, id, ct);
    }

    public async Task<StoredAssessment?> AssessmentAsync(ClaimsPrincipal user, Guid id, Guid assessmentId, CancellationToken ct)
    {
        Require(user, Permissions.PatientsRead);
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RecordReads>().StoredAssessmentAsync(user, id, assessmentId, reads, ct)).Value;
    }

    /// <summary>Adds a case version (the record version the form was opened at is the If-Match), then stores an assessment when asked: the API's use cases, the same audit.</summary>
    public async Task<SaveOutcome> SaveCaseAsync(ClaimsPrincipal user, Guid id, int expectedVersion, string caseJson, bool assess, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseVersions>();
        var added = await cases.AddAsync(user, id, System.Text.Encoding.UTF8.GetBytes(caseJson), expectedVersion, IdempotencyInput.None, ct);
        if (added.Value is not { } v) return new SaveOutcome(added.Kind, null, null);
        if (!assess) return new SaveOutcome(OutcomeKind.Success, v.Version.VersionNumber, null);
        var stored = await cases.StoreAssessmentAsync(user, id, IdempotencyInput.None, ct);
        return new SaveOutcome(OutcomeKind.Success, v.Version.VersionNumber, stored.Value?.Id);
    }

    private static void Require(ClaimsPrincipal user, string policy)
    {
        // Pages carry [Authorize(Policy = ...)] too; this is the second lock for interactive events.
        if (!Holds(user, policy)) throw new UnauthorizedAccessException($"Policy {policy} is not held.");
    }
}

internal sealed record SaveOutcome(OutcomeKind Status, int? CaseVersion, Guid? AssessmentId);
