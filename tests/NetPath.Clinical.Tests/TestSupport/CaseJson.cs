using System.Text.Json.Nodes;

namespace NetPath.Clinical.Tests.TestSupport;

/// <summary>
/// Builds case JSON for tests: a minimal valid case (schemaVersion and a primary site) that a test
/// changes by dotted path, so that each test states only the facts it is about.
/// </summary>
public sealed class CaseJson
{
    private readonly JsonObject root;

    private CaseJson(JsonObject root) => this.root = root;

    /// <summary>The smallest valid case: schemaVersion "1" and a primary site.</summary>
    public static CaseJson Minimal(string primarySite = "ileum") => new(new JsonObject
    {
        ["schemaVersion"] = "1",
        ["id"] = "test-case",
        ["assessmentDate"] = "2026-11-23",
        ["tumour"] = new JsonObject { ["primarySite"] = primarySite },
    });

    /// <summary>A case from a JSON fragment of the tumour object, e.g. <c>"primarySite": "lung", "mitosesPer2mm2": 1</c>.</summary>
    public static string Tumour(string tumourMembers) =>
        $$"""{ "schemaVersion": "1", "id": "test-case", "assessmentDate": "2026-11-23", "tumour": { {{tumourMembers}} } }""";

    /// <summary>Sets a value at a dotted path ("tumour.lymphNodes.examined"), creating objects on the way.</summary>
    public CaseJson Set(string path, JsonNode? value)
    {
        var (parent, name) = Walk(path, create: true);
        parent![name] = value;
        return this;
    }

    /// <summary>Sets a value from raw JSON text ("[\"bone\"]", "null", "\"x\"").</summary>
    public CaseJson SetRaw(string path, string json) => Set(path, JsonNode.Parse(json));

    /// <summary>Sets a value to an explicit JSON null.</summary>
    public CaseJson SetNull(string path) => Set(path, null);

    public CaseJson Remove(string path)
    {
        var (parent, name) = Walk(path, create: false);
        parent?.Remove(name);
        return this;
    }

    public override string ToString() => root.ToJsonString();

    public static implicit operator string(CaseJson c) => c?.ToString() ?? "";

    private (JsonObject? Parent, string Name) Walk(string path, bool create)
    {
        var parts = path.Split('.');
        JsonObject? current = root;
        for (var i = 0; i < parts.Length - 1 && current is not null; i++)
        {
            if (current[parts[i]] is JsonObject next)
            {
                current = next;
            }
            else if (create)
            {
                var made = new JsonObject();
                current[parts[i]] = made;
                current = made;
            }
            else
            {
                current = null;
            }
        }
        return (current, parts[^1]);
    }
}
