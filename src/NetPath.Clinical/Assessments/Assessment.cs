using System.Text.Json.Serialization;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Assessments;

/// <summary>
/// What the engine concludes from one case (contracts/assessment.md, schemaVersion "1"). Fields
/// may be added; a field named in the contract is never renamed or given another meaning.
/// </summary>
public sealed record Assessment
{
    public const string CurrentSchemaVersion = "1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string? CaseId { get; init; }
    public required string KnowledgeVersion { get; init; }
    public required Classification Classification { get; init; }
    public required Grade Grade { get; init; }
    public IReadOnlyList<StagingEntry> Staging { get; init; } = [];
    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];
    public IReadOnlyList<Contraindication> Contraindicated { get; init; } = [];
    public IReadOnlyList<WorkupItem> Workup { get; init; } = [];
    public IReadOnlyList<TeamRole> Team { get; init; } = [];
    public IReadOnlyList<FollowUpItem> FollowUp { get; init; } = [];
    public IReadOnlyList<MissingDatum> MissingData { get; init; } = [];
    public IReadOnlyList<Warning> Warnings { get; init; } = [];
    /// <summary>
    /// The pathway rules that fired, waited on a missing fact or nearly fired, for <c>--explain</c>.
    /// Not part of the JSON contract.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Pathways.RuleEvaluation> Explanation { get; init; } = [];
}

public sealed record Classification
{
    public required ClassificationFamily Family { get; init; }
    public required PrimarySite Site { get; init; }
    /// <summary>As given, or derived from differentiation and site; null when it cannot be derived.</summary>
    public HistologicType? HistologicType { get; init; }
    public required Differentiation Differentiation { get; init; }
    /// <summary>Whether a hormone syndrome is present; null when functionalSyndrome was not given.</summary>
    public bool? Functioning { get; init; }
    public FunctionalSyndrome? Syndrome { get; init; }
    /// <summary>Added field: the free-text site for primarySite "other".</summary>
    public string? OtherSite { get; init; }
}

public sealed record Grade
{
    public required GradeSystem System { get; init; }
    public required GradeValue Value { get; init; }
    public GradeValue? ByKi67 { get; init; }
    public GradeValue? ByMitoses { get; init; }
    public bool Discordant { get; init; }
    /// <summary>Added field: sentences a pathologist can check ("G2: Ki-67 8.5 % is 3 to 20 %").</summary>
    public IReadOnlyList<string> Basis { get; init; } = [];
    /// <summary>Added field: the GAPP score for pheochromocytoma and paraganglioma, where its inputs are given.</summary>
    public GappScore? Gapp { get; init; }
}

/// <summary>
/// The GAPP total (0 to 10) and its category. With inputs missing, <see cref="Score"/> is the
/// least and <see cref="MaxScore"/> the most the total can be, <see cref="Complete"/> is false, and
/// <see cref="Category"/> is null unless every possible total falls in one category.
/// </summary>
public sealed record GappScore(int Score, int MaxScore, GappCategory? Category, bool Complete);

public sealed record StagingEntry
{
    /// <summary>AJCC8 or ENETS.</summary>
    public required string System { get; init; }
    public string? T { get; init; }
    public string? N { get; init; }
    public string? M { get; init; }
    public string? Group { get; init; }
    public required bool Stageable { get; init; }
    public IReadOnlyList<string> Basis { get; init; } = [];
    /// <summary>Added field: the chapter applied, e.g. "AJCC 8 ch. 34 Neuroendocrine tumors of the pancreas".</summary>
    public string? Chapter { get; init; }
}

public sealed record Recommendation
{
    public required string Code { get; init; }
    public required string Category { get; init; }
    public required Strength Strength { get; init; }
    public required Intent Intent { get; init; }
    public int? Line { get; init; }
    public required string Rationale { get; init; }
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public IReadOnlyList<string> Cautions { get; init; } = [];
    /// <summary>Added field: the facts that would change this recommendation.</summary>
    public IReadOnlyList<string> WouldChange { get; init; } = [];
    /// <summary>Added field: the pathway rule that made this recommendation (knowledge/&lt;version&gt;/pathways).</summary>
    public string? RuleId { get; init; }
    /// <summary>
    /// Added field, only on <c>trial.consider</c> and only when trials were matched: the open trials
    /// the patient is eligible or possibly eligible for, best first. Absent from the JSON otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TrialReference>? Trials { get; init; }
}

/// <summary>A trial named in the plan: which one, how well the case fits, and the facts still missing.</summary>
/// <param name="NctId">The registry number.</param>
/// <param name="Title">The brief title.</param>
/// <param name="Acronym">The short name, when the trial has one.</param>
/// <param name="Phase">"Phase 3", "Phase 1/2".</param>
/// <param name="Fit">eligible or possibly-eligible.</param>
/// <param name="MissingFacts">The facts still needed, in words.</param>
public sealed record TrialReference(string NctId, string Title, string? Acronym, string Phase, string Fit, IReadOnlyList<string> MissingFacts);

public sealed record Evidence(string Source, EvidenceKind Kind);

public sealed record Contraindication
{
    public required string Code { get; init; }
    public required string Reason { get; init; }
    /// <summary>Added field: the source of the rule that rules the option out.</summary>
    public string? Source { get; init; }
    /// <summary>Added field: the pathway rule that rules the option out.</summary>
    public string? RuleId { get; init; }
}

public sealed record WorkupItem
{
    public required string Code { get; init; }
    public required string Reason { get; init; }
}

public sealed record FollowUpItem
{
    public required string Test { get; init; }
    public double? EveryMonths { get; init; }
    public string? Note { get; init; }
    /// <summary>Added field: for how many years this schedule runs, where the guideline says.</summary>
    public int? ForYears { get; init; }
    /// <summary>Added field: the source of the schedule.</summary>
    public string? Source { get; init; }
}

public sealed record MissingDatum(string Field, string Why);

public sealed record Warning(string Code, string Message);

public enum ClassificationFamily
{
    [JsonStringEnumMemberName("gep-net"), Label("Gastroenteropancreatic neuroendocrine neoplasm")] GepNet,
    [JsonStringEnumMemberName("lung-net"), Label("Lung neuroendocrine neoplasm")] LungNet,
    [JsonStringEnumMemberName("ppgl"), Label("Phaeochromocytoma or paraganglioma")] Ppgl,
    [JsonStringEnumMemberName("unknown-primary"), Label("Neuroendocrine neoplasm of unknown primary")] UnknownPrimary,
    [JsonStringEnumMemberName("other"), Label("Neuroendocrine neoplasm of another site")] Other,
}

public enum GradeSystem
{
    [JsonStringEnumMemberName("WHO-2019"), Label("WHO 2019")] Who2019,
    [JsonStringEnumMemberName("WHO-2021-thoracic"), Label("WHO 2021 thoracic")] Who2021Thoracic,
    [JsonStringEnumMemberName("GAPP"), Label("GAPP")] Gapp,
    [JsonStringEnumMemberName("none"), Label("No grading system")] None,
}

public enum GradeValue
{
    [JsonStringEnumMemberName("G1"), Label("G1")] G1,
    [JsonStringEnumMemberName("G2"), Label("G2")] G2,
    [JsonStringEnumMemberName("G3"), Label("G3")] G3,
    [JsonStringEnumMemberName("NEC"), Label("Neuroendocrine carcinoma")] Nec,
    [JsonStringEnumMemberName("typical-carcinoid"), Label("Typical carcinoid")] TypicalCarcinoid,
    [JsonStringEnumMemberName("atypical-carcinoid"), Label("Atypical carcinoid")] AtypicalCarcinoid,
    [JsonStringEnumMemberName("high-grade-carcinoma"), Label("High-grade neuroendocrine carcinoma")] HighGradeCarcinoma,
    [JsonStringEnumMemberName("not-applicable"), Label("Not applicable")] NotApplicable,
    [JsonStringEnumMemberName("unknown"), Label("Not yet known")] Unknown,
}

public enum GappCategory
{
    [JsonStringEnumMemberName("well-differentiated"), Label("Well differentiated")] WellDifferentiated,
    [JsonStringEnumMemberName("moderately-differentiated"), Label("Moderately differentiated")] ModeratelyDifferentiated,
    [JsonStringEnumMemberName("poorly-differentiated"), Label("Poorly differentiated")] PoorlyDifferentiated,
}

public enum Strength
{
    [JsonStringEnumMemberName("preferred"), Label("Preferred")] Preferred,
    [JsonStringEnumMemberName("alternative"), Label("Alternative")] Alternative,
    [JsonStringEnumMemberName("consider"), Label("Consider")] Consider,
}

public enum Intent
{
    [JsonStringEnumMemberName("curative"), Label("Curative")] Curative,
    [JsonStringEnumMemberName("disease-control"), Label("Disease control")] DiseaseControl,
    [JsonStringEnumMemberName("symptom-control"), Label("Symptom control")] SymptomControl,
    [JsonStringEnumMemberName("supportive"), Label("Supportive care")] Supportive,
    [JsonStringEnumMemberName("diagnostic"), Label("Diagnosis")] Diagnostic,
}

public enum EvidenceKind
{
    [JsonStringEnumMemberName("guideline"), Label("Guideline")] Guideline,
    [JsonStringEnumMemberName("trial"), Label("Clinical trial")] Trial,
    [JsonStringEnumMemberName("label"), Label("Drug label")] Label,
    [JsonStringEnumMemberName("study"), Label("Study")] Study,
    [JsonStringEnumMemberName("convention"), Label("Expert convention")] Convention,
}

public enum TeamRole
{
    [JsonStringEnumMemberName("medical-oncology"), Label("Medical oncology")] MedicalOncology,
    [JsonStringEnumMemberName("surgery"), Label("Surgery")] Surgery,
    [JsonStringEnumMemberName("gastroenterology"), Label("Gastroenterology")] Gastroenterology,
    [JsonStringEnumMemberName("endocrinology"), Label("Endocrinology")] Endocrinology,
    [JsonStringEnumMemberName("interventional-radiology"), Label("Interventional radiology")] InterventionalRadiology,
    [JsonStringEnumMemberName("nuclear-medicine"), Label("Nuclear medicine")] NuclearMedicine,
    [JsonStringEnumMemberName("radiology"), Label("Radiology")] Radiology,
    [JsonStringEnumMemberName("pathology"), Label("Pathology")] Pathology,
    [JsonStringEnumMemberName("radiation-oncology"), Label("Radiation oncology")] RadiationOncology,
    [JsonStringEnumMemberName("cardiology"), Label("Cardiology")] Cardiology,
    [JsonStringEnumMemberName("genetics"), Label("Clinical genetics")] Genetics,
    [JsonStringEnumMemberName("nutrition"), Label("Nutrition and dietetics")] Nutrition,
    [JsonStringEnumMemberName("palliative-care"), Label("Palliative care")] PalliativeCare,
    [JsonStringEnumMemberName("psychosocial"), Label("Psychosocial support")] Psychosocial,
    [JsonStringEnumMemberName("nursing"), Label("Specialist nursing")] Nursing,
}
