using System.Text.Json;

namespace NetPath.Cli.Tests;

public sealed class AssessCommandTests : IDisposable
{
    private const string Pancreas = """{"schemaVersion":"1","id":"p-1","tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":8.5,"mitosesPer2mm2":3,"sizeMm":32}}""";
    private const string Rectum = """{"schemaVersion":"1","id":"r-1","tumour":{"primarySite":"rectum","differentiation":"well","ki67Percent":1,"sizeMm":8,"depth":"submucosa"}}""";
    private const string Bad = """{"schemaVersion":"1","id":"bad-1","tumour":{"primarySite":"pancreas","ki67Percent":140,"sizeMM":3}}""";

    private readonly string folder = Directory.CreateTempSubdirectory("netpath-cli-").FullName;

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void One_file_gives_one_assessment_object_and_exit_0()
    {
        var result = CliRunner.Run("assess", Write("p.json", Pancreas));

        result.ExitCode.ShouldBe(0);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        root.GetProperty("schemaVersion").GetString().ShouldBe("1");
        root.GetProperty("caseId").GetString().ShouldBe("p-1");
        root.GetProperty("knowledgeVersion").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("classification").GetProperty("family").GetString().ShouldBe("gep-net");
        root.GetProperty("grade").GetProperty("value").GetString().ShouldBe("G2");
        foreach (var field in new[] { "staging", "recommendations", "contraindicated", "workup", "team", "followUp", "missingData", "warnings" })
            root.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public void Several_files_give_json_lines_in_input_order()
    {
        var result = CliRunner.Run("assess", Write("b.json", Rectum), Write("a.json", Pancreas));

        result.ExitCode.ShouldBe(0);
        result.StdoutLines.Length.ShouldBe(2);
        CaseIdOf(result.StdoutLines[0]).ShouldBe("r-1");
        CaseIdOf(result.StdoutLines[1]).ShouldBe("p-1");
    }

    [Fact]
    public void A_batch_with_one_bad_case_assesses_the_others_and_exits_2()
    {
        var ndjson = string.Join('\n', Pancreas, Bad, "", Rectum) + "\n";

        var result = CliRunner.RunWithInput(ndjson, "assess", "--ndjson", "-");

        result.ExitCode.ShouldBe(2);
        result.StdoutLines.Select(CaseIdOf).ShouldBe(["p-1", "r-1"]);
        var errors = result.StderrLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        errors.Count.ShouldBe(2);
        errors.ShouldAllBe(e => e.GetProperty("input").GetString() == "stdin:2" && e.GetProperty("caseId").GetString() == "bad-1");
        errors.Select(e => (e.GetProperty("code").GetString(), e.GetProperty("path").GetString()))
            .ShouldBe([("unknown-field", "tumour.sizeMM"), ("out-of-range", "tumour.ki67Percent")], ignoreOrder: true);
    }

    [Fact]
    public void A_folder_is_read_in_name_order()
    {
        Write("2.json", Rectum);
        Write("1.json", Pancreas);
        Write("notes.txt", "not a case");

        var result = CliRunner.Run("assess", folder);

        result.ExitCode.ShouldBe(0);
        result.StdoutLines.Select(CaseIdOf).ShouldBe(["p-1", "r-1"]);
    }

    [Fact]
    public void Standard_input_holds_one_case()
    {
        var result = CliRunner.RunWithInput(Pancreas, "assess", "-");

        result.ExitCode.ShouldBe(0);
        CaseIdOf(result.Stdout).ShouldBe("p-1");
    }

    [Fact]
    public void An_invalid_single_case_writes_nothing_to_stdout_and_exits_2()
    {
        var result = CliRunner.Run("assess", Write("bad.json", Bad));

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.Length.ShouldBe(2);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var result = CliRunner.Run("assess", Path.Combine(folder, "nope.json"));

        result.ExitCode.ShouldBe(2);
        JsonDocument.Parse(result.StderrLines[0]).RootElement.GetProperty("code").GetString().ShouldBe("input-not-found");
    }

    [Fact]
    public void Text_format_is_a_readable_summary()
    {
        var result = CliRunner.Run("assess", Write("p.json", Pancreas), "--format", "text");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("G2");
        result.Stdout.ShouldContain("pancreas");
        result.Stdout.ShouldNotContain("\u001b[");
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        var result = CliRunner.Run("assess", Write("p.json", Pancreas), "--format", "xml");

        result.ExitCode.ShouldNotBe(0);
    }

    private static string? CaseIdOf(string json) => JsonDocument.Parse(json).RootElement.GetProperty("caseId").GetString();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

public sealed class AssessFormatsTests : IDisposable
{
    private const string ProgressivePannet = """
        {"schemaVersion":"1","id":"p-2","assessmentDate":"2026-11-23","patient":{"sex":"male","ageYears":59,"ecog":1},
         "tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":12,"mitosesPer2mm2":4,"sizeMm":45,
           "lymphNodes":{"examined":12,"positive":3},"metastases":{"liver":true,"extrahepatic":[]},"resectability":"unresectable","functionalSyndrome":"none"},
         "imaging":{"sstrPet":{"done":true,"positive":true,"krenningScore":3}},"labs":{"egfrMlMin":24},
         "history":{"priorTherapies":[{"code":"systemic.ssa","outcome":"progression"}]}}
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("netpath-formats-").FullName;

    private string CaseFile()
    {
        var path = Path.Combine(folder, "case.json");
        File.WriteAllText(path, ProgressivePannet);
        return path;
    }

    [Fact]
    public void Explain_in_json_adds_the_rules_that_fired_and_keeps_every_contract_field()
    {
        var result = CliRunner.Run("assess", CaseFile(), "--explain");

        result.ExitCode.ShouldBe(0);
        using var doc = JsonDocument.Parse(result.Stdout);
        var explanation = doc.RootElement.GetProperty("explanation").EnumerateArray().ToList();
        explanation.ShouldContain(e => e.GetProperty("outcome").GetString() == "fired" && e.GetProperty("code").GetString() == "systemic.everolimus");
        // PRRT was proposed and then ruled out by the eGFR of 24: the explanation shows both.
        explanation.ShouldContain(e => e.GetProperty("outcome").GetString() == "fired" && e.GetProperty("ruleId").GetString() == "prrt.egfr-under-30");
        doc.RootElement.GetProperty("contraindicated").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldContain("systemic.prrt");
        doc.RootElement.GetProperty("recommendations").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldNotContain("systemic.prrt");
    }

    [Fact]
    public void Explain_in_text_lists_rules_that_fired_and_nearly_fired()
    {
        var result = CliRunner.Run("assess", CaseFile(), "--format", "text", "--explain");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("Rules that fired");
        result.Stdout.ShouldContain("pannet.progressive.everolimus");
    }

    [Fact]
    public void Patient_format_speaks_plainly_and_names_no_codes()
    {
        var result = CliRunner.Run("assess", CaseFile(), "--format", "patient");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("Your plan in plain words");
        result.Stdout.ShouldContain("pancreas");
        result.Stdout.ShouldContain("Treatments that are not right for you now");
        result.Stdout.ShouldNotContain("systemic.");
        result.Stdout.ShouldNotContain("workup.");
    }

    [Fact]
    public void Patient_format_lists_questions_to_ask_from_the_shared_plain_plan()
    {
        var result = CliRunner.Run("assess", CaseFile(), "--format", "patient");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain(NetPath.Clinical.Pathways.PlainPlan.QuestionsHeading);
        result.Stdout.ShouldContain(NetPath.Clinical.Pathways.PlainPlan.Closing);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
