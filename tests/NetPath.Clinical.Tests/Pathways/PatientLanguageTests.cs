using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Tests.Pathways;

public class PatientLanguageTests
{
    private static readonly Clinical.Pathways.PatientLanguage Words = KnowledgeSet.Current.Pathways.PatientLanguage;

    [Fact]
    public void Every_care_code_has_plain_words() =>
        KnowledgeSet.Current.Pathways.Codes.All.Where(c => !Words.Codes.TryGetValue(c.Code, out var t) || string.IsNullOrWhiteSpace(t)).Select(c => c.Code).ShouldBeEmpty();

    [Fact]
    public void Every_grade_and_team_role_has_plain_words()
    {
        foreach (var g in Enum.GetValues<GradeValue>()) Words.ForGrade(g).ShouldNotBeNullOrWhiteSpace();
        foreach (var r in Enum.GetValues<TeamRole>()) Words.ForRole(r).ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("I")]
    [InlineData("IIA")]
    [InlineData("IIIB")]
    [InlineData("IV")]
    [InlineData("IA2")]
    public void Stage_groups_have_plain_words(string group) => Words.ForStageGroup(group).ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void Explanations_use_short_sentences() =>
        Words.Codes.Where(kv => kv.Value.Split(". ").Any(s => s.Split(' ').Length > 40)).Select(kv => kv.Key).ShouldBeEmpty();

    [Fact]
    public void Plain_words_have_no_unknown_codes() =>
        Words.Codes.Keys.Where(k => !CareCodes.TryGet(k, out _)).ShouldBeEmpty();

    [Fact]
    public void Wire_codes_of_grades_are_covered() =>
        WireCode<GradeValue>.All.ShouldAllBe(g => Words.Grades.ContainsKey(g));
}
