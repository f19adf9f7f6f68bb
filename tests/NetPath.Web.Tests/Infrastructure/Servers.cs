using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NetPath.Web.Tests.Infrastructure;

/// <summary>One running app per backend, shared by the tests of the "api" collection (each test makes its own patients).</summary>
public sealed class Servers : IDisposable
{
    private readonly ConcurrentDictionary<string, NetPathFactory> factories = new();

    private readonly ConcurrentDictionary<string, (Guid PatientId, Dictionary<string, HttpClient> Clients)> matrix = new();

    public NetPathFactory For(string backend) => factories.GetOrAdd(backend, b => new NetPathFactory(b));

    /// <summary>One patient with a case, and one signed-in client per role (role patient linked to that patient), per backend.</summary>
    public async Task<(Guid PatientId, Dictionary<string, HttpClient> Clients)> MatrixAsync(string backend)
    {
        if (matrix.TryGetValue(backend, out var ready)) return ready;
        var app = For(backend);
        var clinician = await app.SignedInAsync(NetPath.Storage.Roles.Clinician);
        var (patientId, etag) = await clinician.CreatePatientAsync("Matrix Patient");
        (await clinician.AddCaseAsync(patientId, etag, Repo.Case("01-rectal-small"))).EnsureSuccessStatusCode();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in NetPath.Storage.Roles.All)
            clients[role] = await app.SignedInAsync(role, role == NetPath.Storage.Roles.Patient ? patientId : null);
        return matrix[backend] = (patientId, clients);
    }

    public void Dispose()
    {
        foreach (var f in factories.Values) f.Dispose();
    }
}

[CollectionDefinition("api")]
public sealed class ApiTestGroup : ICollectionFixture<Servers>;

public static class Http
{
    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static async Task<(Guid Id, string ETag)> CreatePatientAsync(this HttpClient client, string name = "Test Patient", string? dob = "1960-04-01")
    {
        var response = await client.PostAsJsonAsync("/api/patients", new { displayName = name, dateOfBirth = dob });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetGuid(), response.Headers.ETag!.ToString());
    }

    public static async Task<HttpResponseMessage> AddCaseAsync(this HttpClient client, Guid patientId, string etag, string caseJson, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{patientId}/cases") { Content = JsonBody(caseJson) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PutPatientAsync(this HttpClient client, Guid patientId, string? etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{patientId}") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
