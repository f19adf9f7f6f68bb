using NetPath.Clinical.Validation;
using NetPath.Storage;

namespace NetPath.Web.Application;

/// <summary>How a use case ended (decision 0430). Each kind has exactly one audit outcome, one problem document and one page message.</summary>
internal enum OutcomeKind
{
    Success,
    /// <summary>The input broke a rule; <see cref="Outcome{T}.Errors"/> name the fields.</summary>
    Invalid,
    /// <summary>The case itself is not valid (its reader's errors, JSON paths into the case).</summary>
    InvalidCase,
    /// <summary>The stored case cannot be assessed any more (knowledge changed): 422 with the reader's errors.</summary>
    StoredCaseInvalid,
    NotFound,
    /// <summary>A concurrent writer won the race.</summary>
    Conflict,
    /// <summary>The patient has no case version to assess yet.</summary>
    NoCase,
    /// <summary>If-Match named a version that is no longer current.</summary>
    PreconditionFailed,
    /// <summary>An edit came without If-Match: refused before anything is read, not audited (nothing was attempted).</summary>
    PreconditionRequired,
    /// <summary>The Idempotency-Key is malformed: refused before anything is stored, not audited.</summary>
    BadIdempotencyKey,
    /// <summary>The body is over the size limit: refused before it is read, not audited.</summary>
    TooLarge,
    /// <summary>The Idempotency-Key was used before with another request.</summary>
    KeyReused,
    Denied,
}

/// <summary>The result of one use-case call: a value on success, otherwise what went wrong, said once for every adapter.</summary>
internal sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyList<ValidationError> Errors, int? CurrentVersion = null)
{
    public bool Succeeded => Kind == OutcomeKind.Success;

    public static Outcome<T> Success(T value) => new(OutcomeKind.Success, value, []);

    public static Outcome<T> Failure(OutcomeKind kind, IReadOnlyList<ValidationError>? errors = null, int? currentVersion = null) =>
        new(kind, default, errors ?? [], currentVersion);

    /// <summary>The audit outcome of this kind, or null for refusals made before the use case began (no event).</summary>
    public string? AuditOutcome => Outcomes.AuditOf(Kind);
}

internal static class Outcomes
{
    public static string? AuditOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Success => AuditOutcomes.Success,
        OutcomeKind.Invalid or OutcomeKind.InvalidCase or OutcomeKind.StoredCaseInvalid or OutcomeKind.NoCase or OutcomeKind.KeyReused => AuditOutcomes.Invalid,
        OutcomeKind.NotFound => AuditOutcomes.NotFound,
        OutcomeKind.Conflict or OutcomeKind.PreconditionFailed => AuditOutcomes.Conflict,
        OutcomeKind.Denied => AuditOutcomes.Denied,
        _ => null,
    };

    /// <summary>The failure a storage write status stands for, or null when it is a success.</summary>
    public static OutcomeKind? OfWrite(WriteStatus status) => status switch
    {
        WriteStatus.NotFound => OutcomeKind.NotFound,
        WriteStatus.PreconditionFailed => OutcomeKind.PreconditionFailed,
        WriteStatus.Conflict => OutcomeKind.Conflict,
        WriteStatus.KeyReused => OutcomeKind.KeyReused,
        WriteStatus.NoCase => OutcomeKind.NoCase,
        WriteStatus.Invalid => OutcomeKind.Invalid,
        _ => null,
    };

    /// <summary>What a page says for a failure, in the words of the person using it.</summary>
    public static string Message(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Invalid or OutcomeKind.InvalidCase => "The case is not valid; fix the fields marked.",
        OutcomeKind.StoredCaseInvalid => "The stored case can no longer be assessed; open it and correct the fields marked.",
        OutcomeKind.NotFound => "The record no longer exists.",
        OutcomeKind.Conflict or OutcomeKind.PreconditionFailed => "Someone else changed this record meanwhile: reload the page and enter the change again.",
        OutcomeKind.NoCase => "The record has no case to assess yet.",
        OutcomeKind.Denied => "This account may not do this.",
        _ => "The request could not be completed.",
    };
}
