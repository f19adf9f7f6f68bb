using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Storage;

namespace NetPath.Web;

/// <summary>A sign-in. Lengths are the same limits the handler enforces (the OpenAPI document shows them).</summary>
public sealed record SignInRequest(
    [property: StringLength(Accounts.MaxUserNameLength)] string? UserName,
    [property: StringLength(Accounts.MaxPasswordLength)] string? Password);

public sealed record SessionView(Guid UserId, string UserName, string Role, Guid? PatientId);

/// <summary>Demographics as the API takes them. <c>displayName</c> is required.</summary>
public sealed record PatientWrite(
    [property: StringLength(Features.PatientEndpoints.MaxDisplayNameLength)] string? DisplayName,
    DateOnly? DateOfBirth,
    [property: StringLength(Features.PatientEndpoints.MaxRecordNumberLength)] string? RecordNumber);

/// <summary>What the latest stored assessment says, for lists and filters.</summary>
public sealed record PatientSummary(string? Site, string? Grade, string? StageGroup, DateOnly? FollowUpDue, Guid? LatestAssessmentId);

public sealed record PatientView(
    Guid Id, string DisplayName, DateOnly? DateOfBirth, string? RecordNumber, int Version,
    DateTime CreatedAt, DateTime UpdatedAt, PatientSummary Summary)
{
    public static PatientView Of(PatientRecord p) => new(
        p.Id, p.DisplayName, p.DateOfBirth, p.RecordNumber, p.Version, p.CreatedAt, p.UpdatedAt,
        new PatientSummary(p.Site, p.Grade, p.StageGroup, p.FollowUpDue, p.LatestAssessmentId));
}

public sealed record PageView<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record CaseVersionView(Guid Id, Guid PatientId, int VersionNumber, DateTime CreatedAt, string CreatedBy, JsonElement Case)
{
    public static CaseVersionView Of(CaseVersionRecord c) =>
        new(c.Id, c.PatientId, c.VersionNumber, c.CreatedAt, c.CreatedBy, Json.Element(c.CaseJson));
}

/// <summary>A stored assessment with its provenance: input case version, knowledge version and content hash, rules fired.</summary>
public sealed record StoredAssessmentView(
    Guid Id, Guid PatientId, Guid CaseVersionId, DateOnly AssessmentDate, string KnowledgeVersion,
    string KnowledgeContentHash, JsonElement RulesFired, DateTime CreatedAt, string CreatedBy, JsonElement Assessment)
{
    public static StoredAssessmentView Of(AssessmentRecord a) => new(
        a.Id, a.PatientId, a.CaseVersionId, a.AssessmentDate, a.KnowledgeVersion, a.KnowledgeContentHash,
        Json.Element(a.RulesFiredJson), a.CreatedAt, a.CreatedBy, Json.Element(a.OutputJson));
}

/// <summary>
/// A de-identified assessment for researchers: no record or case id, no name, no date of birth,
/// no dates at all, no account names; only the clinical conclusions and their knowledge version.
/// </summary>
public sealed record ResearchAssessmentView(string KnowledgeVersion, string KnowledgeContentHash, JsonElement Assessment);

public sealed record AuditView(long Id, DateTime At, string UserName, string Action, Guid? PatientId, string Outcome)
{
    public static AuditView Of(AuditEvent a) => new(a.Id, a.At, a.UserName, a.Action, a.PatientId, a.Outcome);
}

public sealed record UserCreate(
    [property: StringLength(Accounts.MaxUserNameLength)] string? UserName,
    [property: StringLength(Accounts.MaxPasswordLength, MinimumLength = Accounts.MinPasswordLength)] string? Password,
    [property: StringLength(20)] string? Role,
    Guid? PatientId);

public sealed record UserView(Guid Id, string UserName, string Role, Guid? PatientId);

/// <summary>An account in the administrators' list: role, link and lock state, never the password hash.</summary>
public sealed record AccountView(Guid Id, string UserName, string Role, Guid? PatientId, DateTime CreatedAt, DateTime? LockedUntil, bool Locked)
{
    public static AccountView Of(AccountSummary a) => new(a.Id, a.UserName, a.Role, a.PatientId, a.CreatedAt, a.LockedUntil, a.Locked);
}

public sealed record HealthView(string Status, string KnowledgeVersion);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(Hosting.ReadinessView))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(PatientWrite))]
[JsonSerializable(typeof(PatientView))]
[JsonSerializable(typeof(PageView<PatientView>))]
[JsonSerializable(typeof(CaseVersionView))]
[JsonSerializable(typeof(IReadOnlyList<CaseVersionView>))]
[JsonSerializable(typeof(StoredAssessmentView))]
[JsonSerializable(typeof(IReadOnlyList<StoredAssessmentView>))]
[JsonSerializable(typeof(IReadOnlyList<ResearchAssessmentView>))]
[JsonSerializable(typeof(IReadOnlyList<AuditView>))]
[JsonSerializable(typeof(UserCreate))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(PageView<AccountView>))]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(List<ProblemError>))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

internal static class Json
{
    public static JsonElement Element(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
