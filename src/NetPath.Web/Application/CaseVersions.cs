using System.Security.Claims;
using NetPath.Storage;
using NetPath.Web.Features;
using NetPath.Web.Security;

namespace NetPath.Web.Application;

/// <summary>An Idempotency-Key as the adapter found it: absent, well formed (with the hash of what it protects), or malformed.</summary>
internal readonly record struct IdempotencyInput(Idempotency? Key, bool Malformed)
{
    public static IdempotencyInput None => default;
}

/// <summary>A stored case version with the record version it left behind (the API's ETag).</summary>
internal sealed record CaseVersionAdded(CaseVersionRecord Version, int? PatientVersion);

/// <summary>
/// Case versions and stored assessments, the whole use case for the API and the pages alike
/// (decision 0430): permission, validation, storage, exactly one audit event, logging, outcome.
/// Storage records the success event in the write's own transaction; this records every other one.
/// </summary>
internal sealed class CaseVersions(PatientRecords records, AuditTrail audit, Assessor assessor, ILogger<CaseVersions> log)
{
    /// <summary>
    /// Validates the case (an invalid one is audited and nothing is stored), then adds it as the
    /// next version if the record is still at <paramref name="expectedVersion"/>.
    /// </summary>
    public async Task<Outcome<CaseVersionAdded>> AddAsync(ClaimsPrincipal user, Guid patientId, byte[] caseJson, int? expectedVersion, IdempotencyInput key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var actor = user.ToActor();
        if (await Access.RefuseAsync(user, Permissions.CasesWrite, AuditActions.CaseCreate, patientId, audit, log, ct).ConfigureAwait(false) is { } refused)
            return Outcome<CaseVersionAdded>.Failure(refused);
        var read = assessor.Read(caseJson);
        if (!read.IsValid) return await FailAsync<CaseVersionAdded>(actor, AuditActions.CaseCreate, patientId, OutcomeKind.InvalidCase, ct, read.Errors).ConfigureAwait(false);
        if (expectedVersion is not { } expected) return Outcome<CaseVersionAdded>.Failure(OutcomeKind.PreconditionRequired);
        if (key.Malformed) return Outcome<CaseVersionAdded>.Failure(OutcomeKind.BadIdempotencyKey);
        var json = System.Text.Encoding.UTF8.GetString(caseJson);
        var result = await records.AddCaseVersionAsync(actor, patientId, expected, json, key.Key, ct).ConfigureAwait(false);
        if (result.Status is WriteStatus.Created or WriteStatus.Replayed && result.Value is { } v)
        {
            Log.PatientWrite(log, user.UserId(), "added a case version to", patientId);
            var patient = await records.GetPatientAsync(patientId, ct).ConfigureAwait(false);
            return Outcome<CaseVersionAdded>.Success(new CaseVersionAdded(v, patient?.Version));
        }
        return await FailAsync<CaseVersionAdded>(actor, AuditActions.CaseCreate, patientId, Outcomes.OfWrite(result.Status) ?? OutcomeKind.Conflict, ct, currentVersion: result.CurrentVersion).ConfigureAwait(false);
    }

    /// <summary>Assesses the newest case version and stores the assessment with the knowledge version that made it.</summary>
    public async Task<Outcome<AssessmentRecord>> StoreAssessmentAsync(ClaimsPrincipal user, Guid patientId, IdempotencyInput key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var actor = user.ToActor();
        if (await Access.RefuseAsync(user, Permissions.AssessmentsStore, AuditActions.AssessmentCreate, patientId, audit, log, ct).ConfigureAwait(false) is { } refused)
            return Outcome<AssessmentRecord>.Failure(refused);
        if (key.Malformed) return Outcome<AssessmentRecord>.Failure(OutcomeKind.BadIdempotencyKey);
        WriteResult<AssessmentRecord> result;
        try
        {
            result = await records.StoreAssessmentAsync(actor, patientId, assessor.ForStorage, key.Key, ct).ConfigureAwait(false);
        }
        catch (StoredCaseInvalidException e)
        {
            return await FailAsync<AssessmentRecord>(actor, AuditActions.AssessmentCreate, patientId, OutcomeKind.StoredCaseInvalid, ct, e.Errors).ConfigureAwait(false);
        }
        if (result.Status is WriteStatus.Created or WriteStatus.Replayed && result.Value is { } a)
        {
            Log.PatientWrite(log, user.UserId(), "stored an assessment of", patientId);
            return Outcome<AssessmentRecord>.Success(a);
        }
        return await FailAsync<AssessmentRecord>(actor, AuditActions.AssessmentCreate, patientId, Outcomes.OfWrite(result.Status) ?? OutcomeKind.Conflict, ct, currentVersion: result.CurrentVersion).ConfigureAwait(false);
    }

    private async Task<Outcome<T>> FailAsync<T>(Actor actor, string action, Guid patientId, OutcomeKind kind, CancellationToken ct,
        IReadOnlyList<NetPath.Clinical.Validation.ValidationError>? errors = null, int? currentVersion = null)
    {
        if (Outcomes.AuditOf(kind) is { } outcome) await audit.RecordAsync(actor, action, patientId, outcome, ct).ConfigureAwait(false);
        return Outcome<T>.Failure(kind, errors, currentVersion);
    }
}
