using System.Text.Json;

namespace NetPath.Cli.Tests;

public sealed class WhatIfAndKnowledgeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("netpath-whatif-").FullName;

    [Fact]
    public void Whatif_reports_the_grade_change_and_leaves_the_file_alone()
    {
        const string pancreas = """{"schemaVersion":"1","tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":8,"mitosesPer2mm2":1,"sizeMm":14}}""";
        var path = Path.Combine(folder, "case.json");
        File.WriteAllText(path, pancreas);

        var result = CliRunner.Run("whatif", path, "--set", "tumour.ki67Percent=25", "--format", "json");

        result.ExitCode.ShouldBe(0);
        using var doc = JsonDocument.Parse(result.Stdout);
        doc.RootElement.GetProperty("before").GetProperty("grade").GetProperty("value").GetString().ShouldBe("G2");
        doc.RootElement.GetProperty("after").GetProperty("grade").GetProperty("value").GetString().ShouldBe("G3");
        doc.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldContain("grade: G2 -> G3");
        File.ReadAllText(path).ShouldBe(pancreas);
    }

    [Fact]
    public void Whatif_with_a_value_the_contract_refuses_is_an_input_error()
    {
        var path = Path.Combine(folder, "case.json");
        File.WriteAllText(path, """{"schemaVersion":"1","tumour":{"primarySite":"pancreas"}}""");

        var result = CliRunner.Run("whatif", path, "--set", "tumour.ki67Percent=250");

        result.ExitCode.ShouldBe(2, result.Stderr + result.Stdout);
        result.Stderr.ShouldContain("tumour.ki67Percent");
    }

    [Fact]
    public void Knowledge_validate_passes_on_the_embedded_knowledge()
    {
        var result = CliRunner.Run("knowledge", "validate");

        result.ExitCode.ShouldBe(0, result.Stdout);
        result.Stdout.ShouldContain("2026.11");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
