using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Validation;

namespace NetPath.Interop;

/// <summary>One pass over one bundle, building the case's wire form and recording where each fact came from.</summary>
internal sealed partial class BundleReader
{
    // A fact NetPath wrote itself (case-fact system) is exact; a standard code read through a table ranks below it.
    private const int Standard = 1;
    private const int Exact = 2;
    private const int Derived = 3;

    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal) { "resourceType", "id", "meta", "text", "subject", "patient", "status" };

    private readonly Bundle bundle;
    private readonly DateOnly assessmentDate;
    private readonly JsonObject root = new();
    private readonly Dictionary<string, List<FhirOrigin>> origins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Held> held = new(StringComparer.Ordinal);
    private readonly List<ValidationError> conflicts = [];
    private readonly List<UnmappedElement> unmapped = [];
    private readonly Dictionary<string, Medication> medications = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedMedications = new(StringComparer.Ordinal);
    private readonly List<Therapy> therapies = [];
    private readonly List<TnmCandidate> tnm = [];
    private readonly HashSet<string> patientRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> primaryRefs = new(StringComparer.Ordinal);
    private string? primaryConditionId;

    private sealed record Held(JsonNode? Value, int Priority, string? When, FhirOrigin Origin);

    private sealed record Therapy(string Code, string? Outcome, DateOnly? Start, DateOnly? End, FhirOrigin Origin, bool Merge);

    private sealed record TnmCandidate(char Letter, string Value, bool Pathological, string? When, FhirOrigin Origin);

    public BundleReader(Bundle bundle, DateOnly assessmentDate)
    {
        this.bundle = bundle;
        this.assessmentDate = assessmentDate;
    }

    public IReadOnlyList<UnmappedElement> Unmapped => unmapped;

    public IReadOnlyDictionary<string, IReadOnlyList<FhirOrigin>> Origins =>
        origins.ToDictionary(p => p.Key, p => (IReadOnlyList<FhirOrigin>)p.Value, StringComparer.Ordinal);

    public ImportedPerson? Person { get; private set; }

    /// <summary>The resources a case error concerns: the field itself, the fields under it, or the nearest field above it.</summary>
    public IReadOnlyList<FhirOrigin> OriginsOf(string path)
    {
        var found = origins.Where(p => p.Key == path || p.Key.StartsWith(path + ".", StringComparison.Ordinal) || p.Key.StartsWith(path + "[", StringComparison.Ordinal))
            .SelectMany(p => p.Value).Distinct().ToList();
        if (found.Count > 0) return found;
        for (var cut = path.LastIndexOfAny(['.', '[']); cut > 0; cut = path.LastIndexOfAny(['.', '['], cut - 1))
        {
            if (origins.TryGetValue(path[..cut], out var above)) return above;
        }
        return [];
    }

    /// <summary>Reads every entry; returns an OperationOutcome when the bundle cannot be one patient's case.</summary>
    public OperationOutcome? Run()
    {
        var patients = bundle.Entry.Select((e, i) => (e, i)).Where(x => x.e.Resource is Hl7.Fhir.Model.Patient).ToList();
        if (patients.Count > 1)
        {
            return new OperationOutcome
            {
                Issue = [.. patients.Skip(1).Select(p => new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = OperationOutcome.IssueType.BusinessRule,
                    Diagnostics = "The bundle holds more than one Patient; a NetPath case is one patient's.",
                    Expression = [$"Bundle.entry[{p.i}].resource"],
                })],
            };
        }
        foreach (var (e, i) in patients)
        {
            var p = (Hl7.Fhir.Model.Patient)e.Resource!;
            if (!string.IsNullOrEmpty(e.FullUrl)) patientRefs.Add(e.FullUrl);
            if (p.Id is { } id) patientRefs.Add("Patient/" + id);
        }
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is Condition condition && Classify(condition).Primary)
            {
                if (bundle.Entry[i].FullUrl is { Length: > 0 } url) primaryRefs.Add(url);
                if (condition.Id is { } id) primaryRefs.Add("Condition/" + id);
            }
            if (bundle.Entry[i].Resource is Medication m)
            {
                if (bundle.Entry[i].FullUrl is { Length: > 0 } url) medications[url] = m;
                if (m.Id is { } id) medications["Medication/" + id] = m;
            }
        }
        // A tumour BodyStructure related to the primary condition (mCODE Tumor) is the primary tumour.
        foreach (var e in bundle.Entry.Where(e => e.Resource is BodyStructure))
        {
            var related = ((BodyStructure)e.Resource!).Extension.FirstOrDefault(x => x.Url == FhirSystems.McodeBase + "mcode-related-condition")?.Value as ResourceReference;
            if (related?.Reference is not { } target || !primaryRefs.Contains(target)) continue;
            if (e.FullUrl is { Length: > 0 } url) primaryRefs.Add(url);
            if (e.Resource!.Id is { } id) primaryRefs.Add("BodyStructure/" + id);
        }
        var wrongSubject = new List<OperationOutcome.IssueComponent>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            var at = $"Bundle.entry[{i}].resource";
            if (entry.Resource is null)
            {
                unmapped.Add(new($"Bundle.entry[{i}]", $"Bundle.entry[{i}]", "The entry has no resource."));
                continue;
            }
            var label = Label(entry, i);
            var subject = SubjectOf(entry.Resource);
            if (subject is not null && patientRefs.Count > 0 && !patientRefs.Contains(subject))
            {
                wrongSubject.Add(new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = OperationOutcome.IssueType.BusinessRule,
                    Diagnostics = $"{label} is about '{subject}', not the bundle's patient.",
                    Expression = [at + ".subject"],
                });
                continue;
            }
            if (IsDerivedByNetPath(entry.Resource))
            {
                unmapped.Add(new(label, at, "NetPath's own conclusion (tagged derived): it is worked out again, never read back as input."));
                continue;
            }
            var origin = new FhirOrigin(label, at);
            switch (entry.Resource)
            {
                case Hl7.Fhir.Model.Patient p: ReadPatient(p, origin); break;
                case Condition c: ReadCondition(c, origin); break;
                case Observation o: ReadObservation(o, origin); break;
                case Procedure pr: ReadProcedure(pr, origin); break;
                case MedicationRequest mr: ReadMedicationRequest(mr, origin); break;
                case MedicationAdministration ma: ReadMedicationAdministration(ma, origin); break;
                case MedicationStatement ms: ReadMedicationStatement(ms, origin); break;
                case Medication: break;
                case BodyStructure b when primaryRefs.Contains("BodyStructure/" + b.Id) || primaryRefs.Contains(entry.FullUrl ?? ""):
                    unmapped.Add(new(label, at, "The primary tumour as a body structure: its site and histology are read from the primary condition, its size from the TumorSize observation."));
                    break;
                default:
                    unmapped.Add(new(label, at, $"NetPath does not read {entry.Resource.TypeName} resources."));
                    break;
            }
        }
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var e = bundle.Entry[i];
            if (e.Resource is Medication && !usedMedications.Contains(e.FullUrl ?? "") && !usedMedications.Contains("Medication/" + e.Resource.Id))
                unmapped.Add(new(Label(e, i), $"Bundle.entry[{i}].resource", "No medication order, administration or statement NetPath read refers to this Medication."));
        }
        if (wrongSubject.Count > 0) return new OperationOutcome { Issue = wrongSubject };
        FinishTnm();
        FinishTherapies();
        return null;
    }

    /// <summary>The wire case, with the errors found while reading kept for <see cref="Conflicts"/>.</summary>
    public CaseDto Build(string? caseId)
    {
        root["schemaVersion"] = Case.CurrentSchemaVersion;
        root["id"] = caseId ?? primaryConditionId ?? "fhir-import";
        root["assessmentDate"] = assessmentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return root.Deserialize(CaseJsonContext.Default.CaseDto)!;
    }

    public IReadOnlyList<ValidationError> Conflicts => conflicts;

    private static string Label(Bundle.EntryComponent entry, int i) =>
        entry.Resource?.Id is { } id ? $"{entry.Resource.TypeName}/{id}" : entry.FullUrl is { Length: > 0 } url ? url : $"Bundle.entry[{i}]";

    private static string? SubjectOf(Resource r) => r switch
    {
        Condition c => c.Subject?.Reference,
        Observation o => o.Subject?.Reference,
        Procedure p => p.Subject?.Reference,
        MedicationRequest m => m.Subject?.Reference,
        MedicationAdministration m => m.Subject?.Reference,
        MedicationStatement m => m.Subject?.Reference,
        _ => null,
    };

    private static bool IsDerivedByNetPath(Resource r) =>
        r.Meta?.Tag.Any(t => t.System == FhirSystems.TagSystem && t.Code == FhirSystems.DerivedTag) == true;

    /// <summary>Reports every element of <paramref name="r"/> that is neither metadata nor in <paramref name="read"/>.</summary>
    private void ReportRest(Resource r, FhirOrigin origin, string why, params string[] read)
    {
        foreach (var (name, _) in r.EnumerateElements())
        {
            if (Metadata.Contains(name) || read.Contains(name, StringComparer.Ordinal)) continue;
            unmapped.Add(new(origin.Resource, $"{origin.Expression}.{name}", why));
        }
    }

    private void Skip(FhirOrigin origin, string why, string? element = null) =>
        unmapped.Add(new(origin.Resource, element is null ? origin.Expression : $"{origin.Expression}.{element}", why));

    // ---- writing the wire case ----

    private void Set(string path, JsonNode? value, FhirOrigin origin, string? when, int priority = Standard)
    {
        if (held.TryGetValue(path, out var current))
        {
            var newer = string.CompareOrdinal(when ?? "", current.When ?? "");
            if (priority < current.Priority || (priority == current.Priority && newer < 0))
            {
                Skip(origin, $"Superseded for {path} by {current.Origin.Resource} (the case holds one value: the more exact, then the latest).");
                return;
            }
            if (priority == current.Priority && newer == 0)
            {
                if (JsonNode.DeepEquals(value, current.Value))
                {
                    Origin(path, origin);
                    return;
                }
                conflicts.Add(new ValidationError(ErrorCodes.InconsistentFacts, path,
                    $"{current.Origin.Resource} and {origin.Resource} give different values for {path} at the same time.", "one value"));
                Origin(path, origin);
                return;
            }
            Skip(current.Origin, $"Superseded for {path} by {origin.Resource} (the case holds one value: the more exact, then the latest).");
            origins.Remove(path);
        }
        held[path] = new Held(value?.DeepClone(), priority, when, origin);
        Write(path, value);
        Origin(path, origin);
    }

    private void Add(string path, string code, FhirOrigin origin)
    {
        var list = Parent(path, out var leaf)[leaf] as JsonArray;
        if (list is null)
        {
            list = [];
            Parent(path, out _)[leaf] = list;
        }
        if (!list.Any(n => n?.GetValue<string>() == code)) list.Add(code);
        Origin(path, origin);
    }

    private void Origin(string path, FhirOrigin origin)
    {
        if (!origins.TryGetValue(path, out var list)) origins[path] = list = [];
        if (!list.Contains(origin)) list.Add(origin);
    }

    private void Write(string path, JsonNode? value) => Parent(path, out var leaf)[leaf] = value?.DeepClone();

    private JsonObject Parent(string path, out string leaf)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (node[parts[i]] is not JsonObject next)
            {
                next = [];
                node[parts[i]] = next;
            }
            node = next;
        }
        leaf = parts[^1];
        return node;
    }

    // ---- dates ----

    internal static DateOnly? Day(string? fhirDate)
    {
        if (fhirDate is null || fhirDate.Length < 4) return null;
        var text = fhirDate.Length >= 10 ? fhirDate[..10] : fhirDate.Length >= 7 ? fhirDate[..7] + "-01" : fhirDate[..4] + "-01-01";
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static string? When(DataType? effective) => effective switch
    {
        FhirDateTime dt => dt.Value,
        Period p => p.End ?? p.Start,
        Instant i => i.Value?.ToString("o", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Who the bundle is about, for storing the patient record (never part of the case).</summary>
public sealed record ImportedPerson(string? DisplayName, DateOnly? BirthDate, string? RecordNumber);
