using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Knowledge;
using NetPath.Clinical.Pathways;
using T = NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>The plan in plain words: one model for the command line and the web; no codes in it.</summary>
public class PlainPlanTests
{
    private static readonly PatientLanguage Words = KnowledgeSet.Current.Pathways.PatientLanguage;

    private static IEnumerable<string> AllText(PlainPlan p) =>
        p.AboutTumour.Concat(p.TestsNeeded).Concat(p.Suggestions.SelectMany(s => new[] { s.Text, s.Strength }))
            .Concat(p.NotNow.Select(x => x.Treatment)).Concat(p.Team).Concat(p.CheckUps).Concat(p.Questions)
            .Concat(p.NotKnownYet is { } n ? [n] : []);

    [Fact]
    public void Every_part_of_the_plan_has_its_plain_words_and_no_care_code_or_follow_up_code_shows() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var read = NetPathEngine.Current.Read(RandomCases.Json(seed));
            if (!read.IsValid) return true;
            var a = NetPathEngine.Current.Assess(read.Case!, T.Today);
            var p = PlainPlan.For(a, Words);
            var text = string.Join("\n", AllText(p));
            return p.Suggestions.Count == a.Recommendations.Count
                && p.TestsNeeded.Count == a.Workup.Count
                && p.NotNow.Count == a.Contraindicated.Count
                && p.Team.Count == a.Team.Count
                && p.CheckUps.Count == a.FollowUp.Count
                && p.Questions.Count > 0
                && (p.NotKnownYet is null) == (a.MissingData.Count == 0)
                && !CareCodes.All.Any(c => text.Contains(c.Code, StringComparison.Ordinal))
                && !a.FollowUp.Any(f => f.Test.Contains('-', StringComparison.Ordinal) && text.Contains(f.Test, StringComparison.Ordinal));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Questions_follow_what_the_plan_holds()
    {
        var metastatic = PlainPlan.For(T.Assess("""{"schemaVersion":"1","tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":4,"sizeMm":18,"metastases":{"liver":true,"extrahepatic":[]},"resectability":"unresectable","functionalSyndrome":"carcinoid-syndrome"}}"""), Words);
        var minimal = PlainPlan.For(T.Assess("""{"schemaVersion":"1","tumour":{"primarySite":"ileum"}}"""), Words);

        metastatic.Questions.Count.ShouldBeGreaterThan(minimal.Questions.Count);
        metastatic.Suggestions.ShouldNotBeEmpty();
    }
}
