using System.Text.Json;
using System.Text.Json.Nodes;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;

namespace NetPath.Interop.Tests;

/// <summary>The scenario cases of NetPath.Clinical.Tests (linked, not copied) and helpers to compare assessments.</summary>
internal static class TestCases
{
    public static readonly DateOnly ScenarioDate = new(2026, 11, 23);

    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static IEnumerable<string> ScenarioIds() =>
        Directory.GetFiles(Folder("scenarios"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    public static JsonObject Scenario(string id) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder("scenarios"), id + ".json")))!.AsObject();

    public static string CaseJson(string id) => Scenario(id)["case"]!.ToJsonString();

    public static string Bundle(string id) => File.ReadAllText(Path.Combine(Folder("bundles"), id + ".bundle.json"));

    /// <summary>The assessment as its contract JSON (contracts/assessment.md), for whole-assessment equality.</summary>
    public static string Json(Assessment a) => JsonSerializer.Serialize(a, AssessmentJsonContext.Indented.Assessment);

    public static Assessment AssessJson(string caseJson)
    {
        var read = NetPathEngine.Current.Read(caseJson);
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return NetPathEngine.Current.Assess(read.Case!, ScenarioDate);
    }

    public static FhirCaseImporter Importer { get; } = new(NetPathEngine.Current);
}
