using System.Text.Json.Serialization;

namespace NetPath.Clinical.Trials;

public enum TrialFit
{
    /// <summary>Every criterion the case can answer is met; criteria to check by hand may remain.</summary>
    [JsonStringEnumMemberName("eligible")] Eligible,
    /// <summary>Nothing fails, but facts the case does not hold are needed.</summary>
    [JsonStringEnumMemberName("possibly-eligible")] PossiblyEligible,
    /// <summary>At least one criterion fails on the case's facts.</summary>
    [JsonStringEnumMemberName("not-eligible")] NotEligible,
}

public enum CriterionOutcome
{
    [JsonStringEnumMemberName("met")] Met,
    [JsonStringEnumMemberName("not-met")] NotMet,
    /// <summary>The case could hold the fact but does not.</summary>
    [JsonStringEnumMemberName("missing")] Missing,
    /// <summary>The case cannot hold the fact, or the criterion is free text: a person checks it.</summary>
    [JsonStringEnumMemberName("check-by-hand")] CheckByHand,
}

/// <summary>One criterion of a trial against one case; the explanation is worded from the case's facts and built only when read.</summary>
public sealed class CriterionResult
{
    private readonly TrialPatient patient;
    private string? explanation;

    internal CriterionResult(TrialCriterion criterion, CriterionOutcome outcome, TrialPatient patient, string? missingFact)
    {
        Criterion = criterion;
        Outcome = outcome;
        this.patient = patient;
        MissingFact = missingFact;
    }

    public TrialCriterion Criterion { get; }
    public CriterionOutcome Outcome { get; }
    /// <summary>For <see cref="CriterionOutcome.Missing"/>: the fact to find out, in words ("Ki-67").</summary>
    public string? MissingFact { get; }
    /// <summary>What the trial asks, in words ("Ki-67 from 10 to 55 %").</summary>
    public string Requirement => CriterionWords.Requirement(Criterion);
    /// <summary>Why the criterion is met, not met, missing or to check, in the case's own facts.</summary>
    public string Explanation => explanation ??= CriterionWords.Explain(Criterion, Outcome, patient);
}

/// <summary>A fact the case lacks, the criteria waiting on it, and whether it alone would settle the trial.</summary>
/// <param name="Fact">The fact in words ("SSTR imaging").</param>
/// <param name="Needed">What the trial needs of it ("somatostatin receptor-positive disease on imaging").</param>
/// <param name="Decides">True when it is the only fact missing: knowing it settles eligible or not (criteria to check by hand aside).</param>
public sealed record MissingFact(string Fact, IReadOnlyList<string> Needed, bool Decides);

/// <summary>One trial for one case: its fit, each criterion's result, and how near its nearest site is.</summary>
public sealed class TrialMatch
{
    internal TrialMatch(Trial trial, TrialFit fit, IReadOnlyList<CriterionResult> results, double? nearestKm, TrialSite? nearestSite)
    {
        Trial = trial;
        Fit = fit;
        Results = results;
        NearestSiteKm = nearestKm;
        NearestSite = nearestSite;
    }

    public Trial Trial { get; }
    public TrialFit Fit { get; }
    public IReadOnlyList<CriterionResult> Results { get; }
    public double? NearestSiteKm { get; }
    public TrialSite? NearestSite { get; }

    public IEnumerable<CriterionResult> Failing => Results.Where(r => r.Outcome == CriterionOutcome.NotMet);
    public IEnumerable<CriterionResult> ToCheckByHand => Results.Where(r => r.Outcome == CriterionOutcome.CheckByHand);

    /// <summary>The missing facts, one entry per fact however many criteria wait on it.</summary>
    public IReadOnlyList<MissingFact> MissingFacts
    {
        get
        {
            var groups = Results.Where(r => r.Outcome == CriterionOutcome.Missing)
                .GroupBy(r => r.MissingFact ?? r.Criterion.Id, StringComparer.Ordinal).ToList();
            var decides = Fit == TrialFit.PossiblyEligible && groups.Count == 1;
            return [.. groups.Select(g => new MissingFact(g.Key, [.. g.Select(r => r.Requirement).Distinct(StringComparer.Ordinal)], decides))];
        }
    }
}

/// <summary>Where the clinic is, to list trials with a site nearby first.</summary>
/// <param name="Clinic">The clinic's position; null lists trials without regard to distance.</param>
/// <param name="NearKm">A site within this distance counts as near.</param>
/// <param name="OpenOnly">Only trials open to recruitment (the default); false also lists closed and unknown-status trials, after the open ones.</param>
public sealed record TrialMatchOptions(GeoPoint? Clinic = null, double NearKm = 250, bool OpenOnly = true);
