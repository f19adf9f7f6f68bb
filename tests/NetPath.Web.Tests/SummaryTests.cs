using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Web.Features;

namespace NetPath.Web.Tests;

/// <summary>The patient-list summary derived from an assessment: stage group and follow-up due date.</summary>
public sealed class SummaryTests
{
    private static Assessment With(IReadOnlyList<StagingEntry> staging, IReadOnlyList<FollowUpItem> followUp) => new()
    {
        KnowledgeVersion = "test",
        Classification = new Classification { Family = ClassificationFamily.GepNet, Site = PrimarySite.Ileum, Differentiation = Differentiation.Well },
        Grade = new Grade { System = GradeSystem.Who2019, Value = GradeValue.G2 },
        Staging = staging,
        FollowUp = followUp,
    };

    [Fact]
    public void Stage_group_prefers_AJCC8_and_ignores_unstageable_entries()
    {
        var a = With(
            [
                new StagingEntry { System = "ENETS", Group = "IIIB", Stageable = true },
                new StagingEntry { System = "AJCC8", Group = null, Stageable = false },
            ], []);
        Assessor.StageGroup(a).ShouldBe("IIIB");
        Assessor.StageGroup(a with { Staging = [.. a.Staging, new StagingEntry { System = "AJCC8", Group = "IV", Stageable = true }] }).ShouldBe("IV");
        Assessor.StageGroup(With([], [])).ShouldBeNull();
    }

    [Fact]
    public void Follow_up_is_due_after_the_shortest_interval()
    {
        var a = With([], [new FollowUpItem { Test = "ct", EveryMonths = 6 }, new FollowUpItem { Test = "cga", EveryMonths = 3 }, new FollowUpItem { Test = "note" }]);
        Assessor.FollowUpDue(a, new DateOnly(2026, 11, 23)).ShouldBe(new DateOnly(2027, 2, 23));
        Assessor.FollowUpDue(With([], [new FollowUpItem { Test = "ct", EveryMonths = 1.5 }]), new DateOnly(2026, 1, 31)).ShouldBe(new DateOnly(2026, 3, 15));
        Assessor.FollowUpDue(With([], []), new DateOnly(2026, 11, 23)).ShouldBeNull();
    }
}
