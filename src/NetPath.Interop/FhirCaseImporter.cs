using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Validation;

namespace NetPath.Interop;

/// <summary>
/// Reads a FHIR R4 Bundle (collection, transaction or searchset) of one patient's cancer data,
/// coded per mCODE STU4 where mCODE has a profile, into a NetPath case (decisions 0700 to 0702).
/// Every element not put into the case is reported with its path and why. Thread-safe.
/// </summary>
public sealed class FhirCaseImporter
{
    private static readonly FhirJsonDeserializer StrictDeserializer = new();

    private readonly NetPathEngine engine;

    public FhirCaseImporter(NetPathEngine engine) => this.engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>Parses and reads a bundle. Invalid FHIR gives <see cref="FhirImportResult.FhirErrors"/>, never an exception.</summary>
    /// <param name="json">The bundle as FHIR JSON.</param>
    /// <param name="assessmentDate">The date the case describes: the patient's age is taken on it.</param>
    /// <param name="caseId">The case id to give; the primary condition's id when null.</param>
    public FhirImportResult Import(string json, DateOnly assessmentDate, string? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        Resource resource;
        try
        {
            resource = StrictDeserializer.DeserializeResource(json);
        }
        catch (DeserializationFailedException ex)
        {
            return Failed(ToOutcome(ex));
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Failed(Outcome(OperationOutcome.IssueType.Structure, "The input is not well-formed JSON: " + ex.Message, ex.Path is null ? "Bundle" : ex.Path));
        }
        return resource is Bundle bundle
            ? Import(bundle, assessmentDate, caseId)
            : Failed(Outcome(OperationOutcome.IssueType.Invalid, $"Expected a Bundle, got a {resource.TypeName}.", "resourceType"));
    }

    /// <summary>Reads a bundle already parsed.</summary>
    public FhirImportResult Import(Bundle bundle, DateOnly assessmentDate, string? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Type is not (Bundle.BundleType.Collection or Bundle.BundleType.Transaction or Bundle.BundleType.Searchset))
            return Failed(Outcome(OperationOutcome.IssueType.NotSupported,
                $"Bundle.type '{bundle.Type?.ToString().ToLowerInvariant() ?? "(none)"}' is not read: NetPath reads collection, transaction and searchset bundles.", "Bundle.type"));
        var reader = new BundleReader(bundle, assessmentDate);
        var structural = reader.Run();
        if (structural is not null) return Failed(structural);
        var dto = reader.Build(caseId);
        var read = engine.Read(dto);
        if (reader.Conflicts.Count > 0)
            read = CaseReadResult.Invalid([.. reader.Conflicts, .. read.Errors], dto.Id);
        var traced = read.IsValid ? [] : read.Errors.Select(e => new TracedError(e, reader.OriginsOf(e.Path))).ToList();
        return new FhirImportResult(null, dto, read, reader.Unmapped, reader.Origins, traced, reader.Person);
    }

    /// <summary>Reads each entry's errors without stopping, for the OperationOutcome of a bundle that is not valid FHIR.</summary>
    private static OperationOutcome ToOutcome(DeserializationFailedException ex)
    {
        var outcome = new OperationOutcome();
        foreach (var e in ex.Exceptions)
        {
            var path = e is Hl7.Fhir.Utility.ExtendedCodedException x && !string.IsNullOrEmpty(x.InstancePath) ? x.InstancePath : "Bundle";
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Structure,
                Diagnostics = e.Message,
                Expression = [path],
            });
        }
        return outcome;
    }

    private static OperationOutcome Outcome(OperationOutcome.IssueType type, string message, string path) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = message, Expression = [path] }],
    };

    private static FhirImportResult Failed(OperationOutcome outcome) =>
        new(outcome, null, null, [], new Dictionary<string, IReadOnlyList<FhirOrigin>>(), [], null);
}
