using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Tests.Pathways;
using T = NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Diff;

/// <summary>The one what-if comparison, as `netpath whatif` and the web page use it.</summary>
public class AssessmentDiffTests
{
    private const string Pancreas = """{"schemaVersion":"1","tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":8,"mitosesPer2mm2":1,"sizeMm":14}}""";

    private static string WithKi67(double ki67) => Pancreas.Replace("\"ki67Percent\":8", $"\"ki67Percent\":{ki67.ToString(System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal);

    [Fact]
    public void A_grade_change_is_reported_with_both_values_and_the_command_line_text()
    {
        var diff = AssessmentDiff.Between(T.Assess(Pancreas), T.Assess(WithKi67(25)));

        var grade = diff.Changes.Single(c => c.Kind == ChangeKind.Grade);
        (grade.Before, grade.After).ShouldBe(("G2", "G3"));
        grade.Text.ShouldBe("grade: G2 -> G3");
        diff.IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void Plan_changes_carry_the_code_and_the_strengths()
    {
        var before = T.Assess(Pancreas);
        var after = T.Assess(WithKi67(25));
        var diff = AssessmentDiff.Between(before, after);

        foreach (var c in diff.Changes.Where(c => c.Kind == ChangeKind.RecommendationAdded))
        {
            before.Recommendations.ShouldNotContain(r => r.Code == c.Subject);
            after.Recommendations.ShouldContain(r => r.Code == c.Subject);
            c.Text.ShouldStartWith("+ recommended (");
        }
        foreach (var c in diff.Changes.Where(c => c.Kind == ChangeKind.RecommendationRemoved))
        {
            after.Recommendations.ShouldNotContain(r => r.Code == c.Subject);
            c.Text.ShouldBe($"- no longer recommended: {c.Subject}");
        }
        foreach (var c in diff.Changes.Where(c => c.Kind == ChangeKind.StrengthChanged))
            c.Before.ShouldNotBe(c.After);
        diff.Changes.Count(c => c.Kind is ChangeKind.RecommendationAdded or ChangeKind.RecommendationRemoved or ChangeKind.StrengthChanged).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Follow_up_changes_are_kept_apart_from_the_command_line_changes()
    {
        var localised = T.Assess("""{"schemaVersion":"1","tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":2,"sizeMm":15,"metastases":{"liver":false,"extrahepatic":[]},"resection":{"done":true,"margin":"R0"}}}""");
        var metastatic = T.Assess("""{"schemaVersion":"1","tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":2,"sizeMm":15,"metastases":{"liver":true,"extrahepatic":[]}}}""");

        var diff = AssessmentDiff.Between(localised, metastatic);

        diff.Changes.ShouldAllBe(c => c.Kind != ChangeKind.FollowUpAdded && c.Kind != ChangeKind.FollowUpRemoved && c.Kind != ChangeKind.FollowUpChanged);
        diff.FollowUpChanges.ShouldAllBe(c => c.Kind == ChangeKind.FollowUpAdded || c.Kind == ChangeKind.FollowUpRemoved || c.Kind == ChangeKind.FollowUpChanged);
        var tests = localised.FollowUp.Select(f => f.Test).Concat(metastatic.FollowUp.Select(f => f.Test)).ToHashSet();
        diff.FollowUpChanges.ShouldAllBe(c => tests.Contains(c.Subject));
        if (localised.FollowUp.Select(AssessmentDiff.Schedule).Order().SequenceEqual(metastatic.FollowUp.Select(AssessmentDiff.Schedule).Order()))
            diff.FollowUpChanges.ShouldBeEmpty();
        else
            diff.FollowUpChanges.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_json_form_lists_the_sets_the_change_lines_and_both_assessments()
    {
        var diff = AssessmentDiff.Between(T.Assess(Pancreas), T.Assess(WithKi67(25)));

        var json = diff.ToJson(["tumour.ki67Percent=25"]);

        json["set"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["tumour.ki67Percent=25"]);
        json["changes"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(diff.Changes.Select(c => c.Text));
        json["before"]!["grade"]!["value"]!.GetValue<string>().ShouldBe("G2");
        json["after"]!["grade"]!["value"]!.GetValue<string>().ShouldBe("G3");
    }

    [Fact]
    public void An_assessment_compared_with_itself_has_no_change() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var read = NetPathEngine.Current.Read(RandomCases.Json(seed));
            if (!read.IsValid) return true;
            var a = NetPathEngine.Current.Assess(read.Case!, T.Today);
            return AssessmentDiff.Between(a, a).IsEmpty && AssessmentDiff.Between(a, NetPathEngine.Current.Assess(read.Case!, T.Today)).IsEmpty;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Swapping_the_sides_swaps_additions_and_removals() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Choose(0, int.MaxValue)), (s1, s2) =>
        {
            var r1 = NetPathEngine.Current.Read(RandomCases.Json(s1));
            var r2 = NetPathEngine.Current.Read(RandomCases.Json(s2));
            if (!r1.IsValid || !r2.IsValid) return true;
            var (a, b) = (NetPathEngine.Current.Assess(r1.Case!, T.Today), NetPathEngine.Current.Assess(r2.Case!, T.Today));
            var forward = AssessmentDiff.Between(a, b);
            var back = AssessmentDiff.Between(b, a);
            return forward.Changes.Count(c => c.Kind == ChangeKind.RecommendationAdded) == back.Changes.Count(c => c.Kind == ChangeKind.RecommendationRemoved)
                && forward.Changes.Count(c => c.Kind == ChangeKind.RuledOutAdded) == back.Changes.Count(c => c.Kind == ChangeKind.RuledOutRemoved)
                && forward.FollowUpChanges.Count(c => c.Kind == ChangeKind.FollowUpAdded) == back.FollowUpChanges.Count(c => c.Kind == ChangeKind.FollowUpRemoved);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
}
