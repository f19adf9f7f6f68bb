namespace NetPath.Storage;

/// <summary>
/// A patient record. Never physically deleted: <see cref="DeletedAt"/> hides it. The summary
/// columns (site, grade, stage group, follow-up due) are copied from the latest stored
/// assessment in the same transaction that stores it, so that lists can filter on them.
/// </summary>
public sealed class PatientRecord
{
    public Guid Id { get; set; }
    public required string DisplayName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>The clinic's own record number, if it has one.</summary>
    public string? RecordNumber { get; set; }
    /// <summary><see cref="DisplayName"/> case-folded by <see cref="PatientSearch.Fold"/>; searched, never shown.</summary>
    public string? SearchName { get; set; }
    /// <summary><see cref="RecordNumber"/> case-folded by <see cref="PatientSearch.Fold"/>; searched, never shown.</summary>
    public string? SearchRecordNumber { get; set; }
    /// <summary>Bumped on every change to the record or its case; the ETag and the optimistic-concurrency token.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? Site { get; set; }
    public string? Grade { get; set; }
    public string? StageGroup { get; set; }
    public DateOnly? FollowUpDue { get; set; }
    public Guid? LatestAssessmentId { get; set; }
}

/// <summary>One version of a patient's case; each edit adds a row, none is ever overwritten.</summary>
public sealed class CaseVersionRecord
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public int VersionNumber { get; set; }
    /// <summary>The case JSON as received and validated (case.md).</summary>
    public required string CaseJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>A stored assessment with everything that produced it: input version, knowledge version and hash.</summary>
public sealed class AssessmentRecord
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public Guid CaseVersionId { get; set; }
    /// <summary>The assessment as serialised by AssessmentJsonContext (assessment.md).</summary>
    public required string OutputJson { get; set; }
    public required string KnowledgeVersion { get; set; }
    public required string KnowledgeContentHash { get; set; }
    /// <summary>The rules that fired, as a JSON array; empty while the engine does not report them.</summary>
    public required string RulesFiredJson { get; set; }
    public DateOnly AssessmentDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>Who did what to which patient, when, and whether it was allowed.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public Guid? PatientId { get; set; }
    public required string Outcome { get; set; }
}

/// <summary>A local account. The password is kept only as a PasswordHasher hash.</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    /// <summary><see cref="UserName"/> folded by <see cref="Accounts.UserNameKey"/>: unique, so that two names differing only in case are one.</summary>
    public string? UserNameKey { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }
    /// <summary>For role patient: the one record this account may see.</summary>
    public Guid? PatientId { get; set; }
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A signed-in session. The cookie names it; it holds while it is not revoked and not expired,
/// and every request reads it, so that ending it takes effect at once on every instance.
/// </summary>
public sealed class SessionRecord
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Moved on while the session is used (sliding, like the cookie).</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A create request already carried out under an Idempotency-Key, so that a retry returns it instead of repeating it.</summary>
public sealed class IdempotencyRecord
{
    public required string UserName { get; set; }
    public required string Key { get; set; }
    public required string Operation { get; set; }
    public required string RequestHash { get; set; }
    public Guid ResourceId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The account roles. The permission matrix in NetPath.Web says what each may do.</summary>
public static class Roles
{
    public const string Clinician = "clinician";
    public const string Coordinator = "coordinator";
    public const string Patient = "patient";
    public const string Researcher = "researcher";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Clinician, Coordinator, Patient, Researcher, Admin];
}

/// <summary>Audit outcomes.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string NotFound = "not-found";
    public const string Invalid = "invalid";
    public const string Conflict = "conflict";
}
