using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

/// <summary>The editable demographics of a patient record.</summary>
public sealed record PatientInput(string DisplayName, DateOnly? DateOfBirth, string? RecordNumber);

/// <summary>
/// List filters; each null filter is not applied. Site, stage group, grade and follow-up come from
/// the latest stored assessment. <paramref name="Search"/> matches part of the display name, or the
/// start of the record number, ignoring case (<see cref="PatientSearch"/>, decision 0510).
/// </summary>
public sealed record PatientFilter(string? Site = null, string? StageGroup = null, string? Grade = null, DateOnly? FollowUpDueBy = null, string? Search = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>What the clinical engine made of a stored case version, ready to store.</summary>
public sealed record ComputedAssessment(
    string OutputJson,
    string KnowledgeVersion,
    string KnowledgeContentHash,
    string RulesFiredJson,
    DateOnly AssessmentDate,
    string? Site,
    string? Grade,
    string? StageGroup,
    DateOnly? FollowUpDue);

/// <summary>An Idempotency-Key with the hash of the request it came with.</summary>
public sealed record Idempotency(string Key, string RequestHash);

public enum WriteStatus
{
    Created,
    /// <summary>The same Idempotency-Key and request were seen before: the earlier result is returned.</summary>
    Replayed,
    Updated,
    NotFound,
    /// <summary>If-Match named a version that is no longer current.</summary>
    PreconditionFailed,
    /// <summary>A concurrent writer changed the record between read and write.</summary>
    Conflict,
    /// <summary>The Idempotency-Key was used before with another request.</summary>
    KeyReused,
    /// <summary>The patient has no case version to assess.</summary>
    NoCase,
    /// <summary>The input broke a rule; nothing was stored (the errors name the fields).</summary>
    Invalid,
    /// <summary>The same thing is already recorded (a patient listed twice for one meeting).</summary>
    Duplicate,
}

public sealed record WriteResult<T>(WriteStatus Status, T? Value, int? CurrentVersion = null) where T : class;

/// <summary>
/// Patients, their case versions and stored assessments. Every write is one transaction that
/// includes its audit event; a write reported as Created or Updated is committed.
/// </summary>
public sealed class PatientRecords(NetPathDb db, AuditTrail audit, TimeProvider time)
{
    public const string OpCreatePatient = AuditActions.PatientCreate;
    public const string OpAddCase = AuditActions.CaseCreate;
    public const string OpStoreAssessment = AuditActions.AssessmentCreate;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<WriteResult<PatientRecord>> CreatePatientAsync(Actor actor, PatientInput input, Idempotency? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var replay = await ReplayAsync(actor, OpCreatePatient, idempotency, ct).ConfigureAwait(false);
        if (replay is not null)
        {
            return replay.Value.Status == WriteStatus.Replayed
                ? new(WriteStatus.Replayed, await GetPatientAsync(replay.Value.ResourceId, ct).ConfigureAwait(false))
                : new(replay.Value.Status, null);
        }

        var now = Now;
        var patient = new PatientRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            DisplayName = input.DisplayName,
            DateOfBirth = input.DateOfBirth,
            RecordNumber = input.RecordNumber,
            SearchName = PatientSearch.Fold(input.DisplayName),
            SearchRecordNumber = PatientSearch.FoldOrNull(input.RecordNumber),
            Version = 1,
            CreatedAt = now,
            CreatedBy = actor.UserName,
            UpdatedAt = now,
            UpdatedBy = actor.UserName,
        };
        db.Patients.Add(patient);
        AddKey(actor, OpCreatePatient, idempotency, patient.Id);
        db.AuditEvents.Add(audit.Event(actor, OpCreatePatient, patient.Id, AuditOutcomes.Success));
        return await CommitAsync(actor, OpCreatePatient, idempotency, patient, async id => await GetPatientAsync(id, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    public async Task<PatientRecord?> GetPatientAsync(Guid id, CancellationToken ct) =>
        await db.Patients.Where(p => p.Id == id && p.DeletedAt == null).SingleOrDefaultAsync(ct).ConfigureAwait(false);

    public async Task<WriteResult<PatientRecord>> UpdatePatientAsync(Actor actor, Guid id, int expectedVersion, PatientInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await ChangePatientAsync(actor, id, expectedVersion, AuditActions.PatientUpdate, p =>
        {
            p.DisplayName = input.DisplayName;
            p.DateOfBirth = input.DateOfBirth;
            p.RecordNumber = input.RecordNumber;
            p.SearchName = PatientSearch.Fold(input.DisplayName);
            p.SearchRecordNumber = PatientSearch.FoldOrNull(input.RecordNumber);
        }, ct).ConfigureAwait(false);
    }

    public async Task<WriteResult<PatientRecord>> DeletePatientAsync(Actor actor, Guid id, int expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        return await ChangePatientAsync(actor, id, expectedVersion, AuditActions.PatientDelete, p =>
        {
            p.DeletedAt = now;
            p.DeletedBy = actor.UserName;
        }, ct).ConfigureAwait(false);
    }

    private async Task<WriteResult<PatientRecord>> ChangePatientAsync(Actor actor, Guid id, int expectedVersion, string action, Action<PatientRecord> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.ChangeTracker.Clear();
        var patient = await db.Patients.AsTracking().Where(p => p.Id == id && p.DeletedAt == null).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (patient is null) return new(WriteStatus.NotFound, null);
        if (patient.Version != expectedVersion) return new(WriteStatus.PreconditionFailed, null, patient.Version);
        change(patient);
        patient.Version++;
        patient.UpdatedAt = Now;
        patient.UpdatedBy = actor.UserName;
        db.AuditEvents.Add(audit.Event(actor, action, id, AuditOutcomes.Success));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(WriteStatus.Conflict, null);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return new(WriteStatus.Updated, patient);
    }

    public async Task<Page<PatientRecord>> ListPatientsAsync(PatientFilter filter, int pageNumber, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = db.Patients.Where(p => p.DeletedAt == null);
        if (filter.Site is { } site) q = q.Where(p => p.Site == site);
        if (filter.StageGroup is { } group) q = q.Where(p => p.StageGroup == group);
        if (filter.Grade is { } grade) q = q.Where(p => p.Grade == grade);
        if (filter.FollowUpDueBy is { } due) q = q.Where(p => p.FollowUpDue != null && p.FollowUpDue <= due);
        if (PatientSearch.Term(filter.Search) is { } term)
            q = q.Where(p => p.SearchName!.Contains(term) || (p.SearchRecordNumber != null && p.SearchRecordNumber.StartsWith(term)));
        var total = await q.CountAsync(ct).ConfigureAwait(false);
        // Past the last row there is nothing (and (page - 1) * size must not overflow into page 1).
        var skip = ((long)pageNumber - 1) * pageSize;
        var items = skip >= total ? [] : await q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip((int)skip).Take(pageSize)
            .ToListAsync(ct).ConfigureAwait(false);
        return new Page<PatientRecord>(items, pageNumber, pageSize, total);
    }

    /// <summary>Records whose stored follow-up date is before <paramref name="today"/>, longest overdue first.</summary>
    public async Task<IReadOnlyList<PatientRecord>> ListOverdueFollowUpsAsync(DateOnly today, int take, CancellationToken ct) =>
        await db.Patients.Where(p => p.DeletedAt == null && p.FollowUpDue != null && p.FollowUpDue < today)
            .OrderBy(p => p.FollowUpDue).ThenBy(p => p.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);

    /// <summary>Adds a case version (the caller has validated the JSON). If-Match is the patient's version.</summary>
    public async Task<WriteResult<CaseVersionRecord>> AddCaseVersionAsync(Actor actor, Guid patientId, int expectedVersion, string caseJson, Idempotency? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var replay = await ReplayAsync(actor, OpAddCase, idempotency, ct).ConfigureAwait(false);
        if (replay is not null)
        {
            return replay.Value.Status == WriteStatus.Replayed
                ? new(WriteStatus.Replayed, await db.CaseVersions.SingleOrDefaultAsync(c => c.Id == replay.Value.ResourceId, ct).ConfigureAwait(false))
                : new(replay.Value.Status, null);
        }

        db.ChangeTracker.Clear();
        var patient = await db.Patients.AsTracking().Where(p => p.Id == patientId && p.DeletedAt == null).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (patient is null) return new(WriteStatus.NotFound, null);
        if (patient.Version != expectedVersion) return new(WriteStatus.PreconditionFailed, null, patient.Version);
        var last = await db.CaseVersions.Where(c => c.PatientId == patientId).MaxAsync(c => (int?)c.VersionNumber, ct).ConfigureAwait(false) ?? 0;
        var now = Now;
        var version = new CaseVersionRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            PatientId = patientId,
            VersionNumber = last + 1,
            CaseJson = caseJson,
            CreatedAt = now,
            CreatedBy = actor.UserName,
        };
        db.CaseVersions.Add(version);
        patient.Version++;
        patient.UpdatedAt = now;
        patient.UpdatedBy = actor.UserName;
        AddKey(actor, OpAddCase, idempotency, version.Id);
        db.AuditEvents.Add(audit.Event(actor, OpAddCase, patientId, AuditOutcomes.Success));
        return await CommitAsync(actor, OpAddCase, idempotency, version,
            async id => await db.CaseVersions.SingleOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CaseVersionRecord>> ListCaseVersionsAsync(Guid patientId, CancellationToken ct) =>
        await db.CaseVersions.Where(c => c.PatientId == patientId).OrderBy(c => c.VersionNumber).ToListAsync(ct).ConfigureAwait(false);

    public async Task<CaseVersionRecord?> GetCaseVersionAsync(Guid patientId, int versionNumber, CancellationToken ct) =>
        await db.CaseVersions.SingleOrDefaultAsync(c => c.PatientId == patientId && c.VersionNumber == versionNumber, ct).ConfigureAwait(false);

    /// <summary>Assesses the latest case version with <paramref name="assess"/> and stores the result with the patient's summary.</summary>
    public async Task<WriteResult<AssessmentRecord>> StoreAssessmentAsync(Actor actor, Guid patientId, Func<CaseVersionRecord, ComputedAssessment> assess, Idempotency? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(assess);
        var replay = await ReplayAsync(actor, OpStoreAssessment, idempotency, ct).ConfigureAwait(false);
        if (replay is not null)
        {
            return replay.Value.Status == WriteStatus.Replayed
                ? new(WriteStatus.Replayed, await db.Assessments.SingleOrDefaultAsync(a => a.Id == replay.Value.ResourceId, ct).ConfigureAwait(false))
                : new(replay.Value.Status, null);
        }

        db.ChangeTracker.Clear();
        var patient = await db.Patients.AsTracking().Where(p => p.Id == patientId && p.DeletedAt == null).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (patient is null) return new(WriteStatus.NotFound, null);
        var latest = await db.CaseVersions.Where(c => c.PatientId == patientId).OrderByDescending(c => c.VersionNumber).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (latest is null) return new(WriteStatus.NoCase, null);
        var computed = assess(latest);
        var record = new AssessmentRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            PatientId = patientId,
            CaseVersionId = latest.Id,
            OutputJson = computed.OutputJson,
            KnowledgeVersion = computed.KnowledgeVersion,
            KnowledgeContentHash = computed.KnowledgeContentHash,
            RulesFiredJson = computed.RulesFiredJson,
            AssessmentDate = computed.AssessmentDate,
            CreatedAt = Now,
            CreatedBy = actor.UserName,
        };
        db.Assessments.Add(record);
        patient.Site = computed.Site;
        patient.Grade = computed.Grade;
        patient.StageGroup = computed.StageGroup;
        patient.FollowUpDue = computed.FollowUpDue;
        patient.LatestAssessmentId = record.Id;
        patient.Version++;
        AddKey(actor, OpStoreAssessment, idempotency, record.Id);
        db.AuditEvents.Add(audit.Event(actor, OpStoreAssessment, patientId, AuditOutcomes.Success));
        return await CommitAsync(actor, OpStoreAssessment, idempotency, record,
            async id => await db.Assessments.SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AssessmentRecord>> ListAssessmentsAsync(Guid patientId, CancellationToken ct) =>
        await db.Assessments.Where(a => a.PatientId == patientId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct).ConfigureAwait(false);

    public async Task<AssessmentRecord?> GetAssessmentAsync(Guid patientId, Guid assessmentId, CancellationToken ct) =>
        await db.Assessments.SingleOrDefaultAsync(a => a.PatientId == patientId && a.Id == assessmentId, ct).ConfigureAwait(false);

    /// <summary>Every stored assessment of a record not deleted, for de-identified research export.</summary>
    public async Task<IReadOnlyList<AssessmentRecord>> ListAllAssessmentsAsync(int skip, int take, CancellationToken ct) =>
        await db.Assessments
            .Where(a => db.Patients.Any(p => p.Id == a.PatientId && p.DeletedAt == null))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip(skip).Take(take).ToListAsync(ct).ConfigureAwait(false);

    /// <summary>The key's earlier outcome: null when the key is new (or absent), else a replay with the resource id, or key-reused.</summary>
    private async Task<(WriteStatus Status, Guid ResourceId)?> ReplayAsync(Actor actor, string operation, Idempotency? idempotency, CancellationToken ct)
    {
        var (seen, resourceId) = await Idempotent.CheckAsync(db, actor, operation, idempotency, Now, ct).ConfigureAwait(false);
        return seen switch
        {
            Idempotent.Seen.Replay => (WriteStatus.Replayed, resourceId),
            Idempotent.Seen.Reused => (WriteStatus.KeyReused, Guid.Empty),
            _ => null,
        };
    }

    private void AddKey(Actor actor, string operation, Idempotency? idempotency, Guid resourceId) =>
        Idempotent.Add(db, actor, operation, idempotency, resourceId, Now);

    private async Task<WriteResult<T>> CommitAsync<T>(Actor actor, string operation, Idempotency? idempotency, T created, Func<Guid, Task<T?>> load, CancellationToken ct)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new(WriteStatus.Created, created);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(WriteStatus.Conflict, null);
        }
        catch (DbUpdateException)
        {
            // A unique key was taken by a concurrent writer: the same Idempotency-Key (then the
            // other request's result is the answer) or the same case version number (a conflict).
            db.ChangeTracker.Clear();
            var replay = await ReplayAsync(actor, operation, idempotency, ct).ConfigureAwait(false);
            if (replay?.Status == WriteStatus.Replayed) return new(WriteStatus.Replayed, await load(replay.Value.ResourceId).ConfigureAwait(false));
            if (replay?.Status == WriteStatus.KeyReused) return new(WriteStatus.KeyReused, null);
            return new(WriteStatus.Conflict, null);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
