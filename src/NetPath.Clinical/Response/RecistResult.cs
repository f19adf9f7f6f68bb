using System.Text.Json.Serialization;

namespace NetPath.Clinical.Response;

/// <summary>Target-lesion response at one follow-up study (Eisenhauer 2009 §4.3.1).</summary>
public enum TargetResponse
{
    [JsonStringEnumMemberName("CR")] CompleteResponse,
    [JsonStringEnumMemberName("PR")] PartialResponse,
    [JsonStringEnumMemberName("SD")] StableDisease,
    [JsonStringEnumMemberName("PD")] ProgressiveDisease,
    [JsonStringEnumMemberName("NE")] NotEvaluable,
}

/// <summary>Non-target response at one follow-up study (Eisenhauer 2009 §4.3.3).</summary>
public enum NonTargetResponse
{
    [JsonStringEnumMemberName("CR")] CompleteResponse,
    [JsonStringEnumMemberName("non-CR/non-PD")] NonCrNonPd,
    [JsonStringEnumMemberName("PD")] ProgressiveDisease,
    [JsonStringEnumMemberName("NE")] NotEvaluable,
}

/// <summary>Overall response at one time point (Eisenhauer 2009 Tables 1 and 2) and the best overall response.</summary>
public enum OverallResponse
{
    [JsonStringEnumMemberName("CR")] CompleteResponse,
    [JsonStringEnumMemberName("PR")] PartialResponse,
    [JsonStringEnumMemberName("SD")] StableDisease,
    /// <summary>Only for patients with non-target disease alone (Table 2).</summary>
    [JsonStringEnumMemberName("non-CR/non-PD")] NonCrNonPd,
    [JsonStringEnumMemberName("PD")] ProgressiveDisease,
    [JsonStringEnumMemberName("NE")] NotEvaluable,
}

/// <summary>What RECIST 1.1 makes of an imaging history: the baseline, each follow-up time point, and the best overall response.</summary>
public sealed record RecistResult
{
    public string? PatientId { get; init; }
    public required RecistBaseline Baseline { get; init; }
    public required IReadOnlyList<RecistTimePoint> TimePoints { get; init; }
    public required BestOverallResponse Best { get; init; }
    /// <summary>The first study judged PD, where there is one: the date a running course ends with progression.</summary>
    public DateOnly? ProgressionDate { get; init; }
}

public sealed record RecistBaseline
{
    public required DateOnly Date { get; init; }
    public required Modality Modality { get; init; }
    /// <summary>Sum of the longest diameters of non-nodal targets plus the short axes of nodal targets; null without target disease.</summary>
    public decimal? SumMm { get; init; }
    public required IReadOnlyList<string> TargetIds { get; init; }
    public required IReadOnlyList<string> NonTargetIds { get; init; }
    public required IReadOnlyList<string> Basis { get; init; }
}

public sealed record RecistTimePoint
{
    public required DateOnly Date { get; init; }
    public required Modality Modality { get; init; }
    /// <summary>Null when the baseline had no target lesion.</summary>
    public TargetResponse? Target { get; init; }
    /// <summary>Null when the baseline had no non-target lesion.</summary>
    public NonTargetResponse? NonTarget { get; init; }
    public required bool NewLesions { get; init; }
    public required OverallResponse Overall { get; init; }
    /// <summary>The sum of the target lesions; null when one was not measured or there is no target disease.</summary>
    public decimal? SumMm { get; init; }
    /// <summary>The smallest sum before this study (baseline included), against which PD is judged.</summary>
    public decimal? NadirMm { get; init; }
    /// <summary>Change of the sum from baseline, in percent (negative is shrinkage).</summary>
    public decimal? ChangeFromBaselinePercent { get; init; }
    /// <summary>Change of the sum from the nadir, in percent.</summary>
    public decimal? ChangeFromNadirPercent { get; init; }
    /// <summary>With confirmation required: whether a CR or PR here was confirmed by a later study; null otherwise.</summary>
    public bool? Confirmed { get; init; }
    /// <summary>True when PD was dated back to this study because an equivocal new lesion seen here was confirmed later.</summary>
    public bool DatedBack { get; init; }
    /// <summary>The response in one line, with its numbers ("PD: sum 76 mm is 21 % over the nadir of 63 mm, and 13 mm more").</summary>
    public required string Summary { get; init; }
    /// <summary>Every step, in sentences a radiologist can check.</summary>
    public required IReadOnlyList<string> Basis { get; init; }
}

public sealed record BestOverallResponse
{
    public required OverallResponse Response { get; init; }
    /// <summary>The study that set it; null when no follow-up study could.</summary>
    public DateOnly? Date { get; init; }
    public required IReadOnlyList<string> Basis { get; init; }
}
