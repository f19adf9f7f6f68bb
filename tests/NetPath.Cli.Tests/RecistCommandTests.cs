using System.Text.Json;

namespace NetPath.Cli.Tests;

/// <summary>`netpath recist` on the samples the README runs, and on bad input.</summary>
public sealed class RecistCommandTests
{
    private static string Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "imaging"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("samples/imaging"), "samples", "imaging", name);
    }

    [Fact]
    public void The_progression_sample_dates_PD_back_to_the_equivocal_new_lesion()
    {
        var result = CliRunner.Run("recist", Sample("progression-on-ssa.json"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("2026-07-13 CT: PD");
        result.Stdout.ShouldContain("PD: sum 76 mm is 33 % over the nadir of 57 mm (2026-07-13), and 19 mm more");
        result.Stdout.ShouldContain("Progression on 2026-07-13");
        result.Stdout.ShouldContain("Best overall response: SD (2026-04-13)");
    }

    [Fact]
    public void Json_output_gives_each_time_point_and_the_confirmed_best_response()
    {
        var result = CliRunner.Run("recist", Sample("response-to-prrt.json"), "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var points = doc.RootElement.GetProperty("timePoints");
        points.GetArrayLength().ShouldBe(2);
        points[0].GetProperty("overall").GetString().ShouldBe("PR");
        points[0].GetProperty("sumMm").GetDecimal().ShouldBe(63m);
        points[0].GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        points[1].GetProperty("nadirMm").GetDecimal().ShouldBe(63m);
        doc.RootElement.GetProperty("best").GetProperty("response").GetString().ShouldBe("PR");
        doc.RootElement.GetProperty("progressionDate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Bad_studies_exit_2_with_every_error_naming_its_field()
    {
        var result = CliRunner.Run("recist", Sample("bad-input.json"));

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        var paths = result.StderrLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()).ToList();
        paths.ShouldBe(["studies[1].modality", "studies[0].lesions[0].longestDiameterMm", "studies[1].lesions[0].longestDiameterMm", "studies[1].lesions"], ignoreOrder: true);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var result = CliRunner.Run("recist", "/no/such/studies.json");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("input-not-found");
    }

    [Fact]
    public void Studies_can_come_from_standard_input()
    {
        var result = CliRunner.RunWithInput(File.ReadAllText(Sample("response-to-prrt.json")), "recist", "-");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("Best overall response: PR (2026-03-02)");
    }
}

/// <summary>`netpath trends` on the README's sample.</summary>
public sealed class TrendsCommandTests
{
    private static string Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "measurements"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("samples/measurements"), "samples", "measurements", name);
    }

    [Fact]
    public void The_sample_converts_units_and_flags_the_PPI_and_the_diet()
    {
        var result = CliRunner.Run("trends", Sample("rising-chromogranin.json"), "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var cga = doc.RootElement.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("analyte").GetString() == "chromogranin-a");
        // 0.33 mg/L and 450 ng/mL are 330 and 450 ug/L.
        cga.GetProperty("points")[2].GetProperty("value").GetDecimal().ShouldBe(330m);
        cga.GetProperty("points")[3].GetProperty("value").GetDecimal().ShouldBe(450m);
        cga.GetProperty("caveats").EnumerateArray().ShouldContain(c => c.GetString()!.StartsWith("Taken on a proton pump inhibitor (2026-07-13)", StringComparison.Ordinal));
        var hiaa = doc.RootElement.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("analyte").GetString() == "urine-5hiaa");
        hiaa.GetProperty("doublingTimeDays").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void A_molar_unit_after_a_mass_unit_is_refused_naming_the_field()
    {
        const string json = """{"schemaVersion":"1","measurements":[{"analyte":"urine-5hiaa","date":"2026-01-01","value":12,"unit":"mg/d"},{"analyte":"urine-5hiaa","date":"2026-02-01","value":60,"unit":"umol/d"}]}""";
        var result = CliRunner.RunWithInput(json, "trends", "-");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("\"path\":\"measurements[1].unit\"");
        result.Stderr.ShouldContain("molar mass");
    }
}
