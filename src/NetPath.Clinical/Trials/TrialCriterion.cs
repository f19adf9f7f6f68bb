using System.Text.Json.Serialization;

namespace NetPath.Clinical.Trials;

/// <summary>
/// One eligibility criterion, always phrased as what the patient must satisfy: an exclusion
/// "prior PRRT" becomes "no PRRT before" with <see cref="Section"/> Exclusion, and an exclusion
/// threshold "creatinine clearance &lt; 70" becomes "at least 70". One flat shape for every kind
/// keeps the trial set file simple and lets a coordinator's correction replace a criterion whole.
/// </summary>
public sealed record TrialCriterion
{
    /// <summary>Stable within the trial, the key of a coordinator's correction: "ki67", "lab.platelets", "prior-excluded.1", "text.exclusion-4".</summary>
    public required string Id { get; init; }
    public required CriterionKind Kind { get; init; }
    public required CriterionSection Section { get; init; }
    /// <summary>The sentence it came from (<see cref="EligibilitySentence.Id"/>); null when it came from a registry field or the curated block without a matching sentence.</summary>
    public string? SentenceId { get; init; }
    /// <summary>The words it came from: the sentence, the registry field ("minimumAge: 18 Years") or the curated item.</summary>
    public required string Source { get; init; }
    public required CriterionOrigin Origin { get; init; }
    /// <summary>Codes the criterion is about: sites, grades, differentiation, care codes of therapies, germline syndromes, sexes, conditions.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
    public double? Min { get; init; }
    public bool MinInclusive { get; init; } = true;
    public double? Max { get; init; }
    public bool MaxInclusive { get; init; } = true;
    /// <summary>For <see cref="CriterionKind.Lab"/>: which value of the case.</summary>
    public LabAnalyte? Analyte { get; init; }
    /// <summary>For a required prior therapy: the course must have ended with progression.</summary>
    public bool RequiresProgression { get; init; }
    /// <summary>Anything the structure does not carry that a person must still check ("or CrCl ≥ 50 mL/min", "2-4 cycles").</summary>
    public string? Note { get; init; }
}

public enum CriterionSection
{
    [JsonStringEnumMemberName("inclusion")] Inclusion,
    [JsonStringEnumMemberName("exclusion")] Exclusion,
    /// <summary>From a structured registry field (age limits, sex, conditions), not from the text.</summary>
    [JsonStringEnumMemberName("registry")] Registry,
}

public enum CriterionOrigin
{
    /// <summary>A structured field of the registry record.</summary>
    [JsonStringEnumMemberName("registry-field")] RegistryField,
    /// <summary>The curated NET block (x_net) of the record.</summary>
    [JsonStringEnumMemberName("curated")] Curated,
    /// <summary>Read from the eligibility text by the parser.</summary>
    [JsonStringEnumMemberName("parsed-text")] ParsedText,
    /// <summary>A sentence no rule could read: kept as it is, to check by hand.</summary>
    [JsonStringEnumMemberName("free-text")] FreeText,
    /// <summary>Set by a trial coordinator's correction.</summary>
    [JsonStringEnumMemberName("correction")] Correction,
}

public enum CriterionKind
{
    /// <summary>The trial's conditions must cover a neuroendocrine neoplasm.</summary>
    [JsonStringEnumMemberName("condition")] Condition,
    /// <summary>Primary site in <see cref="TrialCriterion.Values"/> (site codes of <see cref="TrialSites"/>).</summary>
    [JsonStringEnumMemberName("primary-site")] PrimarySite,
    /// <summary>Differentiation in Values: well, poor.</summary>
    [JsonStringEnumMemberName("differentiation")] Differentiation,
    /// <summary>Grade in Values: G1, G2, G3, typical-carcinoid, atypical-carcinoid.</summary>
    [JsonStringEnumMemberName("grade")] Grade,
    /// <summary>Ki-67 between Min and Max percent.</summary>
    [JsonStringEnumMemberName("ki67")] Ki67,
    /// <summary>Somatostatin receptor imaging positive.</summary>
    [JsonStringEnumMemberName("sstr-positive")] SstrPositive,
    /// <summary>Disease extent in Values: advanced (unresectable or metastatic) or resected (R0/R1).</summary>
    [JsonStringEnumMemberName("disease-extent")] DiseaseExtent,
    /// <summary>Disease progressing; Max = within that many months, when stated.</summary>
    [JsonStringEnumMemberName("progression")] Progression,
    /// <summary>RECIST-measurable disease: the case does not record it, always checked by hand.</summary>
    [JsonStringEnumMemberName("measurable-disease")] MeasurableDisease,
    /// <summary>A prior therapy among the care codes in Values must have been given (with progression when RequiresProgression).</summary>
    [JsonStringEnumMemberName("prior-therapy-required")] PriorTherapyRequired,
    /// <summary>None of the care codes in Values may have been given.</summary>
    [JsonStringEnumMemberName("prior-therapy-excluded")] PriorTherapyExcluded,
    /// <summary>Number of prior systemic therapies between Min and Max.</summary>
    [JsonStringEnumMemberName("prior-systemic-lines")] PriorSystemicLines,
    /// <summary>ECOG performance status at most Max.</summary>
    [JsonStringEnumMemberName("ecog")] Ecog,
    /// <summary>Karnofsky or Lansky score at least Min: the case records ECOG only, so it is checked by hand.</summary>
    [JsonStringEnumMemberName("performance-score")] PerformanceScore,
    /// <summary>Age in years between Min and Max.</summary>
    [JsonStringEnumMemberName("age")] Age,
    /// <summary>Sex in Values: female, male.</summary>
    [JsonStringEnumMemberName("sex")] Sex,
    /// <summary>A laboratory value (Analyte) between Min and Max, in the case's unit.</summary>
    [JsonStringEnumMemberName("lab")] Lab,
    /// <summary>Not pregnant (and not breastfeeding, which the case does not record).</summary>
    [JsonStringEnumMemberName("not-pregnant")] NotPregnant,
    /// <summary>None of the germline syndromes in Values.</summary>
    [JsonStringEnumMemberName("germline-excluded")] GermlineExcluded,
    /// <summary>One of the germline syndromes in Values.</summary>
    [JsonStringEnumMemberName("germline-required")] GermlineRequired,
    /// <summary>A sentence no rule reads: shown as "check by hand", never dropped.</summary>
    [JsonStringEnumMemberName("free-text")] FreeText,
}

/// <summary>The laboratory values of the case (contracts/case.md, labs.*) a trial can set limits on.</summary>
public enum LabAnalyte
{
    [JsonStringEnumMemberName("egfr")] Egfr,
    [JsonStringEnumMemberName("bilirubin")] Bilirubin,
    [JsonStringEnumMemberName("platelets")] Platelets,
    [JsonStringEnumMemberName("neutrophils")] Neutrophils,
    [JsonStringEnumMemberName("hemoglobin")] Hemoglobin,
    [JsonStringEnumMemberName("albumin")] Albumin,
}
