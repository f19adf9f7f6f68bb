using Hl7.Fhir.Model;
using NetPath.Clinical.Validation;

namespace NetPath.Interop.Tests;

/// <summary>What NetPath does not map is reported with its path and why; invalid FHIR and contradictory facts are errors that name where.</summary>
public class UnmappedAndInvalidTests
{
    private const string Patient = """{"resourceType":"Patient","id":"p","gender":"male","birthDate":"1960-01-01"}""";
    private const string Primary = """{"resourceType":"Condition","id":"c","subject":{"reference":"Patient/p"},"bodySite":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/icd-o-3","code":"C17.2"}]}],"extension":[{"url":"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior","valueCodeableConcept":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/icd-o-3","code":"8240/3"}]}}]}""";

    private static string Bundle(params string[] resources) =>
        $$"""{"resourceType":"Bundle","type":"collection","entry":[{{string.Join(",", resources.Select(r => $$"""{"resource":{{r}}}"""))}}]}""";

    private static string Fact(string id, string path, string value) =>
        $$"""{"resourceType":"Observation","id":"{{id}}","status":"final","subject":{"reference":"Patient/p"},"effectiveDateTime":"2026-11-01","code":{"coding":[{"system":"http://netpath.example.org/fhir/CodeSystem/case-fact","code":"{{path}}"}]},{{value}}}""";

    private static FhirImportResult Import(string json) => TestCases.Importer.Import(json, TestCases.ScenarioDate);

    [Fact]
    public void Text_that_is_not_json_is_an_operation_outcome()
    {
        var result = Import("{ not json");
        result.FhirErrors.ShouldNotBeNull();
        result.FhirErrors.Issue.ShouldAllBe(i => i.Severity == OperationOutcome.IssueSeverity.Error);
        result.Case.ShouldBeNull();
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_by_its_path()
    {
        var badAge = """{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"valueQuantity":{"value":"seventy"}}""";
        var result = Import(Bundle(Patient, badAge));
        result.FhirErrors.ShouldNotBeNull();
        result.FhirErrors.Issue.SelectMany(i => i.Expression).ShouldContain(e => e!.StartsWith("Bundle.entry[1].resource", StringComparison.Ordinal) && e.Contains("value", StringComparison.Ordinal));
    }

    [Fact]
    public void An_element_fhir_does_not_define_is_named_by_its_path()
    {
        var result = Import(Bundle("""{"resourceType":"Patient","id":"p","gendre":"male"}"""));
        result.FhirErrors.ShouldNotBeNull();
        result.FhirErrors.Issue.SelectMany(i => i.Expression).ShouldContain(e => e!.Contains("Bundle.entry[0].resource", StringComparison.Ordinal));
        result.FhirErrors.Issue.ShouldContain(i => i.Diagnostics!.Contains("gendre", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_that_is_not_a_bundle_is_refused()
    {
        var result = Import(Patient);
        result.FhirErrors!.Issue.ShouldHaveSingleItem().Expression.ShouldBe(["resourceType"]);
    }

    [Theory]
    [InlineData("document")]
    [InlineData("batch")]
    [InlineData("history")]
    public void Bundle_types_other_than_collection_transaction_and_searchset_are_refused(string type)
    {
        var result = Import($$"""{"resourceType":"Bundle","type":"{{type}}"}""");
        result.FhirErrors!.Issue.ShouldHaveSingleItem().Expression.ShouldBe(["Bundle.type"]);
    }

    [Fact]
    public void Two_patients_are_refused()
    {
        var result = Import(Bundle(Patient, """{"resourceType":"Patient","id":"q"}"""));
        result.FhirErrors!.Issue.ShouldHaveSingleItem().Expression.ShouldBe(["Bundle.entry[1].resource"]);
    }

    [Fact]
    public void A_resource_about_another_patient_is_refused_naming_its_subject()
    {
        var other = """{"resourceType":"Condition","id":"x","subject":{"reference":"Patient/someone-else"}}""";
        var result = Import(Bundle(Patient, Primary, other));
        result.FhirErrors!.Issue.ShouldHaveSingleItem().Expression.ShouldBe(["Bundle.entry[2].resource.subject"]);
    }

    [Fact]
    public void More_positive_nodes_than_examined_is_the_case_error_traced_to_both_observations()
    {
        var examined = """{"resourceType":"Observation","id":"examined","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"92833-3"}]},"valueInteger":3}""";
        var positive = Fact("positive", "tumour.lymphNodes.positive", "\"valueInteger\":5");
        var result = Import(Bundle(Patient, Primary, examined, positive));
        result.IsValid.ShouldBeFalse();
        var error = result.CaseErrors.ShouldHaveSingleItem();
        error.Error.Code.ShouldBe(ErrorCodes.NodesPositiveExceedExamined);
        error.Origins.Select(o => o.Resource).ShouldBe(["Observation/positive"]);
        var issue = result.ToOperationOutcome().Issue.First(i => i.Severity == OperationOutcome.IssueSeverity.Error);
        issue.Expression.ShouldBe(["Bundle.entry[3].resource.value"]);
    }

    [Fact]
    public void A_pregnant_man_is_the_case_error_traced_to_the_pregnancy_observation()
    {
        var pregnancy = """{"resourceType":"Observation","id":"preg","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"77386006"}]}}""";
        var result = Import(Bundle(Patient, Primary, pregnancy));
        var error = result.CaseErrors.ShouldHaveSingleItem();
        error.Error.Code.ShouldBe(ErrorCodes.InconsistentFacts);
        error.Origins.Select(o => o.Resource).ShouldContain("Observation/preg");
    }

    [Fact]
    public void Two_different_ecog_scores_at_the_same_time_are_a_contradiction_not_a_guess()
    {
        static string Ecog(string id, int v) => $$"""{"resourceType":"Observation","id":"{{id}}","status":"final","subject":{"reference":"Patient/p"},"effectiveDateTime":"2026-11-01","code":{"coding":[{"system":"http://loinc.org","code":"89247-1"}]},"valueInteger":{{v}}}""";
        var result = Import(Bundle(Patient, Primary, Ecog("e1", 1), Ecog("e2", 3)));
        result.IsValid.ShouldBeFalse();
        result.CaseErrors.ShouldContain(e => e.Error.Path == "patient.ecog" && e.Error.Code == ErrorCodes.InconsistentFacts);
    }

    [Fact]
    public void A_bundle_without_a_primary_site_gives_the_required_error_and_says_why()
    {
        var result = Import(Bundle(Patient));
        result.CaseErrors.ShouldContain(e => e.Error.Path == "tumour" || e.Error.Path == "tumour.primarySite");
    }

    [Fact]
    public void What_is_not_mapped_is_reported_with_resource_path_and_why()
    {
        var creatinine = """{"resourceType":"Observation","id":"crea","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"2160-0"}]},"valueQuantity":{"value":1.1,"system":"http://unitsofmeasure.org","code":"mg/dL"}}""";
        var glucose = """{"resourceType":"Observation","id":"glu","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"2345-7"}]},"valueQuantity":{"value":5.5,"system":"http://unitsofmeasure.org","code":"mmol/L"}}""";
        var cga = """{"resourceType":"Observation","id":"cga","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"9811-1"}]},"valueQuantity":{"value":250,"system":"http://unitsofmeasure.org","code":"ng/mL"}}""";
        var karnofsky = """{"resourceType":"Observation","id":"kps","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"89243-0"}]},"valueInteger":70}""";
        var preliminary = """{"resourceType":"Observation","id":"prelim","status":"preliminary","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"89247-1"}]},"valueInteger":2}""";
        var allergy = """{"resourceType":"AllergyIntolerance","id":"allergy","patient":{"reference":"Patient/p"}}""";
        var result = Import(Bundle(Patient, Primary, creatinine, glucose, cga, karnofsky, preliminary, allergy));

        result.IsValid.ShouldBeTrue();
        UnmappedElement Of(string resource) => result.Unmapped.Where(u => u.Resource == resource).ShouldHaveSingleItem();
        Of("Observation/crea").Why.ShouldContain("eGFR");
        Of("Observation/glu").Expression.ShouldBe("Bundle.entry[3].resource");
        Of("Observation/cga").Expression.ShouldBe("Bundle.entry[4].resource.referenceRange"); // no upper limit: never guessed
        Of("Observation/kps").Why.ShouldContain("between two ECOG grades");
        Of("Observation/prelim").Why.ShouldContain("preliminary");
        Of("AllergyIntolerance/allergy").Why.ShouldContain("AllergyIntolerance");
        result.Case!.Labs.ChromograninAXUln.ShouldBeNull();
        result.Case.Patient.Ecog.ShouldBeNull();
        result.ToOperationOutcome().Issue.Count(i => i.Severity == OperationOutcome.IssueSeverity.Information).ShouldBe(result.Unmapped.Count);
    }

    [Fact]
    public void Elements_of_a_read_observation_that_the_case_has_no_place_for_are_reported_one_by_one()
    {
        var hb = """{"resourceType":"Observation","id":"hb","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"valueQuantity":{"value":12.1,"system":"http://unitsofmeasure.org","code":"g/dL"},"interpretation":[{"text":"low"}],"note":[{"text":"haemolysed sample"}],"performer":[{"display":"Lab"}]}""";
        var result = Import(Bundle(Patient, Primary, hb));
        result.Case!.Labs.HemoglobinGDl.ShouldBe(12.1);
        result.Unmapped.Where(u => u.Resource == "Observation/hb").Select(u => u.Expression)
            .ShouldBe(["Bundle.entry[2].resource.performer", "Bundle.entry[2].resource.interpretation", "Bundle.entry[2].resource.note"], ignoreOrder: true);
    }

    [Fact]
    public void Chromogranin_a_with_its_reference_range_becomes_a_multiple_of_the_upper_limit()
    {
        var cga = """{"resourceType":"Observation","id":"cga","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"9811-1"}]},"valueQuantity":{"value":250,"system":"http://unitsofmeasure.org","code":"ng/mL"},"referenceRange":[{"high":{"value":100,"system":"http://unitsofmeasure.org","code":"ng/mL"}}]}""";
        Import(Bundle(Patient, Primary, cga)).Case!.Labs.ChromograninAXUln.ShouldBe(2.5);
    }

    [Fact]
    public void Karnofsky_scores_on_which_the_published_conversions_agree_become_ecog()
    {
        var kps = """{"resourceType":"Observation","id":"kps","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"89243-0"}]},"valueInteger":80}""";
        Import(Bundle(Patient, Primary, kps)).Case!.Patient.Ecog.ShouldBe(1);
    }

    [Fact]
    public void A_tnm_category_without_the_ajcc_8_method_is_reported_not_used()
    {
        var t = """{"resourceType":"Observation","id":"t","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"399504009"}]},"valueCodeableConcept":{"coding":[{"system":"http://cancerstaging.org","code":"cT2"}]},"method":{"coding":[{"system":"http://snomed.info/sct","code":"443830009"}]}}""";
        var result = Import(Bundle(Patient, Primary, t));
        result.Case!.Tumour.Tnm.T.ShouldBeNull();
        result.Unmapped.ShouldContain(u => u.Resource == "Observation/t" && u.Expression.EndsWith(".method", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("order", "active", true)]
    [InlineData("plan", "active", false)]
    [InlineData("proposal", "active", false)]
    [InlineData("order", "draft", false)]
    [InlineData("order", "cancelled", false)]
    public void Only_medication_orders_that_were_given_enter_the_therapy_history(string intent, string status, bool given)
    {
        var request = $$$"""{"resourceType":"MedicationRequest","id":"mr","status":"{{{status}}}","intent":"{{{intent}}}","subject":{"reference":"Patient/p"},"medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"L01EG02"}]}}""";
        var result = Import(Bundle(Patient, Primary, request));
        result.Case!.History.PriorTherapies.Count.ShouldBe(given ? 1 : 0);
        if (!given) result.Unmapped.ShouldContain(u => u.Resource == "MedicationRequest/mr");
    }

    [Fact]
    public void Lymph_node_metastases_are_not_guessed_to_be_distant()
    {
        var nodes = """{"resourceType":"Condition","id":"n","subject":{"reference":"Patient/p"},"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/condition-related","valueReference":{"reference":"Condition/c"}}],"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C77.2"}]}}""";
        var result = Import(Bundle(Patient, Primary, nodes));
        result.Case!.Tumour.Metastases.ShouldBeNull();
        result.Unmapped.ShouldContain(u => u.Resource == "Condition/n" && u.Why.Contains("regional", StringComparison.Ordinal));
    }
}
