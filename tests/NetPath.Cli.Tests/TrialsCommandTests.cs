using System.Text.Json.Nodes;

namespace NetPath.Cli.Tests;

public sealed class TrialsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("netpath-trials-").FullName;

    /// <summary>A metastatic SSTR-positive pancreatic NET G2 (Ki-67 12 %) after PRRT with progression, ECOG 1.</summary>
    private const string CaseJson = """
        { "schemaVersion": "1", "id": "t-1", "assessmentDate": "2026-11-22",
          "patient": { "sex": "female", "ageYears": 58, "ecog": 1, "pregnant": false },
          "tumour": { "primarySite": "pancreas", "differentiation": "well", "ki67Percent": 12,
                      "metastases": { "liver": true, "extrahepatic": [] }, "resectability": "unresectable" },
          "imaging": { "sstrPet": { "done": true, "positive": true } },
          "labs": { "egfrMlMin": 85, "bilirubinXUln": 0.7, "plateletsPerNl": 240, "neutrophilsPerNl": 4.2, "hemoglobinGDl": 13.1, "albuminGL": 41 },
          "history": { "priorTherapies": [ { "code": "systemic.prrt", "outcome": "progression", "endDate": "2026-06-30" } ] } }
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Match_lists_the_shipped_open_trials_by_fit_with_reasons_in_words()
    {
        var result = CliRunner.Run("trials", "match", Write("case.json", CaseJson));
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("ELIGIBLE");
        // ACTION-1 asks for progression after a 177Lu-labelled somatostatin analogue; START-NET excludes previous PRRT.
        result.Stdout.ShouldContain("NCT05477576 ACTION-1");
        result.Stdout.ShouldContain("Not met: the history records 177Lu-DOTATATE PRRT (ended with progression); the trial needs no earlier 177Lu-DOTATATE PRRT.");
        result.Stdout.ShouldNotContain("systemic.");
        result.Stdout.ShouldContain("confirm with the registry");
    }

    [Fact]
    public void Match_as_json_gives_each_trial_s_fit_and_criteria()
    {
        var result = CliRunner.Run("trials", "match", Write("case.json", CaseJson), "--format", "json");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var root = JsonNode.Parse(result.Stdout)!;
        root["trialsConsidered"]!.GetValue<int>().ShouldBe(28);
        var matches = root["matches"]!.AsArray();
        matches.ShouldAllBe(m => m!["status"]!.GetValue<string>() == "RECRUITING");
        var action = matches.Single(m => m!["nctId"]!.GetValue<string>() == "NCT05477576")!;
        action["criteria"]!.AsArray().ShouldContain(c => c!["id"]!.GetValue<string>() == "prior-required.1" && c["outcome"]!.GetValue<string>() == "met");
    }

    [Fact]
    public void Import_writes_a_trial_set_that_match_reads()
    {
        var output = Path.Combine(folder, "set.json");
        var import = CliRunner.Run("trials", "import", Write("one.json", """
            { "protocolSection": { "identificationModule": { "nctId": "NCT01234567", "briefTitle": "Lutetium for NETs" },
              "statusModule": { "overallStatus": "RECRUITING" },
              "conditionsModule": { "conditions": ["Neuroendocrine Tumors"] },
              "eligibilityModule": { "eligibilityCriteria": "Inclusion Criteria:\n\n* Ki-67 <= 20%\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Prior PRRT", "minimumAge": "18 Years" } } }
            """), "--out", output);
        import.ExitCode.ShouldBe(0, import.Stderr);
        File.Exists(output).ShouldBeTrue();

        var match = CliRunner.Run("trials", "match", Write("case.json", CaseJson), "--trials", output, "--format", "json");
        match.ExitCode.ShouldBe(0, match.Stderr);
        var trial = JsonNode.Parse(match.Stdout)!["matches"]!.AsArray().ShouldHaveSingleItem()!;
        trial["fit"]!.GetValue<string>().ShouldBe("not-eligible");
        trial["criteria"]!.AsArray().Single(c => c!["outcome"]!.GetValue<string>() == "not-met")!["source"]!.GetValue<string>().ShouldBe("Prior PRRT");
    }

    [Fact]
    public void Import_of_a_bad_record_names_the_file_and_field_and_writes_nothing()
    {
        var bad = Write("bad.json", """{ "protocolSection": { "identificationModule": { "nctId": "NCT12", "briefTitle": "T" } } }""");
        var output = Path.Combine(folder, "set.json");
        var result = CliRunner.Run("trials", "import", bad, "--out", output);
        result.ExitCode.ShouldBe(2);
        var error = JsonNode.Parse(result.StderrLines.ShouldHaveSingleItem())!;
        error["input"]!.GetValue<string>().ShouldBe(bad);
        error["path"]!.GetValue<string>().ShouldBe("$.protocolSection.identificationModule.nctId");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void A_clinic_position_that_is_not_one_is_refused()
    {
        var result = CliRunner.Run("trials", "match", Write("case.json", CaseJson), "--clinic", "north");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--clinic");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
