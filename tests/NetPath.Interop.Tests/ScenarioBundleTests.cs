using Hl7.Fhir.Serialization;
using NetPath.Clinical.Engine;

namespace NetPath.Interop.Tests;

/// <summary>
/// NET bundles written by hand (TestData/bundles, write_bundles.py) from the facts of scenario cases,
/// coded as a record system would: imported, they give the scenario's case, and assessed, the same
/// assessment as the scenario's JSON case and what the scenario expects from the guideline.
/// </summary>
public class ScenarioBundleTests
{
    public static TheoryData<string> Bundles =>
        [.. Directory.GetFiles(TestCases.Folder("bundles"), "*.bundle.json").Select(f => Path.GetFileName(f)[..^".bundle.json".Length])];

    [Theory]
    [MemberData(nameof(Bundles))]
    public void A_hand_written_bundle_is_assessed_as_its_json_case(string id)
    {
        var imported = TestCases.Importer.Import(TestCases.Bundle(id), TestCases.ScenarioDate, id);
        imported.FhirErrors.ShouldBeNull();
        imported.IsValid.ShouldBeTrue(string.Join("; ", imported.CaseErrors.Select(e => $"{e.Error.Path}: {e.Error.Message}")));

        var fromFhir = NetPathEngine.Current.Assess(imported.Case!, TestCases.ScenarioDate);
        var fromJson = TestCases.AssessJson(TestCases.CaseJson(id));
        TestCases.Json(fromFhir).ShouldBe(TestCases.Json(fromJson));

        // And what the scenario expects, written from the guideline before the engine existed.
        var expect = TestCases.Scenario(id)["expect"]!;
        if (expect["grade"] is { } grade) Clinical.Cases.WireCode<Clinical.Assessments.GradeValue>.Of(fromFhir.Grade.Value).ShouldBe((string)grade!);
        foreach (var code in expect["recommend"]?.AsArray().Select(n => (string)n!) ?? [])
            fromFhir.Recommendations.Select(r => r.Code).Concat(fromFhir.Workup.Select(w => w.Code)).ShouldContain(code);
        foreach (var code in expect["contraindicated"]?.AsArray().Select(n => (string)n!) ?? [])
            fromFhir.Contraindicated.Select(r => r.Code).ShouldContain(code);
        foreach (var code in expect["notRecommend"]?.AsArray().Select(n => (string)n!) ?? [])
            fromFhir.Recommendations.Select(r => r.Code).ShouldNotContain(code);
    }

    [Fact]
    public void Labs_in_other_units_are_converted_and_the_latest_result_is_kept()
    {
        var imported = TestCases.Importer.Import(TestCases.Bundle("ileum-15-prrt-egfr-29-contraindicated"), TestCases.ScenarioDate);
        var labs = imported.Case!.Labs;
        labs.EgfrMlMin.ShouldBe(29); // the 2026-06-01 result of 45 is older
        labs.HemoglobinGDl.ShouldBe(13.1); // 131 g/L
        labs.PlateletsPerNl.ShouldBe(230); // 230 x 10^3/µL = 230 /nL
        labs.BilirubinXUln.ShouldBe(0.7); // 0.84 mg/dL against an upper limit of 1.2 mg/dL
        imported.Case.Tumour.Size!.Value.Value.ShouldBe(20); // 2.0 cm
        imported.Case.Patient.AgeYears.ShouldBe(79); // born 1947-05-10, assessed 2026-11-23
        imported.Unmapped.ShouldContain(u => u.Resource == "Observation/o-egfr-old" && u.Why.Contains("Superseded", StringComparison.Ordinal));
    }

    [Fact]
    public void Bilirubin_in_micromoles_is_read_against_its_own_reference_range()
    {
        var imported = TestCases.Importer.Import(TestCases.Bundle("pancreas-23-progression-on-ssa"), TestCases.ScenarioDate);
        imported.Case!.Labs.BilirubinXUln.ShouldBe(0.6); // 12 µmol/L against 20 µmol/L
        imported.Case.Tumour.PrimarySite.ShouldBe(Clinical.Cases.PrimarySite.Pancreas); // ICD-O-3 C25.4
        imported.Case.Tumour.Metastases!.Liver.ShouldBe(true); // ICD-10-CM C78.7 without a body site
    }

    [Fact]
    public void Doses_of_one_drug_are_one_therapy_from_first_to_last_dose()
    {
        var imported = TestCases.Importer.Import(TestCases.Bundle("pancreas-23-progression-on-ssa"), TestCases.ScenarioDate);
        var therapy = imported.Case!.History.PriorTherapies.ShouldHaveSingleItem();
        therapy.Code.ShouldBe("systemic.ssa"); // octreotide, ATC H01CB02, through a Medication resource
        therapy.StartDate.ShouldBe(new DateOnly(2024, 6, 1));
        therapy.EndDate.ShouldBe(new DateOnly(2026, 9, 1));
        therapy.Outcome.ShouldBe(Clinical.Cases.TherapyOutcome.Progression);
        imported.Origins["history.priorTherapies[0]"].Count.ShouldBe(3);
    }

    [Fact]
    public void A_lung_carcinoid_morphology_reads_as_typical_carcinoid()
    {
        var imported = TestCases.Importer.Import(TestCases.Bundle("lung-04-typical-31mm-ib"), TestCases.ScenarioDate);
        imported.Case!.Tumour.HistologicType.ShouldBe(Clinical.Cases.HistologicType.TypicalCarcinoid); // ICD-O-3 8240/3 on C34
        imported.Case.Tumour.LymphNodes.Examined.ShouldBe(10); // LOINC 92833-3
    }

    [Fact]
    public void Pregnancy_and_the_clinicians_n_category_are_read()
    {
        TestCases.Importer.Import(TestCases.Bundle("adrenal-pheo-08-pregnant"), TestCases.ScenarioDate).Case!.Patient.Pregnant.ShouldBe(true);
        var rectum = TestCases.Importer.Import(TestCases.Bundle("rectum-02-9mm-endoscopic-resection"), TestCases.ScenarioDate);
        rectum.Case!.Tumour.Tnm.N.ShouldBe("N0"); // SNOMED CT 1229967007 cN0, AJCC 8 method
        rectum.Case.Tumour.PrimarySite.ShouldBe(Clinical.Cases.PrimarySite.Rectum); // ICD-10-CM C7A.026 only
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Every_resource_is_either_read_or_reported(string id)
    {
        var bundle = (Hl7.Fhir.Model.Bundle)new FhirJsonDeserializer().DeserializeResource(TestCases.Bundle(id));
        var imported = TestCases.Importer.Import(bundle, TestCases.ScenarioDate);
        var read = imported.Origins.Values.SelectMany(o => o).Select(o => o.Resource).ToHashSet();
        var reported = imported.Unmapped.Select(u => u.Resource).ToHashSet();
        foreach (var entry in bundle.Entry)
        {
            var label = $"{entry.Resource!.TypeName}/{entry.Resource.Id}";
            // A Medication is read through the administrations that refer to it.
            if (entry.Resource is Hl7.Fhir.Model.Medication) continue;
            (read.Contains(label) || reported.Contains(label)).ShouldBeTrue($"{label} was neither read nor reported");
        }
    }
}
