using System.Text.Json.Nodes;
using NetPath.Storage;

namespace NetPath.Cli.Tests;

/// <summary>`netpath assess --fhir`, `netpath import` and `netpath export` (issue 13).</summary>
public class FhirCommandTests
{
    // A pancreatic NET G2 (ICD-O-3 C25.4, 8249/3), Ki-67 8 %, 45 mm, liver metastases, born 1963-01-01.
    private const string Bundle = """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"fullUrl":"urn:uuid:7d0e4a4e-0000-4000-8000-000000000001","resource":{"resourceType":"Patient","id":"p","gender":"female","birthDate":"1963-01-01","name":[{"family":"Example","given":["Bea"]}],"identifier":[{"system":"urn:example:mrn","value":"MRN-42"}]}},
          {"resource":{"resourceType":"Condition","id":"c","subject":{"reference":"Patient/p"},
            "bodySite":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/icd-o-3","code":"C25.4"}]}],
            "extension":[{"url":"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior","valueCodeableConcept":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/icd-o-3","code":"8249/3"}]}}]}},
          {"resource":{"resourceType":"Condition","id":"m","subject":{"reference":"Patient/p"},"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/condition-related","valueReference":{"reference":"Condition/c"}}],"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C78.7"}]}}},
          {"resource":{"resourceType":"Observation","id":"ki67","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://netpath.example.org/fhir/CodeSystem/case-fact","code":"tumour.ki67Percent"}]},"valueQuantity":{"value":8,"system":"http://unitsofmeasure.org","code":"%"}}},
          {"resource":{"resourceType":"Observation","id":"size","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"21889-1"}]},"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"33728-7"}]},"valueQuantity":{"value":4.5,"system":"http://unitsofmeasure.org","code":"cm"}}]}},
          {"resource":{"resourceType":"Observation","id":"glucose","status":"final","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":"http://loinc.org","code":"2345-7"}]},"valueQuantity":{"value":5.1,"system":"http://unitsofmeasure.org","code":"mmol/L"}}}
        ]}
        """;

    [Fact]
    public void Assess_fhir_assesses_a_bundle_and_reports_what_it_did_not_map()
    {
        var result = CliRunner.RunWithInput(Bundle, "assess", "--fhir", "-");
        result.ExitCode.ShouldBe(0);
        var assessment = JsonNode.Parse(result.Stdout)!;
        ((string?)assessment["classification"]!["site"]).ShouldBe("pancreas");
        ((string?)assessment["grade"]!["value"]).ShouldBe("G2"); // Ki-67 8 % is 3 to 20 % (WHO 2019)
        ((string?)assessment["staging"]![0]!["m"]).ShouldBe("M1a"); // AJCC 8 pancreatic NET: metastases confined to the liver
        result.StderrLines.ShouldContain(l => l.Contains("\"resource\":\"Observation/glucose\"", StringComparison.Ordinal) && l.Contains("not-mapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_fhir_refuses_invalid_fhir_naming_the_path()
    {
        var result = CliRunner.RunWithInput("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","gendre":"female"}}]}""", "assess", "--fhir", "-");
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldHaveSingleItem().ShouldContain("Bundle.entry[0].resource.gendre");
    }

    [Fact]
    public void Import_stores_the_patient_and_the_case_and_nothing_from_a_bad_bundle()
    {
        var folder = Directory.CreateTempSubdirectory("netpath-import-");
        try
        {
            var database = Path.Combine(folder.FullName, "netpath.db");
            var bad = CliRunner.RunWithInput(Bundle.Replace("\"1963-01-01\"", "\"1963-13-45\"", StringComparison.Ordinal), "import", "-", "--database", database);
            bad.ExitCode.ShouldBe(2);

            var result = CliRunner.RunWithInput(Bundle, "import", "-", "--database", database, "--date", "2026-11-23", "--user", "tester");
            result.ExitCode.ShouldBe(0, result.Stderr);
            var line = JsonNode.Parse(result.Stdout)!;
            var patientId = Guid.Parse((string)line["patientId"]!);
            ((int)line["caseVersion"]!).ShouldBe(1);

            using var db = StorageServices.Open(DatabaseLocation.Sqlite(database));
            db.Patients.Count().ShouldBe(1); // the bad bundle stored nothing
            var patient = db.Patients.Single();
            patient.Id.ShouldBe(patientId);
            patient.DisplayName.ShouldBe("Bea Example");
            patient.RecordNumber.ShouldBe("MRN-42");
            patient.DateOfBirth.ShouldBe(new DateOnly(1963, 1, 1));
            var stored = JsonNode.Parse(db.CaseVersions.Single(c => c.PatientId == patientId).CaseJson)!;
            ((string?)stored["tumour"]!["primarySite"]).ShouldBe("pancreas");
            ((double)stored["tumour"]!["sizeMm"]!).ShouldBe(45);
            ((int)stored["patient"]!["ageYears"]!).ShouldBe(63);
            db.AuditEvents.Count(e => e.PatientId == patientId).ShouldBe(2); // patient.create, case.create
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Export_writes_the_case_and_assessment_as_a_fhir_bundle()
    {
        var caseJson = """{"schemaVersion":"1","id":"x","assessmentDate":"2026-11-23","tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":2,"sizeMm":15,"metastases":{"liver":true}}}""";
        var result = CliRunner.RunWithInput(caseJson, "export", "-");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var bundle = JsonNode.Parse(result.Stdout)!;
        ((string?)bundle["resourceType"]).ShouldBe("Bundle");
        bundle["entry"]!.AsArray().Select(e => (string?)e!["resource"]!["resourceType"]).ShouldContain("CarePlan");
        bundle["entry"]!.AsArray().Select(e => (string?)e!["resource"]!["resourceType"]).ShouldContain("Provenance");
    }
}
