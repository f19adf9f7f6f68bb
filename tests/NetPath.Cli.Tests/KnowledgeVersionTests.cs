using System.Text.Json;

namespace NetPath.Cli.Tests;

/// <summary>`--knowledge VERSION`, `knowledge diff` and `knowledge validate` over released and draft knowledge.</summary>
public sealed class KnowledgeVersionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("netpath-knowledge-").FullName;

    // Metastatic sympathetic paraganglioma in VHL disease: belzutifan is approved for it since 2025,
    // and only the draft 2026.12 knows the code.
    private const string Ppgl = """
        {"schemaVersion":"1","id":"vhl-ppgl","assessmentDate":"2026-12-06","patient":{"sex":"male","ageYears":38,"ecog":1,"germline":["VHL"]},
         "tumour":{"primarySite":"extra-adrenal-paraganglion","paragangliomaType":"sympathetic","sizeMm":62,"functionalSyndrome":"catecholamine-excess",
                   "metastases":{"liver":true,"extrahepatic":["bone"]},"resectability":"unresectable"}}
        """;

    private string Write(string json)
    {
        var path = Path.Combine(folder, "case.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_default_is_the_newest_released_version_and_a_draft_applies_only_when_named()
    {
        var path = Write(Ppgl);

        var byDefault = CliRunner.Run("assess", path);
        var draft = CliRunner.Run("assess", path, "--knowledge", "2026.12");

        byDefault.ExitCode.ShouldBe(0, byDefault.Stderr);
        draft.ExitCode.ShouldBe(0, draft.Stderr);
        using var a = JsonDocument.Parse(byDefault.Stdout);
        using var b = JsonDocument.Parse(draft.Stdout);
        a.RootElement.GetProperty("knowledgeVersion").GetString().ShouldBe("2026.11.1");
        b.RootElement.GetProperty("knowledgeVersion").GetString().ShouldBe("2026.12");
        Codes(a).ShouldNotContain("systemic.belzutifan");
        Codes(b).ShouldContain("systemic.belzutifan");
        Codes(b).ShouldContain("systemic.sunitinib");
    }

    [Fact]
    public void The_text_output_shows_the_full_citation_with_its_doi_link_not_the_source_id()
    {
        var result = CliRunner.Run("assess", Write(Ppgl), "--knowledge", "2026.12", "--format", "text");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("https://doi.org/10.1056/NEJMoa2103425");
        result.Stdout.ShouldNotContain("jonasch-2021-nejm");
    }

    [Fact]
    public void An_unknown_version_is_an_input_error_naming_the_versions_of_the_build()
    {
        var result = CliRunner.Run("assess", Write(Ppgl), "--knowledge", "1999.01");

        result.ExitCode.ShouldNotBe(0);
        (result.Stderr + result.Stdout).ShouldContain("--knowledge 1999.01 is not in this build");
        (result.Stderr + result.Stdout).ShouldContain("2026.11.1");
    }

    [Fact]
    public void Knowledge_diff_tells_the_correction_release_rule_by_rule()
    {
        var result = CliRunner.Run("knowledge", "diff", "2026.11", "2026.11.1");

        result.ExitCode.ShouldBe(0, result.Stderr);
        // 2026.11.1 stops re-offering PRRT after a response to it (docs/decisions/0210): the rule gains that condition.
        result.Stdout.ShouldContain("  Changed: 177Lu-DOTATATE PRRT, alternative:");
        result.Stdout.ShouldContain("    now also requires: not response or stable disease on 177Lu-DOTATATE PRRT.");
        result.Stdout.ShouldNotContain("systemic.prrt");
    }

    [Fact]
    public void Knowledge_diff_of_the_draft_names_the_new_option_and_the_widened_pregnancy_rule()
    {
        var result = CliRunner.Run("knowledge", "diff", "2026.11.1", "2026.12");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("Knowledge 2026.11.1 to 2026.12 (draft):");
        result.Stdout.ShouldContain("New care option: belzutifan (oral HIF-2α inhibitor) (systemic).");
        result.Stdout.ShouldContain("  Added: belzutifan (oral HIF-2α inhibitor), alternative.");
        result.Stdout.ShouldContain("Safety: pregnancy:");
    }

    [Fact]
    public void Knowledge_validate_reports_the_draft_as_a_draft()
    {
        var result = CliRunner.Run("knowledge", "validate");

        result.ExitCode.ShouldBe(0, result.Stdout);
        result.Stdout.ShouldContain("knowledge 2026.11 (released,");
        result.Stdout.ShouldContain("knowledge 2026.12 (draft,");
    }

    private static List<string> Codes(JsonDocument d) =>
        [.. d.RootElement.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
