using NetPath.Clinical.Tests.TestSupport;
using NetPath.Clinical.Validation;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Validation;

/// <summary>Codes outside their closed sets, numbers outside their physical ranges, dates, duplicates and TNM spellings.</summary>
public class ValueTests
{
    [Theory]
    [InlineData("ileum", "tumour.primarySite", "small-bowel")]
    [InlineData("ileum", "tumour.primarySite", "Ileum")]
    [InlineData("ileum", "tumour.differentiation", "moderate")]
    [InlineData("ileum", "tumour.histologicType", "carcinoid")]
    [InlineData("ileum", "tumour.necrosis", "focal")]
    [InlineData("ileum", "tumour.depth", "mucosa")]
    [InlineData("extra-adrenal-paraganglion", "tumour.paragangliomaType", "head-and-neck")]
    [InlineData("ileum", "tumour.resectability", "maybe")]
    [InlineData("ileum", "tumour.resection.margin", "R3")]
    [InlineData("ileum", "tumour.resection.margin", "r0")]
    [InlineData("ileum", "tumour.functionalSyndrome", "serotonin")]
    [InlineData("adrenal", "tumour.gapp.histologicPattern", "solid")]
    [InlineData("adrenal", "tumour.gapp.cellularity", "very-high")]
    [InlineData("adrenal", "tumour.gapp.catecholamineType", "dopaminergic")]
    [InlineData("ileum", "patient.sex", "f")]
    public void A_code_outside_its_set_is_an_invalid_code(string site, string path, string code) =>
        ShouldFailWith(CaseJson.Minimal(site).Set(path, code), ErrorCodes.InvalidCode, path);

    [Fact]
    public void A_therapy_outcome_outside_its_set_is_an_invalid_code() =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "code": "systemic.ssa", "outcome": "cured" }]"""),
            ErrorCodes.InvalidCode, "history.priorTherapies[0].outcome");

    [Theory]
    [InlineData("tumour.invades", """["duodenum", "bladder"]""", "tumour.invades[1]")]
    [InlineData("tumour.metastases.extrahepatic", """["skin"]""", "tumour.metastases.extrahepatic[0]")]
    [InlineData("patient.germline", """["MEN1", "men1"]""", "patient.germline[1]")]
    [InlineData("symptoms.present", """["flushing", "itch"]""", "symptoms.present[1]")]
    public void A_code_outside_its_set_in_a_list_is_reported_at_its_index(string path, string list, string errorPath) =>
        ShouldFailWith(CaseJson.Minimal().SetRaw(path, list), ErrorCodes.InvalidCode, errorPath);

    [Theory]
    [InlineData("workup.sstr-pet")]
    [InlineData("team.tumour-board")]
    [InlineData("followup.none-needed")]
    [InlineData("systemic.magic")]
    [InlineData("")]
    public void A_prior_therapy_code_must_be_a_treatment_code(string code) =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", $$"""[{ "code": "{{code}}" }]"""),
            ErrorCodes.InvalidCode, "history.priorTherapies[0].code");

    [Theory]
    [InlineData("systemic.ssa")]
    [InlineData("surgery.liver-resection")]
    [InlineData("liver.tace")]
    [InlineData("surveillance.active")]
    public void A_treatment_code_is_a_valid_prior_therapy(string code) =>
        ReadValid(CaseJson.Minimal().SetRaw("history.priorTherapies", $$"""[{ "code": "{{code}}", "outcome": "progression" }]"""))
            .History.PriorTherapies.ShouldHaveSingleItem().Code.ShouldBe(code);

    /// <summary>Each numeric field with the last accepted and first rejected value at both ends.</summary>
    [Theory]
    [InlineData("ileum", "tumour.ki67Percent", 0, 100, -0.1, 100.1)]
    [InlineData("ileum", "tumour.mitosesPer2mm2", 0, 1000, -0.1, 1000.1)]
    [InlineData("ileum", "tumour.sizeMm", 0.1, 1000, 0, 1000.1)]
    [InlineData("appendix", "tumour.mesoappendixInvasionMm", 0, 200, -0.1, 200.1)]
    [InlineData("stomach", "tumour.gastricType", 1, 3, 0, 4)]
    [InlineData("ileum", "tumour.tumourCount", 1, 1000, 0, 1001)]
    [InlineData("ileum", "tumour.lymphNodes.examined", 0, 500, -1, 501)]
    [InlineData("ileum", "tumour.lymphNodes.positive", 0, 500, -1, 501)]
    [InlineData("ileum", "tumour.liverTumourBurdenPercent", 0, 100, -0.1, 100.1)]
    [InlineData("ileum", "patient.ageYears", 0, 120, -1, 121)]
    [InlineData("ileum", "patient.ecog", 0, 5, -1, 6)]
    [InlineData("ileum", "imaging.sstrPet.krenningScore", 0, 4, -1, 5)]
    [InlineData("ileum", "labs.egfrMlMin", 0, 250, -0.1, 250.1)]
    [InlineData("ileum", "labs.bilirubinXUln", 0, 100, -0.1, 100.1)]
    [InlineData("ileum", "labs.plateletsPerNl", 0, 5000, -1, 5001)]
    [InlineData("ileum", "labs.neutrophilsPerNl", 0, 500, -0.1, 500.1)]
    [InlineData("ileum", "labs.hemoglobinGDl", 0, 30, -0.1, 30.1)]
    [InlineData("ileum", "labs.albuminGL", 0, 80, -0.1, 80.1)]
    [InlineData("ileum", "labs.ntProBnpPgMl", 0, 200000, -1, 200001)]
    [InlineData("ileum", "labs.chromograninAXUln", 0, 100000, -0.1, 100000.1)]
    [InlineData("ileum", "labs.urine5HiaaMg24h", 0, 100000, -0.1, 100000.1)]
    [InlineData("ileum", "labs.gastrinXUln", 0, 100000, -0.1, 100000.1)]
    [InlineData("ileum", "symptoms.diarrheaPerDay", 0, 100, -0.1, 100.1)]
    [InlineData("ileum", "symptoms.flushesPerDay", 0, 200, -0.1, 200.1)]
    public void A_number_is_accepted_up_to_its_bounds_and_rejected_past_them(string site, string path, double lowest, double highest, double below, double above)
    {
        ReadValid(CaseJson.Minimal(site).Set(path, lowest));
        ReadValid(CaseJson.Minimal(site).Set(path, highest));
        ShouldFailWith(CaseJson.Minimal(site).Set(path, below), ErrorCodes.OutOfRange, path);
        ShouldFailWith(CaseJson.Minimal(site).Set(path, above), ErrorCodes.OutOfRange, path);
    }

    [Fact]
    public void Ki67_keeps_its_exact_value()
    {
        ReadValid(CaseJson.Minimal().Set("tumour.ki67Percent", 0)).Tumour.Ki67!.Value.Value.ShouldBe(0);
        ReadValid(CaseJson.Minimal().Set("tumour.ki67Percent", 100)).Tumour.Ki67!.Value.Value.ShouldBe(100);
        ReadValid(CaseJson.Minimal().Set("tumour.ki67Percent", 2.95)).Tumour.Ki67!.Value.Value.ShouldBe(2.95);
    }

    [Theory]
    [InlineData("22/11/2026")]
    [InlineData("2026-11-31")]
    [InlineData("2026-13-01")]
    [InlineData("2026-1-5")]
    [InlineData("2026-11-22T10:00:00Z")]
    [InlineData("")]
    [InlineData("yesterday")]
    public void A_date_that_is_not_iso_8601_is_an_invalid_date(string date)
    {
        ShouldFailWith(CaseJson.Minimal().Set("assessmentDate", date), ErrorCodes.InvalidDate, "assessmentDate");
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", $$"""[{ "code": "systemic.ssa", "startDate": "{{date}}" }]"""),
            ErrorCodes.InvalidDate, "history.priorTherapies[0].startDate");
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", $$"""[{ "code": "systemic.ssa", "endDate": "{{date}}" }]"""),
            ErrorCodes.InvalidDate, "history.priorTherapies[0].endDate");
    }

    [Fact]
    public void A_leap_day_is_a_date() =>
        ReadValid(CaseJson.Minimal().Set("assessmentDate", "2028-02-29")).AssessmentDate.ShouldBe(new DateOnly(2028, 2, 29));

    [Theory]
    [InlineData("tumour.invades", """["duodenum", "pancreas", "duodenum"]""", "tumour.invades[2]")]
    [InlineData("tumour.metastases.extrahepatic", """["bone", "bone"]""", "tumour.metastases.extrahepatic[1]")]
    [InlineData("patient.germline", """["MEN1", "MEN1"]""", "patient.germline[1]")]
    [InlineData("symptoms.present", """["diarrhea", "flushing", "diarrhea"]""", "symptoms.present[2]")]
    public void A_code_listed_twice_is_a_duplicate_value(string path, string list, string errorPath) =>
        ShouldFailWith(CaseJson.Minimal().SetRaw(path, list), ErrorCodes.DuplicateValue, errorPath);

    [Theory]
    [InlineData("t", "T2", "T2")]
    [InlineData("t", "pT2", "T2")]
    [InlineData("t", "cT1a", "T1a")]
    [InlineData("t", "ypT3", "T3")]
    [InlineData("t", "T3(m)", "T3(m)")]
    [InlineData("t", " T4 ", "T4")]
    [InlineData("t", "TX", "TX")]
    [InlineData("n", "N1", "N1")]
    [InlineData("n", "cN1", "N1")]
    [InlineData("n", "pN0", "N0")]
    [InlineData("m", "M1a", "M1a")]
    [InlineData("m", "cM0", "M0")]
    [InlineData("m", "pM1c", "M1c")]
    public void An_ajcc_spelling_of_a_tnm_category_is_accepted(string member, string spelled, string read)
    {
        // T1a exists only in the colorectal and lung chapters; the minimal case is an ileal NET.
        var json = CaseJson.Minimal().Set("tumour.tnm." + member, spelled);
        if (read == "T1a") json = json.Set("tumour.primarySite", "rectum");
        var tnm = ReadValid(json).Tumour.Tnm;
        (member switch { "t" => tnm.T, "n" => tnm.N, _ => tnm.M }).ShouldBe(read);
    }

    [Theory]
    [InlineData("t", "T5")]
    [InlineData("t", "t2")]
    [InlineData("t", "2")]
    [InlineData("t", "N1")]
    [InlineData("t", "T1d")]
    [InlineData("t", "")]
    [InlineData("t", "pp")]
    [InlineData("n", "N4")]
    [InlineData("n", "T1")]
    [InlineData("n", "n1")]
    [InlineData("m", "M2")]
    [InlineData("m", "MX")]
    [InlineData("m", "M1d")]
    public void A_tnm_category_ajcc_does_not_spell_is_invalid(string member, string spelled) =>
        ShouldFailWith(CaseJson.Minimal().Set("tumour.tnm." + member, spelled), ErrorCodes.InvalidTnmCategory, "tumour.tnm." + member);
}
