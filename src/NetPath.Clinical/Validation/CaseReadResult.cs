using System.Diagnostics.CodeAnalysis;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Validation;

/// <summary>
/// The outcome of reading a case: either a valid <see cref="Case"/> or every error found, never
/// both. Invalid input is a value, not an exception.
/// </summary>
public sealed class CaseReadResult
{
    private CaseReadResult(Case? value, IReadOnlyList<ValidationError> errors, string? caseId)
    {
        Case = value;
        Errors = errors;
        CaseId = caseId;
    }

    public Case? Case { get; }
    public IReadOnlyList<ValidationError> Errors { get; }
    /// <summary>The case's id where it could be read, so a batch can say which case was bad.</summary>
    public string? CaseId { get; }
    /// <summary>True when <see cref="Case"/> is there to use (the compiler then knows it is not null).</summary>
    [MemberNotNullWhen(true, nameof(Case))]
    public bool IsValid => Case is not null;

    public static CaseReadResult Valid(Case value) => new(value, [], value.Id);

    public static CaseReadResult Invalid(IReadOnlyList<ValidationError> errors, string? caseId) =>
        errors.Count == 0 ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors)) : new(null, errors, caseId);
}
