using NetPath.Clinical.Assessments;
using NetPath.Clinical.Tests.TestSupport;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Grading;

/// <summary>WHO 2021 thoracic classification of lung and thymic carcinoids (NetPath conventions §2).</summary>
public class ThoracicGradingTests
{
    private static Graded AssessThoracic(double? mitoses, string? necrosis, string site = "lung", string? extra = null)
    {
        var json = CaseJson.Minimal(site);
        if (mitoses is { } m) json.Set("tumour.mitosesPer2mm2", m);
        if (necrosis is not null) json.Set("tumour.necrosis", necrosis);
        if (extra is not null) json.Set("tumour.histologicType", extra);
        return ClassifyAndGrade(json);
    }

    [Theory]
    [InlineData(0, "none", GradeValue.TypicalCarcinoid)]
    [InlineData(1, "none", GradeValue.TypicalCarcinoid)]
    [InlineData(1.9, "none", GradeValue.TypicalCarcinoid)]
    [InlineData(2, "none", GradeValue.AtypicalCarcinoid)]
    [InlineData(10, "none", GradeValue.AtypicalCarcinoid)]
    [InlineData(10.5, "none", GradeValue.HighGradeCarcinoma)]
    [InlineData(11, "none", GradeValue.HighGradeCarcinoma)]
    [InlineData(1, "punctate", GradeValue.AtypicalCarcinoid)]
    [InlineData(0, "extensive", GradeValue.AtypicalCarcinoid)]
    [InlineData(5, "punctate", GradeValue.AtypicalCarcinoid)]
    [InlineData(12, "extensive", GradeValue.HighGradeCarcinoma)]
    public void Mitoses_and_necrosis_classify(double mitoses, string necrosis, GradeValue expected)
    {
        foreach (var site in new[] { "lung", "thymus" })
        {
            var grade = AssessThoracic(mitoses, necrosis, site).Grade;
            grade.System.ShouldBe(GradeSystem.Who2021Thoracic);
            grade.Value.ShouldBe(expected);
        }
    }

    [Fact]
    public void Reference_vignette_v7_typical_then_atypical_with_punctate_necrosis_then_high_grade()
    {
        // reference.md §7 V7: 1 mitosis, no necrosis = TC; same with punctate necrosis = AC; 12 mitoses = high grade (LCNEC).
        AssessThoracic(1, "none").Grade.Value.ShouldBe(GradeValue.TypicalCarcinoid);
        AssessThoracic(1, "punctate").Grade.Value.ShouldBe(GradeValue.AtypicalCarcinoid);
        AssessThoracic(12, "extensive").Grade.Value.ShouldBe(GradeValue.HighGradeCarcinoma);
    }

    [Theory]
    [InlineData("\"differentiation\": \"poor\"")]
    [InlineData("\"histologicType\": \"nec-large-cell\"")]
    [InlineData("\"histologicType\": \"nec-small-cell\", \"mitosesPer2mm2\": 1, \"necrosis\": \"none\"")]
    public void A_poorly_differentiated_thoracic_tumour_is_a_high_grade_carcinoma(string members) =>
        ClassifyAndGrade(CaseJson.Tumour("\"primarySite\": \"lung\", " + members)).Grade.Value.ShouldBe(GradeValue.HighGradeCarcinoma);

    [Fact]
    public void Ki67_is_reported_but_does_not_classify()
    {
        var grade = ClassifyAndGrade(CaseJson.Minimal("lung").Set("tumour.mitosesPer2mm2", 1).Set("tumour.necrosis", "none").Set("tumour.ki67Percent", 40)).Grade;
        grade.Value.ShouldBe(GradeValue.TypicalCarcinoid);
        grade.ByKi67.ShouldBeNull();
        grade.ByMitoses.ShouldBeNull();
    }

    [Fact]
    public void Without_mitoses_the_class_is_unknown_and_the_count_is_missing()
    {
        var a = AssessThoracic(null, "none");
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.MissingFields().ShouldContain("tumour.mitosesPer2mm2");
        a.MissingFields().ShouldNotContain("tumour.necrosis");
    }

    [Fact]
    public void Necrosis_without_mitoses_is_still_unknown_a_high_grade_count_is_possible()
    {
        var a = AssessThoracic(null, "punctate");
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.MissingFields().ShouldContain("tumour.mitosesPer2mm2");
    }

    [Fact]
    public void Under_2_mitoses_without_necrosis_given_is_unknown_and_necrosis_is_missing()
    {
        var a = AssessThoracic(1, null);
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.MissingFields().ShouldContain("tumour.necrosis");
        a.MissingFields().ShouldNotContain("tumour.mitosesPer2mm2");
    }

    [Fact]
    public void Neither_mitoses_nor_necrosis_names_both_missing()
    {
        var a = AssessThoracic(null, null);
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.MissingFields().ShouldContain("tumour.mitosesPer2mm2");
        a.MissingFields().ShouldContain("tumour.necrosis");
    }

    [Theory]
    [InlineData(3, GradeValue.AtypicalCarcinoid)]
    [InlineData(15, GradeValue.HighGradeCarcinoma)]
    public void From_2_mitoses_up_the_necrosis_is_not_needed(double mitoses, GradeValue expected)
    {
        var a = AssessThoracic(mitoses, null);
        a.Grade.Value.ShouldBe(expected);
        a.MissingFields().ShouldNotContain("tumour.necrosis");
    }

    [Theory]
    [InlineData(5, "none", "typical-carcinoid")]
    [InlineData(1, "punctate", "typical-carcinoid")]
    [InlineData(1, "none", "atypical-carcinoid")]
    [InlineData(15, "none", "typical-carcinoid")]
    [InlineData(11, "punctate", "atypical-carcinoid")]
    public void A_histologic_type_the_counts_contradict_is_warned(double mitoses, string necrosis, string type) =>
        AssessThoracic(mitoses, necrosis, extra: type).WarningCodes().ShouldContain("histologic-type-discordant");

    [Theory]
    [InlineData(1, "none", "typical-carcinoid")]
    [InlineData(4, "none", "atypical-carcinoid")]
    [InlineData(1, "punctate", "atypical-carcinoid")]
    public void A_histologic_type_the_counts_agree_with_is_not_warned(double mitoses, string necrosis, string type) =>
        AssessThoracic(mitoses, necrosis, extra: type).WarningCodes().ShouldNotContain("histologic-type-discordant");
}
