using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Tests.TestSupport;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Classification;

/// <summary>Family, histologic type, differentiation and hormone function (assessment.md classification).</summary>
public class ClassifierTests
{
    [Theory]
    [InlineData("stomach", ClassificationFamily.GepNet)]
    [InlineData("duodenum", ClassificationFamily.GepNet)]
    [InlineData("ampulla", ClassificationFamily.GepNet)]
    [InlineData("jejunum", ClassificationFamily.GepNet)]
    [InlineData("ileum", ClassificationFamily.GepNet)]
    [InlineData("appendix", ClassificationFamily.GepNet)]
    [InlineData("colon", ClassificationFamily.GepNet)]
    [InlineData("rectum", ClassificationFamily.GepNet)]
    [InlineData("pancreas", ClassificationFamily.GepNet)]
    [InlineData("lung", ClassificationFamily.LungNet)]
    [InlineData("thymus", ClassificationFamily.LungNet)]
    [InlineData("adrenal", ClassificationFamily.Ppgl)]
    [InlineData("extra-adrenal-paraganglion", ClassificationFamily.Ppgl)]
    [InlineData("unknown-primary", ClassificationFamily.UnknownPrimary)]
    [InlineData("other", ClassificationFamily.Other)]
    public void The_family_follows_the_site(string site, ClassificationFamily family)
    {
        var c = ClassifyAndGrade(CaseJson.Minimal(site)).Classification;
        c.Family.ShouldBe(family);
        c.Site.ShouldBe(ReadValid(CaseJson.Minimal(site)).Tumour.PrimarySite);
    }

    [Fact]
    public void A_paraganglioma_of_unknown_primary_is_a_ppgl_by_its_histology() =>
        ClassifyAndGrade(CaseJson.Minimal("unknown-primary").Set("tumour.histologicType", "paraganglioma")).Classification.Family.ShouldBe(ClassificationFamily.Ppgl);

    [Theory]
    [InlineData("ileum")]
    [InlineData("pancreas")]
    [InlineData("unknown-primary")]
    [InlineData("other")]
    public void A_well_differentiated_non_thoracic_tumour_is_a_net(string site)
    {
        var c = ClassifyAndGrade(CaseJson.Minimal(site).Set("tumour.differentiation", "well").Set("tumour.otherSite", site == "other" ? "ovary" : null)).Classification;
        c.HistologicType.ShouldBe(HistologicType.Net);
        c.Differentiation.ShouldBe(Differentiation.Well);
    }

    [Fact]
    public void A_well_differentiated_lung_tumour_gets_no_derived_type_its_subtype_comes_from_the_counts() =>
        ClassifyAndGrade(CaseJson.Minimal("lung").Set("tumour.differentiation", "well")).Classification.HistologicType.ShouldBeNull();

    [Fact]
    public void A_poorly_differentiated_tumour_gets_no_derived_type_only_morphology_tells_small_from_large_cell()
    {
        ClassifyAndGrade(CaseJson.Minimal("colon").Set("tumour.differentiation", "poor")).Classification.HistologicType.ShouldBeNull();
        ClassifyAndGrade(CaseJson.Minimal("lung").Set("tumour.differentiation", "poor")).Classification.HistologicType.ShouldBeNull();
    }

    [Theory]
    [InlineData("adrenal", HistologicType.Pheochromocytoma)]
    [InlineData("extra-adrenal-paraganglion", HistologicType.Paraganglioma)]
    public void A_ppgl_type_is_derived_from_the_site(string site, HistologicType type) =>
        ClassifyAndGrade(CaseJson.Minimal(site)).Classification.HistologicType.ShouldBe(type);

    [Theory]
    [InlineData("colon", "net", Differentiation.Well)]
    [InlineData("lung", "typical-carcinoid", Differentiation.Well)]
    [InlineData("lung", "atypical-carcinoid", Differentiation.Well)]
    [InlineData("colon", "nec-small-cell", Differentiation.Poor)]
    [InlineData("lung", "nec-large-cell", Differentiation.Poor)]
    [InlineData("colon", "minen", Differentiation.Unknown)]
    public void Differentiation_is_derived_from_the_histologic_type(string site, string type, Differentiation expected)
    {
        var c = ClassifyAndGrade(CaseJson.Minimal(site).Set("tumour.histologicType", type)).Classification;
        c.Differentiation.ShouldBe(expected);
        c.HistologicType.ShouldBe(WireCodeOf(type));
    }

    [Fact]
    public void Differentiation_unknown_is_derived_from_the_histologic_type_too() =>
        ClassifyAndGrade(CaseJson.Minimal("colon").Set("tumour.differentiation", "unknown").Set("tumour.histologicType", "nec-large-cell"))
            .Classification.Differentiation.ShouldBe(Differentiation.Poor);

    [Theory]
    [InlineData(null, null)]
    [InlineData("none", false)]
    [InlineData("carcinoid-syndrome", true)]
    [InlineData("insulinoma", true)]
    [InlineData("other", true)]
    public void Functioning_follows_the_syndrome_and_stays_unknown_without_one(string? syndrome, bool? functioning)
    {
        var json = CaseJson.Minimal("pancreas");
        if (syndrome is not null) json.Set("tumour.functionalSyndrome", syndrome);
        var a = ClassifyAndGrade(json);
        a.Classification.Functioning.ShouldBe(functioning);
        if (syndrome is null) a.MissingFields().ShouldContain("tumour.functionalSyndrome");
        else a.MissingFields().ShouldNotContain("tumour.functionalSyndrome");
    }

    [Fact]
    public void Missing_differentiation_is_asked_for_when_proliferation_does_not_rule_nec_out()
    {
        ClassifyAndGrade(CaseJson.Minimal("pancreas")).MissingFields().ShouldContain("tumour.differentiation");
        ClassifyAndGrade(CaseJson.Minimal("pancreas").Set("tumour.ki67Percent", 40)).MissingFields().ShouldContain("tumour.differentiation");
        ClassifyAndGrade(CaseJson.Minimal("lung")).MissingFields().ShouldContain("tumour.differentiation");
    }

    [Theory]
    [InlineData("tumour.ki67Percent", 20)]
    [InlineData("tumour.mitosesPer2mm2", 5)]
    public void Proliferation_at_or_below_the_nec_range_rules_nec_out_so_differentiation_is_not_asked_for(string path, double value) =>
        ClassifyAndGrade(CaseJson.Minimal("pancreas").Set(path, value)).MissingFields().ShouldNotContain("tumour.differentiation");

    [Fact]
    public void Primary_site_other_asks_for_the_organ()
    {
        ClassifyAndGrade(CaseJson.Minimal("other")).MissingFields().ShouldContain("tumour.otherSite");
        var a = ClassifyAndGrade(CaseJson.Minimal("other").Set("tumour.otherSite", "  ovary "));
        a.MissingFields().ShouldNotContain("tumour.otherSite");
        a.Classification.OtherSite.ShouldBe("ovary");
    }

    [Fact]
    public void An_extra_adrenal_paraganglioma_asks_for_its_type()
    {
        ClassifyAndGrade(CaseJson.Minimal("extra-adrenal-paraganglion")).MissingFields().ShouldContain("tumour.paragangliomaType");
        ClassifyAndGrade(CaseJson.Minimal("extra-adrenal-paraganglion").Set("tumour.paragangliomaType", "parasympathetic"))
            .MissingFields().ShouldNotContain("tumour.paragangliomaType");
        ClassifyAndGrade(CaseJson.Minimal("adrenal")).MissingFields().ShouldNotContain("tumour.paragangliomaType");
    }

    [Fact]
    public void A_minen_is_warned_that_the_non_neuroendocrine_part_drives_treatment() =>
        ClassifyAndGrade(CaseJson.Minimal("colon").Set("tumour.histologicType", "minen")).WarningCodes().ShouldContain("minen");

    [Fact]
    public void Each_missing_field_is_listed_once()
    {
        var fields = ClassifyAndGrade(CaseJson.Minimal("pancreas").Set("tumour.ki67Percent", 30)).MissingFields().ToList();
        fields.Distinct().Count().ShouldBe(fields.Count);
    }

    private static HistologicType WireCodeOf(string code) =>
        WireCode<HistologicType>.TryParse(code, out var t) ? t : throw new ArgumentException(code, nameof(code));
}
