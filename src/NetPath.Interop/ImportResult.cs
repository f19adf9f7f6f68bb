using Hl7.Fhir.Model;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Validation;

namespace NetPath.Interop;

/// <summary>Where a case fact came from: a resource ("Observation/ki67") and the FHIRPath of the element read.</summary>
public sealed record FhirOrigin(string Resource, string Expression);

/// <summary>An element of the bundle NetPath did not put into the case, and why. Never dropped in silence.</summary>
public sealed record UnmappedElement(string Resource, string Expression, string Why);

/// <summary>A case error traced back to the resources whose facts it concerns.</summary>
public sealed record TracedError(ValidationError Error, IReadOnlyList<FhirOrigin> Origins);

/// <summary>
/// The outcome of reading a FHIR bundle as a case: either not valid FHIR (<see cref="FhirErrors"/>,
/// an OperationOutcome naming each path), or a case that is valid or carries the case's own
/// validation errors traced to their resources. Unmapped elements are reported in every outcome.
/// </summary>
public sealed class FhirImportResult
{
    internal FhirImportResult(OperationOutcome? fhirErrors, CaseDto? wire, CaseReadResult? read,
        IReadOnlyList<UnmappedElement> unmapped, IReadOnlyDictionary<string, IReadOnlyList<FhirOrigin>> origins, IReadOnlyList<TracedError> caseErrors, ImportedPerson? person)
    {
        Person = person;
        FhirErrors = fhirErrors;
        Wire = wire;
        Read = read;
        Unmapped = unmapped;
        Origins = origins;
        CaseErrors = caseErrors;
    }

    /// <summary>Set when the input is not valid FHIR R4 or not a bundle NetPath reads; nothing else is then set.</summary>
    public OperationOutcome? FhirErrors { get; }
    /// <summary>The case as built from the bundle (contracts/case.md wire form), valid or not.</summary>
    public CaseDto? Wire { get; }
    public CaseReadResult? Read { get; }
    public Case? Case => Read?.Case;
    public bool IsValid => FhirErrors is null && Read is { IsValid: true };
    public IReadOnlyList<UnmappedElement> Unmapped { get; }
    /// <summary>Case field path to the resources it was read from.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FhirOrigin>> Origins { get; }
    public IReadOnlyList<TracedError> CaseErrors { get; }
    /// <summary>Who the bundle is about (name, birth date, record number), for storing the patient; null without a Patient.</summary>
    public ImportedPerson? Person { get; }

    /// <summary>
    /// Everything as one OperationOutcome: FHIR errors, or case errors (error, with the case path and
    /// the resources), and each unmapped element (information).
    /// </summary>
    public OperationOutcome ToOperationOutcome()
    {
        if (FhirErrors is not null) return FhirErrors;
        var outcome = new OperationOutcome();
        foreach (var traced in CaseErrors)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = traced.Error.Code.StartsWith("contradiction", StringComparison.Ordinal) ? OperationOutcome.IssueType.BusinessRule : OperationOutcome.IssueType.Invalid,
                Details = new CodeableConcept(FhirSystems.NetPathBase + "/CodeSystem/case-error", traced.Error.Code, traced.Error.Message),
                Diagnostics = traced.Error.Allowed is null ? traced.Error.Message : $"{traced.Error.Message} Allowed: {traced.Error.Allowed}.",
                Expression = traced.Origins.Count == 0 ? ["case." + traced.Error.Path] : [.. traced.Origins.Select(o => o.Expression)],
                Location = traced.Origins.Select(o => o.Resource).Distinct(StringComparer.Ordinal).ToList(),
            });
        }
        foreach (var u in Unmapped)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.NotSupported,
                Diagnostics = u.Why,
                Expression = [u.Expression],
                Location = [u.Resource],
            });
        }
        return outcome;
    }
}
