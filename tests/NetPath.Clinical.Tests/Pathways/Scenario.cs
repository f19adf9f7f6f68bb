using System.Text.Json;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Engine;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>
/// A case file with expectations (contracts/examples and TestData/scenarios shape), run through the
/// engine. Semantics: recommend codes appear among recommendations (workup.* among work-up);
/// notRecommend codes do not; contraindicated, workup, team, missingData (field) and warnings (code)
/// must each be present. grade, ajcc8 and enets are checked only where the file gives them.
/// </summary>
internal sealed class Scenario
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private Scenario(string name, string caseJson, JsonElement expect, string? knowledge)
    {
        Knowledge = knowledge;
        Name = name;
        CaseJson = caseJson;
        Expect = expect;
    }

    public string Name { get; }
    /// <summary>The knowledge version the scenario is written for (a draft's scenarios name it); null: the default.</summary>
    public string? Knowledge { get; }
    public string CaseJson { get; }
    public JsonElement Expect { get; }

    public static string DataFolder(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>Every *.json file of the given TestData folders (a folder that does not exist yields nothing).</summary>
    public static IEnumerable<string> Files(params string[] folders)
    {
        foreach (var folder in folders)
        {
            var dir = DataFolder(folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
                yield return Path.Combine(folder, Path.GetFileName(f));
        }
    }

    public static Scenario Load(string relativePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", relativePath)));
        var root = doc.RootElement;
        var knowledge = root.TryGetProperty("knowledge", out var k) ? k.GetString() : null;
        return new Scenario(relativePath, root.GetProperty("case").GetRawText(), root.GetProperty("expect").Clone(), knowledge);
    }

    public Assessment Assess()
    {
        var engine = NetPathEngine.ForVersion(Knowledge);
        var read = engine.Read(CaseJson);
        read.IsValid.ShouldBeTrue($"{Name}: case is invalid: {string.Join("; ", read.Errors.Select(e => e.Path + " " + e.Code))}");
        return engine.Assess(read.Case!, Today);
    }

    /// <summary>The failed expectations, one line each; empty when the assessment meets them all.</summary>
    public List<string> Check(Assessment a, bool treatmentOnly)
    {
        var failures = new List<string>();
        var recommended = a.Recommendations.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var workup = a.Workup.Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        bool Given(string code) => code.StartsWith("workup.", StringComparison.Ordinal) ? workup.Contains(code) : recommended.Contains(code);

        foreach (var code in Codes("recommend"))
        {
            if (!Given(code)) failures.Add($"recommend {code}: not recommended (got {string.Join(", ", recommended)})");
        }
        foreach (var code in Codes("notRecommend"))
        {
            if (Given(code)) failures.Add($"notRecommend {code}: was recommended");
        }
        foreach (var code in Codes("contraindicated"))
        {
            if (!a.Contraindicated.Any(c => c.Code == code)) failures.Add($"contraindicated {code}: not listed (got {string.Join(", ", a.Contraindicated.Select(c => c.Code))})");
        }
        if (treatmentOnly) return failures;

        foreach (var code in Codes("workup"))
        {
            if (!workup.Contains(code)) failures.Add($"workup {code}: missing (got {string.Join(", ", workup)})");
        }
        foreach (var role in Codes("team"))
        {
            if (!a.Team.Any(t => WireCode<TeamRole>.Of(t) == role)) failures.Add($"team {role}: missing (got {string.Join(", ", a.Team.Select(WireCode<TeamRole>.Of))})");
        }
        foreach (var field in Codes("missingData"))
        {
            if (!a.MissingData.Any(m => m.Field == field)) failures.Add($"missingData {field}: missing (got {string.Join(", ", a.MissingData.Select(m => m.Field))})");
        }
        foreach (var code in Codes("warnings"))
        {
            if (!a.Warnings.Any(w => w.Code == code)) failures.Add($"warning {code}: missing (got {string.Join(", ", a.Warnings.Select(w => w.Code))})");
        }
        if (Expect.TryGetProperty("grade", out var grade) && grade.ValueKind == JsonValueKind.String
            && WireCode<GradeValue>.Of(a.Grade.Value) != grade.GetString())
            failures.Add($"grade: expected {grade.GetString()}, got {WireCode<GradeValue>.Of(a.Grade.Value)}");
        CheckStaging(a, "ajcc8", "AJCC8", failures);
        CheckStaging(a, "enets", "ENETS", failures);
        return failures;
    }

    private void CheckStaging(Assessment a, string key, string system, List<string> failures)
    {
        if (!Expect.TryGetProperty(key, out var expected) || expected.ValueKind != JsonValueKind.Object) return;
        var entry = a.Staging.FirstOrDefault(s => s.System == system);
        if (entry is null)
        {
            failures.Add($"{key}: no {system} staging entry");
            return;
        }
        foreach (var p in expected.EnumerateObject())
        {
            string? actual = p.Name switch
            {
                "t" => entry.T,
                "n" => entry.N,
                "m" => entry.M,
                "group" => entry.Group,
                "stageable" => entry.Stageable ? "true" : "false",
                _ => null,
            };
            var want = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString().ToLowerInvariant();
            if (actual != want) failures.Add($"{key}.{p.Name}: expected {want ?? "null"}, got {actual ?? "null"}");
        }
    }

    private IEnumerable<string> Codes(string key)
    {
        if (!Expect.TryGetProperty(key, out var list) || list.ValueKind != JsonValueKind.Array) yield break;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) yield return item.GetString()!;
        }
    }
}
