using NetPath.Clinical.Tests.TestSupport;
using NetPath.Clinical.Validation;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Validation;

/// <summary>Facts that cannot all be true: each is reported at the field that contradicts the rest, and its consistent twin is accepted.</summary>
public class ContradictionTests
{
    [Fact]
    public void More_positive_nodes_than_examined_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Tumour("""
            "primarySite": "ileum", "lymphNodes": { "examined": 3, "positive": 4 }
            """), ErrorCodes.NodesPositiveExceedExamined, "tumour.lymphNodes.positive");
        ReadValid(CaseJson.Tumour("""
            "primarySite": "ileum", "lymphNodes": { "examined": 4, "positive": 4 }
            """)).Tumour.LymphNodes.Positive.ShouldBe(4);
        ReadValid(CaseJson.Tumour("""
            "primarySite": "ileum", "lymphNodes": { "positive": 4 }
            """));
    }

    [Theory]
    [InlineData("nec-small-cell")]
    [InlineData("nec-large-cell")]
    public void A_well_differentiated_nec_is_a_contradiction(string type) =>
        ShouldFailWith(CaseJson.Minimal("colon").Set("tumour.differentiation", "well").Set("tumour.histologicType", type),
            ErrorCodes.DifferentiationHistology, "tumour.histologicType");

    [Theory]
    [InlineData("colon", "net")]
    [InlineData("lung", "typical-carcinoid")]
    [InlineData("lung", "atypical-carcinoid")]
    public void A_poorly_differentiated_net_or_carcinoid_is_a_contradiction(string site, string type) =>
        ShouldFailWith(CaseJson.Minimal(site).Set("tumour.differentiation", "poor").Set("tumour.histologicType", type),
            ErrorCodes.DifferentiationHistology, "tumour.histologicType");

    [Theory]
    [InlineData("colon", "well", "net")]
    [InlineData("colon", "poor", "nec-small-cell")]
    [InlineData("colon", "poor", "minen")]
    [InlineData("lung", "well", "typical-carcinoid")]
    [InlineData("lung", "unknown", "nec-large-cell")]
    public void Differentiation_that_agrees_with_the_histologic_type_is_accepted(string site, string differentiation, string type) =>
        ReadValid(CaseJson.Minimal(site).Set("tumour.differentiation", differentiation).Set("tumour.histologicType", type));

    [Theory]
    [InlineData("stomach", "typical-carcinoid")]
    [InlineData("duodenum", "atypical-carcinoid")]
    [InlineData("ampulla", "typical-carcinoid")]
    [InlineData("jejunum", "typical-carcinoid")]
    [InlineData("ileum", "typical-carcinoid")]
    [InlineData("appendix", "typical-carcinoid")]
    [InlineData("colon", "atypical-carcinoid")]
    [InlineData("rectum", "typical-carcinoid")]
    [InlineData("pancreas", "atypical-carcinoid")]
    public void A_thoracic_carcinoid_type_on_a_digestive_site_is_a_contradiction(string site, string type) =>
        ShouldFailWith(CaseJson.Minimal(site).Set("tumour.histologicType", type), ErrorCodes.HistologySite, "tumour.histologicType");

    [Theory]
    [InlineData("lung", "typical-carcinoid")]
    [InlineData("thymus", "atypical-carcinoid")]
    [InlineData("unknown-primary", "typical-carcinoid")]
    [InlineData("other", "atypical-carcinoid")]
    [InlineData("adrenal", "pheochromocytoma")]
    [InlineData("extra-adrenal-paraganglion", "paraganglioma")]
    [InlineData("unknown-primary", "paraganglioma")]
    public void A_histologic_type_that_can_arise_at_the_site_is_accepted(string site, string type) =>
        ReadValid(CaseJson.Minimal(site).Set("tumour.histologicType", type));

    [Theory]
    [InlineData("extra-adrenal-paraganglion")]
    [InlineData("pancreas")]
    [InlineData("lung")]
    public void A_pheochromocytoma_outside_the_adrenal_is_a_contradiction(string site) =>
        ShouldFailWith(CaseJson.Minimal(site).Set("tumour.histologicType", "pheochromocytoma"), ErrorCodes.HistologySite, "tumour.histologicType");

    [Theory]
    [InlineData("adrenal", "net")]
    [InlineData("adrenal", "nec-small-cell")]
    [InlineData("adrenal", "minen")]
    [InlineData("extra-adrenal-paraganglion", "nec-large-cell")]
    [InlineData("extra-adrenal-paraganglion", "typical-carcinoid")]
    public void A_net_or_nec_on_an_adrenal_or_paraganglion_primary_is_a_contradiction(string site, string type) =>
        ShouldFailWith(CaseJson.Minimal(site).Set("tumour.histologicType", type), ErrorCodes.HistologySite, "tumour.histologicType");

    [Fact]
    public void An_adrenal_nec_can_be_given_as_primary_site_other() =>
        ReadValid(CaseJson.Minimal("other").Set("tumour.otherSite", "adrenal").Set("tumour.histologicType", "nec-small-cell"));

    [Fact]
    public void An_adrenal_paraganglioma_is_a_contradiction() =>
        ShouldFailWith(CaseJson.Minimal("adrenal").Set("tumour.histologicType", "paraganglioma"), ErrorCodes.HistologySite, "tumour.histologicType");

    [Theory]
    [InlineData("adrenal", "pheochromocytoma", "well")]
    [InlineData("extra-adrenal-paraganglion", "paraganglioma", "poor")]
    [InlineData("unknown-primary", "paraganglioma", "well")]
    [InlineData("adrenal", null, "well")]
    [InlineData("extra-adrenal-paraganglion", null, "poor")]
    public void Differentiation_given_for_a_ppgl_is_a_contradiction(string site, string? type, string differentiation)
    {
        // A PPGL is recognised by its site as well as by its type (SiteFacts.FamilyOf); the grader would drop the differentiation silently.
        var json = CaseJson.Minimal(site).Set("tumour.differentiation", differentiation);
        if (type is not null) json.Set("tumour.histologicType", type);
        ShouldFailWith(json, ErrorCodes.DifferentiationHistology, "tumour.differentiation");
    }

    [Fact]
    public void Differentiation_unknown_for_a_ppgl_is_accepted() =>
        ReadValid(CaseJson.Minimal("adrenal").Set("tumour.histologicType", "pheochromocytoma").Set("tumour.differentiation", "unknown"));

    [Theory]
    [InlineData("tumour.paragangliomaType", "\"sympathetic\"", "extra-adrenal-paraganglion", "adrenal")]
    [InlineData("tumour.gastricType", "1", "stomach", "duodenum")]
    [InlineData("tumour.mesoappendixInvasionMm", "4", "appendix", "colon")]
    [InlineData("tumour.depth", "\"sphincter-of-oddi\"", "ampulla", "duodenum")]
    [InlineData("tumour.depth", "\"duodenal-submucosa\"", "ampulla", "pancreas")]
    [InlineData("tumour.otherSite", "\"ovary\"", "other", "ileum")]
    [InlineData("tumour.gapp", """{ "cellularity": "high" }""", "adrenal", "pancreas")]
    [InlineData("tumour.gapp", """{ "comedoNecrosis": false }""", "extra-adrenal-paraganglion", "lung")]
    public void A_field_for_another_site_is_a_contradiction(string path, string value, string rightSite, string wrongSite)
    {
        ReadValid(CaseJson.Minimal(rightSite).SetRaw(path, value));
        ShouldFailWith(CaseJson.Minimal(wrongSite).SetRaw(path, value), ErrorCodes.FieldNotForSite, path);
    }

    [Fact]
    public void Gapp_belongs_to_a_paraganglioma_recognised_by_its_histologic_type() =>
        ReadValid(CaseJson.Minimal("unknown-primary").Set("tumour.histologicType", "paraganglioma").SetRaw("tumour.gapp", """{ "cellularity": "low" }"""));

    [Theory]
    [InlineData("pancreas")]
    [InlineData("lung")]
    [InlineData("thymus")]
    [InlineData("adrenal")]
    [InlineData("extra-adrenal-paraganglion")]
    public void A_depth_on_an_organ_without_wall_layers_is_a_field_not_for_site(string site) =>
        ShouldFailWith(CaseJson.Minimal(site).Set("tumour.depth", "submucosa"), ErrorCodes.FieldNotForSite, "tumour.depth");

    [Theory]
    [InlineData("stomach")]
    [InlineData("duodenum")]
    [InlineData("ampulla")]
    [InlineData("jejunum")]
    [InlineData("ileum")]
    [InlineData("appendix")]
    [InlineData("colon")]
    [InlineData("rectum")]
    [InlineData("unknown-primary")]
    [InlineData("other")]
    public void Ordinary_depths_are_accepted_outside_the_ampulla(string site) =>
        ReadValid(CaseJson.Minimal(site).Set("tumour.depth", "subserosa"));

    [Fact]
    public void A_non_functioning_catecholamine_type_with_catecholamine_excess_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal("adrenal").Set("tumour.functionalSyndrome", "catecholamine-excess").Set("tumour.gapp.catecholamineType", "non-functioning"),
            ErrorCodes.InconsistentFacts, "tumour.gapp.catecholamineType");
        ReadValid(CaseJson.Minimal("adrenal").Set("tumour.functionalSyndrome", "catecholamine-excess").Set("tumour.gapp.catecholamineType", "noradrenergic"));
        ReadValid(CaseJson.Minimal("adrenal").Set("tumour.functionalSyndrome", "none").Set("tumour.gapp.catecholamineType", "non-functioning"));
    }

    [Fact]
    public void A_liver_tumour_burden_with_a_free_liver_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal().SetRaw("tumour.metastases", """{ "liver": false }""").Set("tumour.liverTumourBurdenPercent", 10),
            ErrorCodes.InconsistentFacts, "tumour.liverTumourBurdenPercent");
        ReadValid(CaseJson.Minimal().SetRaw("tumour.metastases", """{ "liver": false }""").Set("tumour.liverTumourBurdenPercent", 0));
        ReadValid(CaseJson.Minimal().SetRaw("tumour.metastases", """{ "liver": true }""").Set("tumour.liverTumourBurdenPercent", 10));
    }

    [Fact]
    public void A_nodal_mesenteric_mass_with_no_positive_node_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal().SetRaw("tumour.lymphNodes", """{ "examined": 12, "positive": 0, "mesentericMassOver2cm": true }"""),
            ErrorCodes.InconsistentFacts, "tumour.lymphNodes.mesentericMassOver2cm");
        ReadValid(CaseJson.Minimal().SetRaw("tumour.lymphNodes", """{ "examined": 12, "positive": 1, "mesentericMassOver2cm": true }"""));
        // Clinical (imaging) mass without pathological node counts.
        ReadValid(CaseJson.Minimal().SetRaw("tumour.lymphNodes", """{ "mesentericMassOver2cm": true }"""));
    }

    [Fact]
    public void A_resection_margin_without_a_resection_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal().SetRaw("tumour.resection", """{ "done": false, "margin": "R0" }"""),
            ErrorCodes.InconsistentFacts, "tumour.resection.margin");
        ReadValid(CaseJson.Minimal().SetRaw("tumour.resection", """{ "done": true, "margin": "R1" }"""));
        ReadValid(CaseJson.Minimal().SetRaw("tumour.resection", """{ "done": false, "margin": null }"""));
    }

    [Theory]
    [InlineData("""{ "done": false, "positive": true }""")]
    [InlineData("""{ "done": false, "positive": false }""")]
    [InlineData("""{ "done": false, "krenningScore": 0 }""")]
    public void An_sstr_pet_result_without_the_scan_is_a_contradiction(string sstr) =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("imaging.sstrPet", sstr), ErrorCodes.InconsistentFacts, "imaging.sstrPet.done");

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Uptake_at_or_above_liver_called_negative_is_a_contradiction(int krenning) =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("imaging.sstrPet", $$"""{ "done": true, "positive": false, "krenningScore": {{krenning}} }"""),
            ErrorCodes.InconsistentFacts, "imaging.sstrPet.krenningScore");

    [Theory]
    [InlineData("""{ "done": true, "positive": false, "krenningScore": 1 }""")]
    [InlineData("""{ "done": true, "positive": false, "krenningScore": 0 }""")]
    [InlineData("""{ "done": true, "positive": true, "krenningScore": 4 }""")]
    [InlineData("""{ "done": false }""")]
    public void A_consistent_sstr_pet_is_accepted(string sstr) =>
        ReadValid(CaseJson.Minimal().SetRaw("imaging.sstrPet", sstr));

    [Fact]
    public void An_fdg_pet_result_without_the_scan_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal().SetRaw("imaging.fdgPet", """{ "done": false, "positive": true }"""), ErrorCodes.InconsistentFacts, "imaging.fdgPet.done");
        ReadValid(CaseJson.Minimal().SetRaw("imaging.fdgPet", """{ "done": false, "positive": null }"""));
        ReadValid(CaseJson.Minimal().SetRaw("imaging.fdgPet", """{ "done": true, "positive": false }"""));
    }

    [Fact]
    public void A_pregnant_male_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal().Set("patient.sex", "male").Set("patient.pregnant", true), ErrorCodes.InconsistentFacts, "patient.pregnant");
        ReadValid(CaseJson.Minimal().Set("patient.sex", "male").Set("patient.pregnant", false));
        ReadValid(CaseJson.Minimal().Set("patient.sex", "female").Set("patient.pregnant", true));
        ReadValid(CaseJson.Minimal().Set("patient.pregnant", true));
    }

    [Fact]
    public void A_therapy_that_ends_before_it_starts_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies",
            """[{ "code": "systemic.ssa" }, { "code": "systemic.prrt", "startDate": "2026-05-02", "endDate": "2026-05-01" }]"""),
            ErrorCodes.DateOrder, "history.priorTherapies[1].endDate");
        ReadValid(CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "code": "systemic.prrt", "startDate": "2026-05-01", "endDate": "2026-05-01" }]"""));
    }

    [Fact]
    public void A_therapy_that_starts_after_the_assessment_date_is_a_contradiction()
    {
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "code": "systemic.ssa", "startDate": "2026-11-24" }]"""),
            ErrorCodes.DateOrder, "history.priorTherapies[0].startDate");
        ReadValid(CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "code": "systemic.ssa", "startDate": "2026-11-23" }]"""));
    }
}
