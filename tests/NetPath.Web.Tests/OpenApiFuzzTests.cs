using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>
/// Every operation of the committed OpenAPI document (docs/api/openapi.json), called with bodies
/// and parameters that are missing, null, of the wrong type, oversized and hostile (FsCheck
/// generates the hostile text; decision 0414). Whatever is sent: no 500, every refusal is a
/// problem document naming the field or parameter, and a refused request stores nothing.
/// </summary>
[Collection("api")]
public sealed class OpenApiFuzzTests(Servers servers)
{
    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    private static readonly string[] Hostile =
    [
        "", " ", "\u0000", "\u202eevil", "abc", "-1", "0", "2147483648", "1e309", "NaN", "true", "null",
        "'; DROP TABLE users; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "{{7*7}}",
        "9999-99-99", "0000-00-00", "\ud800", "00000000-0000-0000-0000-000000000000",
    ];

    /// <summary>Hostile text: the fixed list above and generated strings (FsCheck), some of them long.</summary>
    private static List<string> HostileStrings(int count) =>
    [
        .. Hostile,
        .. Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
                Gen.Choose(1, 5).Select(n => new string('x', n * 1000)),
                ArbMap.Default.GeneratorFor<char>().ArrayOf().Select(c => new string(c)))
            .Sample(count),
    ];

    private sealed record Operation(string Method, string Path, JsonElement Spec);

    private static List<Operation> Operations(JsonElement doc) =>
        [.. doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()
            .Where(m => m.Name is "get" or "post" or "put" or "delete")
            .Select(m => new Operation(m.Name.ToUpperInvariant(), p.Name, m.Value)))];

    [Theory, MemberData(nameof(Backends))]
    public async Task Every_operation_survives_missing_null_wrong_oversized_and_hostile_input(string backend)
    {
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        var (patientId, etag) = await clinician.CreatePatientAsync("Fuzz Patient");
        (await clinician.AddCaseAsync(patientId, etag, Repo.Case("01-rectal-small"))).EnsureSuccessStatusCode();
        var clients = new Dictionary<string, HttpClient>
        {
            [Roles.Clinician] = clinician,
            [Roles.Coordinator] = await app.SignedInAsync(Roles.Coordinator),
            [Roles.Patient] = await app.SignedInAsync(Roles.Patient, patientId),
            [Roles.Researcher] = await app.SignedInAsync(Roles.Researcher),
            [Roles.Admin] = await app.SignedInAsync(Roles.Admin),
            ["anonymous"] = app.Client(),
        };

        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "api", "openapi.json")));
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        var strings = HostileStrings(12);
        var operations = Operations(doc.RootElement);
        operations.Count.ShouldBeGreaterThan(20);
        var sent = 0;
        foreach (var op in operations)
        {
            var client = clients[RoleFor(op)];
            var path = op.Path.Replace("{id}", patientId.ToString(), StringComparison.Ordinal)
                .Replace("{version}", "1", StringComparison.Ordinal);
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[a-zA-Z]+\}", Guid.Empty.ToString());

            // Query parameters: each declared one alone with each hostile value.
            if (op.Spec.TryGetProperty("parameters", out var parameters))
            {
                foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
                {
                    var name = p.GetProperty("name").GetString()!;
                    foreach (var value in strings.Take(Hostile.Length + 4))
                    {
                        var url = $"{path}?{name}={Uri.EscapeDataString(value.Length > 2000 ? value[..2000] : value)}";
                        await SendAsync(app, client, op.Method, url, null, $"query:{name}");
                        sent++;
                    }
                }
            }

            // Bodies: malformed, not an object, missing members, then each member null, wrong-typed, oversized, hostile, repeated; and an unknown member.
            if (RequestSchema(op.Spec, schemas) is { } schema)
            {
                var properties = schema.TryGetProperty("properties", out var props) ? props.EnumerateObject().ToList() : [];
                var bodies = new List<(string Body, string? Field)>
                {
                    ("{", null), ("[]", null), ("\"text\"", null), ("null", null), ("{}", null),
                    ("""{"zzUnknown":1}""", "$.zzUnknown"),
                };
                foreach (var prop in properties)
                {
                    var field = "$." + prop.Name;
                    bodies.Add((new JsonObject { [prop.Name] = null }.ToJsonString(), null));
                    bodies.Add((new JsonObject { [prop.Name] = new JsonArray(1, 2) }.ToJsonString(), null));
                    bodies.Add((new JsonObject { [prop.Name] = new JsonObject { ["x"] = 1 } }.ToJsonString(), null));
                    bodies.Add((new JsonObject { [prop.Name] = 12345678901234 }.ToJsonString(), null));
                    bodies.Add(($$"""{"{{prop.Name}}":"a","{{prop.Name}}":"b"}""", field));
                    foreach (var value in strings) bodies.Add((new JsonObject { [prop.Name] = value }.ToJsonString(), null));
                }
                foreach (var (body, field) in bodies)
                {
                    await SendAsync(app, client, op.Method, path, body, field);
                    sent++;
                }
            }
        }
        sent.ShouldBeGreaterThan(500);
    }

    /// <summary>A role that holds the operation's policy, so that the input reaches the handler.</summary>
    private static string RoleFor(Operation op) => op.Path switch
    {
        "/api/auth/signin" or "/api/auth/signout" => "anonymous",
        _ when op.Path.StartsWith("/api/users", StringComparison.Ordinal) || op.Path.StartsWith("/api/audit", StringComparison.Ordinal)
            || op.Path.StartsWith("/api/admin", StringComparison.Ordinal) => Roles.Admin,
        _ when op.Path.StartsWith("/api/research", StringComparison.Ordinal) => Roles.Researcher,
        _ when op.Path.Contains("/diary", StringComparison.Ordinal) && op.Method == "POST" => Roles.Patient,
        _ when op.Path.StartsWith("/api/board", StringComparison.Ordinal) => Roles.Coordinator,
        _ => Roles.Clinician,
    };

    private static JsonElement? RequestSchema(JsonElement op, JsonElement schemas)
    {
        if (!op.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json)) return null;
        var schema = json.GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;
    }

    private static async Task SendAsync(NetPathFactory app, HttpClient client, string method, string url, string? body, string? expectedField)
    {
        var before = await CountsAsync(app);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{method} {url} {(body is { Length: > 200 } ? body[..200] + "..." : body)}";
        ((int)response.StatusCode).ShouldBeLessThan(500, $"{what} -> {text}");
        if ((int)response.StatusCode < 400) return;

        (await CountsAsync(app)).ShouldBe(before, $"a refused request stored something: {what}");
        if (response.StatusCode != HttpStatusCode.BadRequest) return;
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", what);
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.TryGetProperty("errors", out var errors).ShouldBeTrue($"{what} -> {text}");
        var paths = errors.EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToList();
        paths.ShouldNotBeEmpty(what);
        paths.ShouldAllBe(p => p == "$" || p.StartsWith("$.", StringComparison.Ordinal) || p.StartsWith("query:", StringComparison.Ordinal) || p.StartsWith("header:", StringComparison.Ordinal), what);
        if (expectedField is not null) paths.ShouldContain(expectedField, $"{what} -> {text}");
    }

    private static Task<long[]> CountsAsync(NetPathFactory app) => app.WithDbAsync(async db => new long[]
    {
        await db.Patients.LongCountAsync(), await db.CaseVersions.LongCountAsync(), await db.Assessments.LongCountAsync(),
        await db.DiaryEntries.LongCountAsync(), await db.BoardItems.LongCountAsync(), await db.Users.LongCountAsync(),
    });
}
