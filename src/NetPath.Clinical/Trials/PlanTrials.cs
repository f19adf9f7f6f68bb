using NetPath.Clinical.Assessments;

namespace NetPath.Clinical.Trials;

/// <summary>
/// Names the matching trials where the plan says "look for a clinical trial" (<c>trial.consider</c>).
/// The assessment is otherwise unchanged; without that recommendation nothing is added.
/// </summary>
public static class PlanTrials
{
    public const string TrialConsider = "trial.consider";

    public static Assessment WithMatchingTrials(Assessment assessment, TrialPatient patient, IReadOnlyList<Trial> trials, TrialMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!assessment.Recommendations.Any(r => r.Code == TrialConsider)) return assessment;
        var named = TrialMatcher.Match(patient, trials, (options ?? new TrialMatchOptions()) with { OpenOnly = true })
            .Where(m => m.Fit != TrialFit.NotEligible)
            .Select(m => new TrialReference(m.Trial.NctId, m.Trial.Title, m.Trial.Acronym, m.Trial.PhaseLabel,
                Cases.WireCode<TrialFit>.Of(m.Fit), [.. m.MissingFacts.Select(f => f.Fact)]))
            .ToList();
        return assessment with
        {
            Recommendations = [.. assessment.Recommendations.Select(r => r.Code == TrialConsider ? r with { Trials = named } : r)],
        };
    }
}
