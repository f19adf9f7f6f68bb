using System.Text.Json.Nodes;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;

namespace NetPath.Clinical.Tests.Staging;

/// <summary>Builds cases as JSON and runs them through the whole engine, as a caller would.</summary>
internal static class StagingTestKit
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>A case with the given tumour members (JSON object text without braces).</summary>
    public static string Case(string tumour) => $$"""{ "schemaVersion": "1", "tumour": { {{tumour}} } }""";

    public static Assessment Assess(string caseJson)
    {
        var read = NetPathEngine.Current.Read(caseJson);
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}")));
        return NetPathEngine.Current.Assess(read.Case!, Today);
    }

    public static StagingEntry Ajcc(string tumour) => Assess(Case(tumour)).Staging.Single(s => s.System == "AJCC8");

    public static StagingEntry Enets(string tumour) => Assess(Case(tumour)).Staging.Single(s => s.System == "ENETS");

    public static JsonObject Node(string json) => JsonNode.Parse(json)!.AsObject();
}
