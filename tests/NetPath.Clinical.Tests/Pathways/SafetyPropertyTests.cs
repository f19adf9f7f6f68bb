using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>Safety properties of the plan over generated valid cases (FsCheck drives the seeds).</summary>
public class SafetyPropertyTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly string[] ForbiddenInPregnancy =
    [
        "systemic.prrt", "systemic.everolimus", "systemic.sunitinib", "systemic.cabozantinib", "systemic.captem",
        "systemic.streptozocin-5fu", "systemic.platinum-etoposide", "systemic.folfiri", "systemic.folfox",
    ];

    private static Config Config => Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static (Cases.Case? Case, Assessment? Assessment) Run(int seed)
    {
        var read = NetPathEngine.Current.Read(RandomCases.Json(seed));
        return read.IsValid ? (read.Case, NetPathEngine.Current.Assess(read.Case!, Today)) : (null, null);
    }

    private static void Check(Func<Cases.Case, Assessment, bool> property) =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var (c, a) = Run(seed);
            return c is null || property(c, a!);
        }).Check(Config);

    [Fact]
    public void Leaving_out_the_explanation_changes_nothing_else()
    {
        // A registry batch assesses without the rule trace; its output must be the same assessment.
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var read = NetPathEngine.Current.Read(RandomCases.Json(seed));
            if (!read.IsValid) return true;
            var explained = NetPathEngine.Current.Assess(read.Case!, Today, explain: true);
            var plain = NetPathEngine.Current.Assess(read.Case!, Today, explain: false);
            return plain.Explanation.Count == 0 && explained.Explanation.Count > 0
                && System.Text.Json.JsonSerializer.Serialize(plain, AssessmentJsonContext.Default.Assessment)
                   == System.Text.Json.JsonSerializer.Serialize(explained, AssessmentJsonContext.Default.Assessment);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Generated_cases_are_mostly_valid()
    {
        var valid = Enumerable.Range(0, 500).Count(seed => Run(seed).Case is not null);
        valid.ShouldBeGreaterThan(250);
    }

    [Fact]
    public void No_code_is_both_recommended_and_contraindicated() =>
        Check((_, a) => !a.Recommendations.Any(r => a.Contraindicated.Any(x => x.Code == r.Code)));

    [Fact]
    public void Every_recommendation_has_a_rationale_and_evidence() =>
        Check((_, a) => a.Recommendations.All(r => !string.IsNullOrWhiteSpace(r.Rationale) && r.Evidence.Count > 0
            && r.Evidence.All(e => !string.IsNullOrWhiteSpace(e.Source)) && !r.Rationale.Contains('{', StringComparison.Ordinal)));

    [Fact]
    public void Pregnancy_never_yields_prrt_targeted_drugs_or_chemotherapy() =>
        Check((c, a) => c.Patient.Pregnant != true || !a.Recommendations.Any(r => ForbiddenInPregnancy.Contains(r.Code)));

    [Fact]
    public void Pregnancy_lists_prrt_as_contraindicated() =>
        Check((c, a) => c.Patient.Pregnant != true || a.Contraindicated.Any(x => x.Code == "systemic.prrt"));

    [Fact]
    public void Codes_come_from_the_vocabulary_and_are_listed_once() =>
        Check((_, a) =>
            a.Recommendations.All(r => CareCodes.TryGet(r.Code, out var cc) && cc.Category == r.Category && !r.Code.StartsWith("workup.", StringComparison.Ordinal))
            && a.Workup.All(w => w.Code.StartsWith("workup.", StringComparison.Ordinal) && CareCodes.TryGet(w.Code, out var wc) && wc.Category == "workup")
            && a.Recommendations.Select(r => r.Code).Distinct().Count() == a.Recommendations.Count
            && a.Workup.Select(w => w.Code).Distinct().Count() == a.Workup.Count
            && a.Contraindicated.Select(x => x.Code).Distinct().Count() == a.Contraindicated.Count);

    [Fact]
    public void Recommendations_are_ordered_by_strength_and_lines_only_on_systemic() =>
        Check((_, a) =>
        {
            for (var i = 1; i < a.Recommendations.Count; i++)
            {
                if (a.Recommendations[i].Strength < a.Recommendations[i - 1].Strength) return false;
            }
            return a.Recommendations.All(r => (r.Category == "systemic") == (r.Line is not null) && r.Line is null or >= 1);
        });

    [Fact]
    public void Therapies_the_disease_progressed_on_come_back_only_with_a_reason() =>
        Check((c, a) => a.Recommendations.All(r =>
            !c.History.PriorTherapies.Any(p => p.Code == r.Code && p.Outcome == Cases.TherapyOutcome.Progression)
            || r.Rationale.Contains("despite", StringComparison.OrdinalIgnoreCase) || r.Rationale.Contains("alongside", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void No_case_throws()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var json = RandomCases.Json(seed);
            Should.NotThrow(() =>
            {
                var read = NetPathEngine.Current.Read(json);
                if (read.IsValid) NetPathEngine.Current.Assess(read.Case!, Today);
            }, $"seed {seed}");
        }
    }
}
