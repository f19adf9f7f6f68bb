using System.Security.Claims;
using NetPath.Storage;
using NetPath.Web.Components;
using NetPath.Web.Security;

namespace NetPath.Web.Application;

/// <summary>A record's diary: the record and its entries, newest first.</summary>
internal sealed record DiaryFile(PatientRecord Patient, IReadOnlyList<DiaryEntryRecord> Entries);

/// <summary>A diary entry as the adapter read it: the input or the form error, the Idempotency-Key, or a body over the limit.</summary>
internal sealed record DiaryRequest(DiaryInput? Input, NetPath.Clinical.Validation.ValidationError? Error, IdempotencyInput Key, bool TooLarge = false);

/// <summary>
/// The symptom diary (decision 0511) for the API and the pages alike (decision 0430): role patient
/// reads and writes only its own record's diary, clinicians and coordinators read it; every call
/// records exactly one audit event, refusals included; the entry's content is never logged.
/// </summary>
internal sealed class DiaryUseCases(PatientRecords records, Diary diary, AuditTrail audit, ILogger<DiaryUseCases> log)
{
    public const int MaxTake = 500;

    /// <summary>
    /// The newest <paramref name="take"/> entries (1 to 500). <paramref name="visit"/> is the page
    /// visit whose prerender may already have audited this read (decision 0542); null for the API.
    /// </summary>
    public async Task<Outcome<DiaryFile>> ListAsync(ClaimsPrincipal user, Guid patientId, int take, PageReads? visit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await Access.RefuseAsync(user, Permissions.DiaryRead, AuditActions.DiaryList, patientId, audit, log, ct, visit).ConfigureAwait(false) is { } refused)
            return Outcome<DiaryFile>.Failure(refused);
        var p = await records.GetPatientAsync(patientId, ct).ConfigureAwait(false);
        await Access.RecordAsync(audit, user.ToActor(), AuditActions.DiaryList, patientId, p is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, visit, ct).ConfigureAwait(false);
        if (p is null) return Outcome<DiaryFile>.Failure(OutcomeKind.NotFound);
        return Outcome<DiaryFile>.Success(new DiaryFile(p, await diary.ListAsync(patientId, Math.Clamp(take, 1, MaxTake), ct).ConfigureAwait(false)));
    }

    public async Task<Outcome<DiaryEntryRecord>> GetAsync(ClaimsPrincipal user, Guid patientId, Guid entryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await Access.RefuseAsync(user, Permissions.DiaryRead, AuditActions.DiaryRead, patientId, audit, log, ct).ConfigureAwait(false) is { } refused)
            return Outcome<DiaryEntryRecord>.Failure(refused);
        var p = await records.GetPatientAsync(patientId, ct).ConfigureAwait(false);
        var entry = p is null ? null : await diary.GetAsync(patientId, entryId, ct).ConfigureAwait(false);
        await audit.RecordAsync(user.ToActor(), AuditActions.DiaryRead, patientId, entry is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, ct).ConfigureAwait(false);
        return entry is null ? Outcome<DiaryEntryRecord>.Failure(OutcomeKind.NotFound) : Outcome<DiaryEntryRecord>.Success(entry);
    }

    /// <summary>
    /// Adds an entry. <paramref name="read"/> reads the request only once the caller may write
    /// here (a refusal never depends on the body); its form errors (unknown or repeated members)
    /// are audited as invalid, like the field rules' refusals that storage audits.
    /// </summary>
    public async Task<Outcome<DiaryEntryRecord>> AddAsync(ClaimsPrincipal user, Guid patientId, Func<CancellationToken, Task<DiaryRequest>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(read);
        var actor = user.ToActor();
        if (await Access.RefuseAsync(user, Permissions.DiaryWrite, AuditActions.DiaryCreate, patientId, audit, log, ct).ConfigureAwait(false) is { } refused)
            return Outcome<DiaryEntryRecord>.Failure(refused);
        var (input, parseError, key, tooLarge) = await read(ct).ConfigureAwait(false);
        if (tooLarge) return Outcome<DiaryEntryRecord>.Failure(OutcomeKind.TooLarge);
        if (parseError is not null || input is null)
        {
            await audit.RecordAsync(actor, AuditActions.DiaryCreate, patientId, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
            return Outcome<DiaryEntryRecord>.Failure(OutcomeKind.Invalid, parseError is null ? [] : [parseError]);
        }
        if (key.Malformed) return Outcome<DiaryEntryRecord>.Failure(OutcomeKind.BadIdempotencyKey);
        var result = await diary.AddAsync(actor, patientId, input, key.Key, ct).ConfigureAwait(false);
        switch (result.Status)
        {
            case WriteStatus.Created or WriteStatus.Replayed when result.Value is { } entry:
                Log.PatientWrite(log, user.UserId(), "added a diary entry to", patientId);
                return Outcome<DiaryEntryRecord>.Success(entry);
            case WriteStatus.Invalid or WriteStatus.NotFound:
                // Storage audited these in its own transaction.
                return Outcome<DiaryEntryRecord>.Failure(Outcomes.OfWrite(result.Status)!.Value, result.Errors);
            case WriteStatus.KeyReused:
                await audit.RecordAsync(actor, AuditActions.DiaryCreate, patientId, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
                return Outcome<DiaryEntryRecord>.Failure(OutcomeKind.KeyReused);
            default:
                await audit.RecordAsync(actor, AuditActions.DiaryCreate, patientId, AuditOutcomes.Conflict, ct).ConfigureAwait(false);
                return Outcome<DiaryEntryRecord>.Failure(OutcomeKind.Conflict);
        }
    }
}
