using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Tests.TestSupport;

namespace NetPath.Clinical.Tests.Classification;

/// <summary>What the classification derives from proliferation and the thoracic grade, and that it says so.</summary>
public sealed class DerivedClassificationTests
{
    [Theory]
    [InlineData("\"ki67Percent\": 12")]
    [InlineData("\"ki67Percent\": 20")]
    [InlineData("\"mitosesPer2mm2\": 4")]
    public void Proliferation_that_rules_out_NEC_makes_an_unreported_differentiation_well_and_says_so(string proliferation)
    {
        var a = TestSupport.Engine.Assess(CaseJson.Tumour($"\"primarySite\": \"pancreas\", {proliferation}"));

        a.Classification.Differentiation.ShouldBe(Differentiation.Well);
        a.Classification.HistologicType.ShouldBe(HistologicType.Net);
        a.Warnings.Select(w => w.Code).ShouldContain("differentiation-inferred");
        a.MissingData.Select(m => m.Field).ShouldNotContain("tumour.differentiation");
    }

    [Theory]
    [InlineData("\"ki67Percent\": 20.1")]
    [InlineData("\"ki67Percent\": 60, \"mitosesPer2mm2\": 4")]
    [InlineData("\"mitosesPer2mm2\": 25")]
    public void Proliferation_in_the_NEC_range_leaves_differentiation_open_and_asks_for_it(string proliferation)
    {
        var a = TestSupport.Engine.Assess(CaseJson.Tumour($"\"primarySite\": \"pancreas\", {proliferation}"));

        a.Classification.Differentiation.ShouldBe(Differentiation.Unknown);
        a.Grade.Value.ShouldBe(GradeValue.Unknown);
        a.Warnings.Select(w => w.Code).ShouldNotContain("differentiation-inferred");
        a.MissingData.Select(m => m.Field).ShouldContain("tumour.differentiation");
    }

    [Fact]
    public void A_reported_differentiation_is_never_overridden()
    {
        var a = TestSupport.Engine.Assess(CaseJson.Tumour("\"primarySite\": \"colon\", \"differentiation\": \"poor\", \"ki67Percent\": 15"));

        a.Classification.Differentiation.ShouldBe(Differentiation.Poor);
        a.Grade.Value.ShouldBe(GradeValue.Nec);
    }

    [Theory]
    [InlineData(1, "none", HistologicType.TypicalCarcinoid)]
    [InlineData(4, "none", HistologicType.AtypicalCarcinoid)]
    [InlineData(1, "punctate", HistologicType.AtypicalCarcinoid)]
    public void A_lung_carcinoid_takes_its_histologic_type_from_the_WHO_2021_grade(double mitoses, string necrosis, HistologicType expected)
    {
        var a = TestSupport.Engine.Assess(CaseJson.Tumour($"\"primarySite\": \"lung\", \"mitosesPer2mm2\": {mitoses}, \"necrosis\": \"{necrosis}\""));

        a.Classification.HistologicType.ShouldBe(expected);
        a.Classification.Differentiation.ShouldBe(Differentiation.Well);
    }

    [Fact]
    public void A_high_grade_lung_carcinoma_keeps_its_type_open_for_morphology()
    {
        var a = TestSupport.Engine.Assess(CaseJson.Tumour("\"primarySite\": \"lung\", \"mitosesPer2mm2\": 40, \"necrosis\": \"extensive\""));

        a.Grade.Value.ShouldBe(GradeValue.HighGradeCarcinoma);
        a.Classification.HistologicType.ShouldBeNull();
    }
}
