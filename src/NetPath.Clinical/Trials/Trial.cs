using System.Text.Json.Serialization;

namespace NetPath.Clinical.Trials;

/// <summary>
/// One clinical trial as NetPath matches it: identity, status, phase, conditions, sites and the
/// eligibility read into criteria, each tied to the sentence of the record it came from.
/// Built only by <see cref="TrialImporter"/> (or read back from a trial set file it wrote).
/// </summary>
public sealed record Trial
{
    /// <summary>The registry identifier, NCT followed by 8 digits.</summary>
    public required string NctId { get; init; }
    public required string Title { get; init; }
    public string? Acronym { get; init; }
    /// <summary>The registry's overallStatus as given (RECRUITING, COMPLETED, ...); null when the record does not say.</summary>
    public string? OverallStatus { get; init; }
    /// <summary>When the status was last verified or seen (the registry's statusVerifiedDate, or the curated set's note).</summary>
    public string? StatusAsOf { get; init; }
    /// <summary>Registry phase codes (PHASE1, PHASE2, ...); Phase 1/2 is two entries.</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public IReadOnlyList<string> Interventions { get; init; } = [];
    public string? Sponsor { get; init; }
    public IReadOnlyList<TrialSite> Sites { get; init; } = [];
    /// <summary>Every sentence of the eligibility text, in order; none is dropped.</summary>
    public IReadOnlyList<EligibilitySentence> Sentences { get; init; } = [];
    /// <summary>The criteria the matcher evaluates: structured ones and "check by hand" ones.</summary>
    public IReadOnlyList<TrialCriterion> Criteria { get; init; } = [];
    public TrialProvenance Provenance { get; init; } = new();

    /// <summary>Open to new patients: recruiting, or about to (sorted after recruiting ones).</summary>
    [JsonIgnore]
    public bool IsOpen => OverallStatus is TrialStatuses.Recruiting or TrialStatuses.NotYetRecruiting or TrialStatuses.EnrollingByInvitation;

    /// <summary>The highest phase number (4 for PHASE4, 0.5 for EARLY_PHASE1, 0 for NA or none).</summary>
    [JsonIgnore]
    public double HighestPhase
    {
        get
        {
            double highest = 0;
            foreach (var phase in Phases) highest = Math.Max(highest, TrialStatuses.PhaseNumber(phase));
            return highest;
        }
    }

    /// <summary>"Phase 1/2", "Phase 3", "no phase": as the registry's pages spell it.</summary>
    [JsonIgnore]
    public string PhaseLabel
    {
        get
        {
            var numbers = Phases.Select(TrialStatuses.PhaseNumber).Where(n => n > 0).Order().ToList();
            if (numbers.Count == 0) return "no phase";
            if (numbers is [0.5]) return "Early phase 1";
            return "Phase " + string.Join("/", numbers.Select(n => n.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

/// <summary>A site of the trial; the position is what the registry geocoded, when it did.</summary>
public sealed record TrialSite(string? Facility, string? City, string? Country, string? Status, double? Latitude, double? Longitude);

/// <summary>Where the record came from and how far to trust it.</summary>
public sealed record TrialProvenance
{
    /// <summary>The file (and index in it) the record was imported from.</summary>
    public string? ImportedFrom { get; init; }
    /// <summary>The registry's data snapshot date (derivedSection.miscInfoModule.versionHolder), when present.</summary>
    public string? RegistryVersion { get; init; }
    /// <summary>True when the eligibility text is a paraphrase, not the registry's words (the shipped demo set).</summary>
    public bool EligibilityTextIsParaphrase { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> UncertainFields { get; init; } = [];
    /// <summary>Warnings a reader must see (the status is dated; the text is paraphrased).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One sentence (bullet, numbered item or note) of the eligibility text.</summary>
/// <param name="Id">Stable within the trial: "inclusion-3", "exclusion-1".</param>
/// <param name="Section">Whether it sits under the inclusion or the exclusion heading.</param>
/// <param name="Text">The words of the record, markdown escapes removed.</param>
public sealed record EligibilitySentence(string Id, CriterionSection Section, string Text);

public static class TrialStatuses
{
    public const string Recruiting = "RECRUITING";
    public const string NotYetRecruiting = "NOT_YET_RECRUITING";
    public const string EnrollingByInvitation = "ENROLLING_BY_INVITATION";

    public static double PhaseNumber(string phase) => phase switch
    {
        "EARLY_PHASE1" => 0.5,
        "PHASE1" => 1,
        "PHASE2" => 2,
        "PHASE3" => 3,
        "PHASE4" => 4,
        _ => 0,
    };

    /// <summary>Sort rank: recruiting first, then not yet recruiting, then by invitation, then the rest.</summary>
    public static int Rank(string? status) => status switch
    {
        Recruiting => 0,
        NotYetRecruiting => 1,
        EnrollingByInvitation => 2,
        _ => 3,
    };

    /// <summary>The status in words, for people.</summary>
    public static string Label(string? status) => status switch
    {
        null => "status not known",
        Recruiting => "recruiting",
        NotYetRecruiting => "not yet recruiting",
        EnrollingByInvitation => "enrolling by invitation",
        "ACTIVE_NOT_RECRUITING" => "active, not recruiting",
        "COMPLETED" => "completed",
        "SUSPENDED" => "suspended",
        "TERMINATED" => "terminated",
        "WITHDRAWN" => "withdrawn",
        _ => status.Replace('_', ' ').ToLowerInvariant(),
    };
}
