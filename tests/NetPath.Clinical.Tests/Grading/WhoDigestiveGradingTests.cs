using NetPath.Clinical.Assessments;
using NetPath.Clinical.Tests.TestSupport;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Grading;

/// <summary>WHO 2019 digestive grading (NetPath conventions §2; knowledge/2026.11/grading.json).</summary>
public class WhoDigestiveGradingTests
{
    private static Grade GradeOf(CaseJson json) => ClassifyAndGrade(json).Grade;

    private static CaseJson Well(string site = "ileum") => CaseJson.Minimal(site).Set("tumour.differentiation", "well");

    [Theory]
    [InlineData(0, GradeValue.G1)]
    [InlineData(2.9, GradeValue.G1)]
    [InlineData(2.99, GradeValue.G1)]
    [InlineData(3, GradeValue.G2)]
    [InlineData(8.5, GradeValue.G2)]
    [InlineData(20, GradeValue.G2)]
    [InlineData(20.01, GradeValue.G3)]
    [InlineData(20.1, GradeValue.G3)]
    [InlineData(55, GradeValue.G3)]
    [InlineData(100, GradeValue.G3)]
    public void Ki67_cut_offs(double ki67, GradeValue expected)
    {
        var grade = GradeOf(Well().Set("tumour.ki67Percent", ki67).Set("tumour.mitosesPer2mm2", 0));
        grade.System.ShouldBe(GradeSystem.Who2019);
        grade.ByKi67.ShouldBe(expected);
        grade.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, GradeValue.G1)]
    [InlineData(1, GradeValue.G1)]
    [InlineData(1.9, GradeValue.G1)]
    [InlineData(2, GradeValue.G2)]
    [InlineData(2.4, GradeValue.G2)]
    [InlineData(20, GradeValue.G2)]
    [InlineData(20.5, GradeValue.G3)]
    [InlineData(21, GradeValue.G3)]
    [InlineData(1000, GradeValue.G3)]
    public void Mitosis_cut_offs(double mitoses, GradeValue expected)
    {
        var grade = GradeOf(Well().Set("tumour.mitosesPer2mm2", mitoses).Set("tumour.ki67Percent", 0));
        grade.ByMitoses.ShouldBe(expected);
        grade.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData(1, 2.4, GradeValue.G1, GradeValue.G2, GradeValue.G2)]   // reference.md §7 V4: higher grade wins
    [InlineData(8, 1, GradeValue.G2, GradeValue.G1, GradeValue.G2)]
    [InlineData(25, 5, GradeValue.G3, GradeValue.G2, GradeValue.G3)]
    [InlineData(2, 30, GradeValue.G1, GradeValue.G3, GradeValue.G3)]
    public void Discordant_ki67_and_mitoses_take_the_higher_grade_and_say_so(double ki67, double mitoses, GradeValue byKi67, GradeValue byMitoses, GradeValue expected)
    {
        var grade = GradeOf(Well().Set("tumour.ki67Percent", ki67).Set("tumour.mitosesPer2mm2", mitoses));
        grade.Value.ShouldBe(expected);
        grade.ByKi67.ShouldBe(byKi67);
        grade.ByMitoses.ShouldBe(byMitoses);
        grade.Discordant.ShouldBeTrue();
    }

    [Fact]
    public void Reference_vignette_v4_mitoses_2_4_with_ki67_1_is_g2_without_differentiation_given()
    {
        // reference.md §7 V4: 12 mitoses in 10 mm² = 2.4 per 2 mm² (G2 by mitoses); Ki-67 1 % (G1); final G2.
        var grade = GradeOf(CaseJson.Minimal("ileum").Set("tumour.ki67Percent", 1).Set("tumour.mitosesPer2mm2", 2.4));
        grade.Value.ShouldBe(GradeValue.G2);
        grade.Discordant.ShouldBeTrue();
    }

    [Fact]
    public void Concordant_values_are_not_discordant()
    {
        var grade = GradeOf(Well().Set("tumour.ki67Percent", 5).Set("tumour.mitosesPer2mm2", 3));
        grade.Value.ShouldBe(GradeValue.G2);
        grade.Discordant.ShouldBeFalse();
    }

    [Theory]
    [InlineData(1.5, GradeValue.G1)]
    [InlineData(12, GradeValue.G2)]
    public void Ki67_alone_grades_and_names_the_mitotic_count_as_missing(double ki67, GradeValue expected)
    {
        var a = ClassifyAndGrade(Well().Set("tumour.ki67Percent", ki67));
        a.Grade.Value.ShouldBe(expected);
        a.Grade.ByMitoses.ShouldBeNull();
        a.Grade.Discordant.ShouldBeFalse();
        a.MissingFields().ShouldContain("tumour.mitosesPer2mm2");
        a.MissingFields().ShouldNotContain("tumour.ki67Percent");
    }

    [Theory]
    [InlineData(0.5, GradeValue.G1)]
    [InlineData(4, GradeValue.G2)]
    public void Mitoses_alone_grade_and_name_ki67_as_missing(double mitoses, GradeValue expected)
    {
        var a = ClassifyAndGrade(Well().Set("tumour.mitosesPer2mm2", mitoses));
        a.Grade.Value.ShouldBe(expected);
        a.Grade.ByKi67.ShouldBeNull();
        a.MissingFields().ShouldContain("tumour.ki67Percent");
        a.MissingFields().ShouldNotContain("tumour.mitosesPer2mm2");
    }

    [Fact]
    public void A_g3_from_one_measure_needs_not_the_other()
    {
        var byKi67 = ClassifyAndGrade(Well().Set("tumour.ki67Percent", 35));
        byKi67.Grade.Value.ShouldBe(GradeValue.G3);
        byKi67.MissingFields().ShouldNotContain("tumour.mitosesPer2mm2");

        var byMitoses = ClassifyAndGrade(Well().Set("tumour.mitosesPer2mm2", 25));
        byMitoses.Grade.Value.ShouldBe(GradeValue.G3);
        byMitoses.MissingFields().ShouldNotContain("tumour.ki67Percent");
    }

    [Fact]
    public void Without_ki67_and_mitoses_the_grade_is_unknown_and_both_are_missing()
    {
        var a = ClassifyAndGrade(Well());
        a.Grade.System.ShouldBe(GradeSystem.Who2019);
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.Grade.ByKi67.ShouldBeNull();
        a.Grade.ByMitoses.ShouldBeNull();
        a.MissingFields().ShouldContain("tumour.ki67Percent");
        a.MissingFields().ShouldContain("tumour.mitosesPer2mm2");
    }

    [Theory]
    [InlineData("\"differentiation\": \"poor\"")]
    [InlineData("\"histologicType\": \"nec-small-cell\"")]
    [InlineData("\"histologicType\": \"nec-large-cell\"")]
    [InlineData("\"differentiation\": \"poor\", \"histologicType\": \"minen\"")]
    public void A_poorly_differentiated_carcinoma_is_nec(string members)
    {
        var grade = ClassifyAndGrade(CaseJson.Tumour("\"primarySite\": \"colon\", \"ki67Percent\": 70, " + members)).Grade;
        grade.System.ShouldBe(GradeSystem.Who2019);
        grade.Value.ShouldBe(GradeValue.Nec);
        grade.ByKi67.ShouldBe(GradeValue.G3);
    }

    [Fact]
    public void A_nec_is_nec_even_without_proliferation_given() =>
        ClassifyAndGrade(CaseJson.Minimal("colon").Set("tumour.differentiation", "poor")).Grade.Value.ShouldBe(GradeValue.Nec);

    [Fact]
    public void Well_differentiated_with_ki67_over_20_is_net_g3_not_nec()
    {
        var a = ClassifyAndGrade(Well("pancreas").Set("tumour.ki67Percent", 25).Set("tumour.mitosesPer2mm2", 8));
        a.Grade.Value.ShouldBe(GradeValue.G3);
        a.Classification.Differentiation.ShouldBe(Cases.Differentiation.Well);
        a.MissingFields().ShouldNotContain("tumour.differentiation");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("unknown")]
    public void A_g3_range_without_differentiation_is_unknown_and_asks_for_it(string? differentiation)
    {
        var json = CaseJson.Minimal("pancreas").Set("tumour.ki67Percent", 25);
        if (differentiation is not null) json.Set("tumour.differentiation", differentiation);
        var a = ClassifyAndGrade(json);
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.Grade.ByKi67.ShouldBe(GradeValue.G3);
        a.MissingFields().ShouldContain("tumour.differentiation");
    }

    [Fact]
    public void A_g3_range_by_mitoses_without_differentiation_is_unknown_too()
    {
        var a = ClassifyAndGrade(CaseJson.Minimal("rectum").Set("tumour.mitosesPer2mm2", 30));
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.MissingFields().ShouldContain("tumour.differentiation");
    }

    [Theory]
    [InlineData(2, GradeValue.G1)]
    [InlineData(15, GradeValue.G2)]
    public void Below_the_g3_range_the_grade_does_not_need_the_differentiation(double ki67, GradeValue expected) =>
        ClassifyAndGrade(CaseJson.Minimal("pancreas").Set("tumour.ki67Percent", ki67).Set("tumour.mitosesPer2mm2", 1)).Grade.Value.ShouldBe(expected);

    [Theory]
    [InlineData("stomach")]
    [InlineData("duodenum")]
    [InlineData("ampulla")]
    [InlineData("jejunum")]
    [InlineData("ileum")]
    [InlineData("appendix")]
    [InlineData("colon")]
    [InlineData("rectum")]
    [InlineData("pancreas")]
    [InlineData("unknown-primary")]
    [InlineData("other")]
    public void Digestive_pancreatic_unknown_and_other_primaries_use_who_2019(string site) =>
        GradeOf(Well(site).Set("tumour.ki67Percent", 4)).ShouldSatisfyAllConditions(
            g => g.System.ShouldBe(GradeSystem.Who2019),
            g => g.Value.ShouldBe(GradeValue.G2));

    [Fact]
    public void The_grade_states_its_basis() =>
        GradeOf(Well().Set("tumour.ki67Percent", 8.5).Set("tumour.mitosesPer2mm2", 1)).Basis.ShouldNotBeEmpty();
}
