using NetPath.Clinical.Assessments;
using NetPath.Clinical.Tests.TestSupport;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Grading;

/// <summary>
/// Pheochromocytoma and paraganglioma: no WHO grade; GAPP (Kimura 2014, as tabled in reference.md §3.1 from
/// SEOM 2021 Table 1: pattern zellballen 0, large irregular nests 1, pseudorosette 1; cellularity 0/1/2;
/// comedo necrosis 2; vascular or capsular invasion 1; Ki-67 &lt;1 % 0, 1-3 % 1, &gt;3 % 2; noradrenergic 1;
/// 0-2 well, 3-6 moderately, 7-10 poorly differentiated).
/// </summary>
public class GappGradingTests
{
    private static Graded AssessGapp(string gapp, double? ki67, string site = "adrenal")
    {
        var json = CaseJson.Minimal(site).SetRaw("tumour.gapp", gapp);
        if (ki67 is { } k) json.Set("tumour.ki67Percent", k);
        return ClassifyAndGrade(json);
    }

    [Theory]
    [InlineData("adrenal")]
    [InlineData("extra-adrenal-paraganglion")]
    public void Without_gapp_inputs_there_is_no_grade_and_gapp_is_missing(string site)
    {
        var a = ClassifyAndGrade(CaseJson.Minimal(site).Set("tumour.ki67Percent", 5));
        a.Grade.System.ShouldBe(GradeSystem.None);
        a.Grade.Value.ShouldBe(GradeValue.NotApplicable);
        a.Grade.Gapp.ShouldBeNull();
        a.MissingFields().ShouldContain("tumour.gapp");
    }

    [Theory]
    // pattern, cellularity, comedo, invasion, ki67, catecholamine -> score, category
    [InlineData("zellballen", "low", false, false, 0.5, "adrenergic", 0, GappCategory.WellDifferentiated)]
    [InlineData("zellballen", "low", false, false, 0.99, "non-functioning", 0, GappCategory.WellDifferentiated)]
    [InlineData("large-irregular-nests", "low", false, false, 1, "adrenergic", 2, GappCategory.WellDifferentiated)]
    [InlineData("zellballen", "moderate", false, false, 3, "adrenergic", 2, GappCategory.WellDifferentiated)]
    [InlineData("zellballen", "moderate", false, true, 3, "adrenergic", 3, GappCategory.ModeratelyDifferentiated)]
    [InlineData("zellballen", "low", false, false, 3.1, "noradrenergic", 3, GappCategory.ModeratelyDifferentiated)]
    [InlineData("pseudorosette", "high", true, true, 0.5, "adrenergic", 6, GappCategory.ModeratelyDifferentiated)]
    [InlineData("pseudorosette", "high", true, true, 0.5, "noradrenergic", 7, GappCategory.PoorlyDifferentiated)]
    [InlineData("zellballen", "high", true, false, 10, "noradrenergic", 7, GappCategory.PoorlyDifferentiated)]
    [InlineData("large-irregular-nests", "high", true, true, 25, "noradrenergic", 9, GappCategory.PoorlyDifferentiated)]
    public void A_complete_gapp_scores_by_the_kimura_table(string pattern, string cellularity, bool comedo, bool invasion,
        double ki67, string catecholamine, int score, GappCategory category)
    {
        var a = AssessGapp($$"""
            { "histologicPattern": "{{pattern}}", "cellularity": "{{cellularity}}", "comedoNecrosis": {{(comedo ? "true" : "false")}},
              "vascularOrCapsularInvasion": {{(invasion ? "true" : "false")}}, "catecholamineType": "{{catecholamine}}" }
            """, ki67);
        a.Grade.System.ShouldBe(GradeSystem.Gapp);
        a.Grade.Value.ShouldBe(GradeValue.NotApplicable);
        a.Grade.Gapp.ShouldBe(new GappScore(score, score, category, Complete: true));
        a.MissingFields().ShouldNotContain(f => f.StartsWith("tumour.gapp", StringComparison.Ordinal) || f == "tumour.ki67Percent");
    }

    [Fact]
    public void A_paraganglioma_is_scored_like_a_pheochromocytoma() =>
        AssessGapp("""
            { "histologicPattern": "zellballen", "cellularity": "moderate", "comedoNecrosis": false,
              "vascularOrCapsularInvasion": true, "catecholamineType": "noradrenergic" }
            """, 2, "extra-adrenal-paraganglion").Grade.Gapp.ShouldBe(new GappScore(4, 4, GappCategory.ModeratelyDifferentiated, true));

    [Fact]
    public void A_partial_gapp_that_settles_the_category_says_so_and_names_what_is_missing()
    {
        // Given: 4 points (comedo 2, high cellularity 2); missing pattern (up to 1), invasion (1), Ki-67 (2), catecholamine (1):
        // at most 9, so 4 to 9 spans two categories. Add pattern 1 and invasion 1: 6 to 9, still open.
        // Settled: 7 given points leave 7 to 9, all poorly differentiated.
        var a = AssessGapp("""{ "histologicPattern": "pseudorosette", "cellularity": "high", "comedoNecrosis": true, "vascularOrCapsularInvasion": true, "catecholamineType": "noradrenergic" }""", null);
        a.Grade.Gapp.ShouldBe(new GappScore(7, 9, GappCategory.PoorlyDifferentiated, Complete: false));
        a.MissingFields().ShouldContain("tumour.ki67Percent");

        var low = AssessGapp("""{ "histologicPattern": "zellballen", "cellularity": "low", "comedoNecrosis": false, "vascularOrCapsularInvasion": false }""", 0.5);
        // 0 given; catecholamine type missing could add 1: 0 to 1, well differentiated either way.
        low.Grade.Gapp.ShouldBe(new GappScore(0, 1, GappCategory.WellDifferentiated, Complete: false));
        low.MissingFields().ShouldContain("tumour.gapp.catecholamineType");
    }

    [Fact]
    public void A_partial_gapp_that_leaves_the_category_open_is_a_minimum_and_not_complete()
    {
        var a = AssessGapp("""{ "cellularity": "moderate" }""", null);
        a.Grade.System.ShouldBe(GradeSystem.Gapp);
        a.Grade.Gapp.ShouldNotBeNull();
        a.Grade.Gapp.Score.ShouldBe(1);
        a.Grade.Gapp.MaxScore.ShouldBeGreaterThan(2);
        a.Grade.Gapp.Category.ShouldBeNull();
        a.Grade.Gapp.Complete.ShouldBeFalse();
        a.MissingFields().ShouldContain("tumour.gapp.histologicPattern");
        a.MissingFields().ShouldContain("tumour.gapp.comedoNecrosis");
        a.MissingFields().ShouldContain("tumour.gapp.vascularOrCapsularInvasion");
        a.MissingFields().ShouldContain("tumour.gapp.catecholamineType");
        a.MissingFields().ShouldContain("tumour.ki67Percent");
        a.MissingFields().ShouldNotContain("tumour.gapp.cellularity");
    }

    [Theory]
    [InlineData(0.99, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(3.01, 2)]
    public void The_gapp_ki67_bands(double ki67, int points) =>
        AssessGapp("""{ "histologicPattern": "zellballen", "cellularity": "low", "comedoNecrosis": false, "vascularOrCapsularInvasion": false, "catecholamineType": "adrenergic" }""", ki67)
            .Grade.Gapp!.Score.ShouldBe(points);

    [Fact]
    public void A_ppgl_has_no_differentiation_and_is_not_asked_for_one()
    {
        var a = ClassifyAndGrade(CaseJson.Minimal("adrenal").Set("tumour.ki67Percent", 30));
        a.Classification.Differentiation.ShouldBe(Cases.Differentiation.Unknown);
        a.MissingFields().ShouldNotContain("tumour.differentiation");
    }
}
