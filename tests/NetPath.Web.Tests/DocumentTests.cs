using NetPath.Web.Security;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>The committed documents say what the code does.</summary>
[Collection("api")]
public sealed class DocumentTests(Servers servers)
{
    [Fact]
    public async Task Served_OpenAPI_document_equals_the_committed_docs_api_openapi_json()
    {
        var served = await servers.For(Backends.Sqlite).Client().GetStringAsync("/openapi/v1.json");
        var path = Path.Combine(Repo.Root, "docs", "api", "openapi.json");
        if (Environment.GetEnvironmentVariable("NETPATH_WRITE_DOCS") == "1") await File.WriteAllTextAsync(path, served);
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        served.ShouldBe(committed,
            "docs/api/openapi.json is out of date. Regenerate it with: NETPATH_WRITE_DOCS=1 dotnet test tests/NetPath.Web.Tests --filter Served_OpenAPI_document — then review and commit the diff.");
    }

    [Fact]
    public async Task Security_doc_shows_the_permission_matrix_the_code_enforces()
    {
        var doc = (await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "security.md"))).ReplaceLineEndings("\n");
        const string begin = "<!-- permission-matrix:begin -->\n";
        const string end = "<!-- permission-matrix:end -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "docs/security.md needs the permission-matrix markers");
        var table = doc[(start + begin.Length)..doc.IndexOf(end, StringComparison.Ordinal)];
        table.ShouldBe(Permissions.ToMarkdown(), "docs/security.md's table differs from Permissions.Matrix: paste Permissions.ToMarkdown() between the markers.");
    }
}

/// <summary>Every free-text field a request takes has a maximum length in the committed OpenAPI document (issue 12).</summary>
public sealed class DocumentedLimitsTests
{
    public static TheoryData<string, string> FreeTextFields() => new()
    {
        { "SignInRequest", "userName" }, { "SignInRequest", "password" },
        { "PatientWrite", "displayName" }, { "PatientWrite", "recordNumber" },
        { "UserCreate", "userName" }, { "UserCreate", "password" },
        { "DiaryEntryWrite", "note" },
        { "BoardItemWrite", "question" }, { "BoardStatusWrite", "outcome" },
        { "CaseDto", "id" }, { "TumourDto", "otherSite" },
    };

    [Theory, MemberData(nameof(FreeTextFields))]
    public void A_free_text_request_field_has_a_documented_maximum_length(string schema, string field)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "docs", "api", "openapi.json")));
        var property = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty(field);
        property.TryGetProperty("maxLength", out var max).ShouldBeTrue($"{schema}.{field} has no maxLength in docs/api/openapi.json");
        max.GetInt32().ShouldBeGreaterThan(0);
    }
}
