using NetPath.Clinical.Tests.TestSupport;
using NetPath.Clinical.Validation;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Validation;

/// <summary>The reader's promises about a whole case: every error at once, nothing defaulted, null is absent.</summary>
public class WholeCaseTests
{
    [Fact]
    public void Every_error_of_a_case_is_reported_at_once()
    {
        var json = CaseJson.Minimal("pancreas")
            .Set("schemaVersion", "2")
            .Set("tumour.ki67Percent", 120)
            .Set("tumour.gastricType", 1)
            .SetRaw("tumour.lymphNodes", """{ "examined": 2, "positive": 5 }""")
            .Set("patient.sex", "man")
            .Set("tumour.ki76", 3)
            .SetRaw("history.priorTherapies", """[{ "code": "systemic.ssa", "startDate": "2026-02-30" }]""");

        Errors(json).ShouldBe([
            (ErrorCodes.UnknownField, "tumour.ki76"),
            (ErrorCodes.UnsupportedSchemaVersion, "schemaVersion"),
            (ErrorCodes.InvalidCode, "patient.sex"),
            (ErrorCodes.OutOfRange, "tumour.ki67Percent"),
            (ErrorCodes.NodesPositiveExceedExamined, "tumour.lymphNodes.positive"),
            (ErrorCodes.FieldNotForSite, "tumour.gastricType"),
            (ErrorCodes.InvalidDate, "history.priorTherapies[0].startDate"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Five_problems_give_five_errors()
    {
        var json = CaseJson.Minimal("colon")
            .Set("tumour.differentiation", "well").Set("tumour.histologicType", "nec-large-cell")
            .Set("tumour.sizeMm", 0)
            .Set("patient.ecog", 6)
            .SetRaw("imaging.fdgPet", """{ "done": false, "positive": true }""")
            .SetRaw("symptoms.present", """["rash", "rash"]""");
        Errors(json).Count.ShouldBe(5);
    }

    [Fact]
    public void An_invalid_case_never_carries_a_case_and_a_valid_one_never_carries_errors()
    {
        var bad = Read(CaseJson.Minimal().Set("tumour.ki67Percent", -1));
        bad.IsValid.ShouldBeFalse();
        bad.Case.ShouldBeNull();
        bad.Errors.ShouldNotBeEmpty();

        var good = Read(CaseJson.Minimal());
        good.IsValid.ShouldBeTrue();
        good.Case.ShouldNotBeNull();
        good.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_is_defaulted_an_absent_fact_stays_absent()
    {
        var c = ReadValid(CaseJson.Minimal());
        c.Tumour.Ki67.ShouldBeNull();
        c.Tumour.Mitoses.ShouldBeNull();
        c.Tumour.Size.ShouldBeNull();
        c.Tumour.Differentiation.ShouldBeNull();
        c.Tumour.HistologicType.ShouldBeNull();
        c.Tumour.Necrosis.ShouldBeNull();
        c.Tumour.Metastases.ShouldBeNull();
        c.Tumour.LymphNodes.Examined.ShouldBeNull();
        c.Tumour.LymphNodes.Positive.ShouldBeNull();
        c.Tumour.FunctionalSyndrome.ShouldBeNull();
        c.Tumour.Resection.Done.ShouldBeNull();
        c.Tumour.Tnm.T.ShouldBeNull();
        c.Tumour.Gapp.AnyGiven.ShouldBeFalse();
        c.Tumour.Invades.IsEmpty.ShouldBeTrue();
        c.Patient.Sex.ShouldBeNull();
        c.Patient.AgeYears.ShouldBeNull();
        c.Patient.Ecog.ShouldBeNull();
        c.Patient.Pregnant.ShouldBeNull();
        c.Imaging.SstrPet.Done.ShouldBeNull();
        c.Imaging.SstrPet.KrenningScore.ShouldBeNull();
        c.Labs.EgfrMlMin.ShouldBeNull();
        c.Labs.OnPpi.ShouldBeNull();
        c.Symptoms.DiarrheaPerDay.ShouldBeNull();
        c.History.PriorTherapies.ShouldBeEmpty();
    }

    [Fact]
    public void A_zero_is_kept_as_zero_not_taken_for_absent()
    {
        var c = ReadValid(CaseJson.Minimal().Set("tumour.ki67Percent", 0).Set("tumour.mitosesPer2mm2", 0)
            .SetRaw("tumour.lymphNodes", """{ "examined": 0, "positive": 0 }""").Set("patient.ecog", 0));
        c.Tumour.Ki67!.Value.Value.ShouldBe(0);
        c.Tumour.Mitoses!.Value.Value.ShouldBe(0);
        c.Tumour.LymphNodes.Positive.ShouldBe(0);
        c.Patient.Ecog.ShouldBe(0);
    }

    [Fact]
    public void Null_values_are_read_as_absent_at_every_level()
    {
        var json = """
            {
              "schemaVersion": "1", "id": null, "assessmentDate": null,
              "patient": { "sex": null, "ageYears": null, "ecog": null, "pregnant": null, "germline": null },
              "tumour": {
                "primarySite": "pancreas", "otherSite": null, "differentiation": null, "histologicType": null,
                "ki67Percent": null, "mitosesPer2mm2": null, "necrosis": null, "sizeMm": null, "depth": null,
                "invades": null, "mesoappendixInvasionMm": null, "paragangliomaType": null, "gastricType": null,
                "tumourCount": null, "lymphNodes": { "examined": null, "positive": null, "mesentericMassOver2cm": null },
                "mainDuctDilatation": null, "metastases": null, "liverTumourBurdenPercent": null,
                "lymphovascularInvasion": null, "resectability": null, "resection": { "done": null, "margin": null },
                "functionalSyndrome": null, "tnm": { "t": null, "n": null, "m": null }, "gapp": null
              },
              "imaging": { "sstrPet": { "done": null, "positive": null, "krenningScore": null }, "fdgPet": null },
              "labs": { "egfrMlMin": null, "bilirubinXUln": null, "plateletsPerNl": null, "neutrophilsPerNl": null,
                        "hemoglobinGDl": null, "albuminGL": null, "ntProBnpPgMl": null, "chromograninAXUln": null,
                        "urine5HiaaMg24h": null, "gastrinXUln": null, "onPpi": null },
              "history": { "priorTherapies": null },
              "symptoms": { "present": null, "diarrheaPerDay": null, "flushesPerDay": null }
            }
            """;
        var c = ReadValid(json);
        c.Id.ShouldBeNull();
        c.AssessmentDate.ShouldBeNull();
        c.Tumour.Ki67.ShouldBeNull();
        c.Tumour.Metastases.ShouldBeNull();
        c.Patient.Germline.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Known_m0_is_told_apart_from_unknown_metastases()
    {
        ReadValid(CaseJson.Minimal().SetRaw("tumour.metastases", """{ "liver": false, "extrahepatic": [] }""")).Tumour.Metastases!.IsKnownAbsent.ShouldBeTrue();
        ReadValid(CaseJson.Minimal().SetRaw("tumour.metastases", """{ "extrahepatic": [] }""")).Tumour.Metastases!.IsKnownAbsent.ShouldBeFalse();
        ReadValid(CaseJson.Minimal()).Tumour.Metastases.ShouldBeNull();
    }

    [Fact]
    public void The_contract_example_case_reads_valid()
    {
        // contracts/case.md, the documented example (copied here; tests never read /work/shared).
        var c = ReadValid("""
            {
              "schemaVersion": "1", "id": "case-0001", "assessmentDate": "2026-11-22",
              "patient": { "sex": "female", "ageYears": 58, "ecog": 1, "pregnant": false, "germline": ["MEN1"] },
              "tumour": {
                "primarySite": "pancreas", "differentiation": "well", "histologicType": "net", "ki67Percent": 8.5,
                "mitosesPer2mm2": 3, "necrosis": "none", "sizeMm": 32, "depth": null, "invades": ["duodenum"],
                "mesoappendixInvasionMm": null, "paragangliomaType": null, "gastricType": null, "tumourCount": 1,
                "lymphNodes": { "examined": 14, "positive": 2, "mesentericMassOver2cm": false },
                "metastases": { "liver": true, "extrahepatic": ["bone"] }, "liverTumourBurdenPercent": 15,
                "lymphovascularInvasion": true, "resectability": "unresectable", "resection": { "done": false, "margin": null },
                "functionalSyndrome": "none", "tnm": null
              },
              "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 3 }, "fdgPet": { "done": false, "positive": null } },
              "labs": { "egfrMlMin": 78, "bilirubinXUln": 0.8, "plateletsPerNl": 210, "neutrophilsPerNl": 4.1, "hemoglobinGDl": 12.9,
                        "albuminGL": 38, "ntProBnpPgMl": 120, "chromograninAXUln": 3.2, "urine5HiaaMg24h": null, "onPpi": false },
              "history": { "priorTherapies": [ { "code": "systemic.ssa", "outcome": "progression", "endDate": "2026-09-30" } ] },
              "symptoms": { "present": ["flushing", "diarrhea"], "diarrheaPerDay": 6, "flushesPerDay": 3 }
            }
            """);
        c.Tumour.Ki67!.Value.Value.ShouldBe(8.5);
        c.Tumour.LymphNodes.Positive.ShouldBe(2);
        c.History.PriorTherapies.ShouldHaveSingleItem().EndDate.ShouldBe(new DateOnly(2026, 9, 30));
    }
}
