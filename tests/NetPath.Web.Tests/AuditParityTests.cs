using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NetPath.Storage;
using NetPath.Web.Components;
using NetPath.Web.Security;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>
/// Issue 16 and decision 0430: a use case leaves the same audit trail whether it came through the
/// API or through a page. Each scenario runs twice on twin records, once by HTTP and once by the
/// call the page makes (<see cref="Clinic"/>), and the two records' trails must be equal, event
/// for event, with the outcome the security rules require (docs/security.md, "Audit").
/// </summary>
[Collection("api")]
public sealed class AuditParityTests(Servers servers)
{
    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    private const string InvalidCase = """{ "patient": { "ageYears": -4 } }""";

    private sealed record Scenario(string Role, bool PatientExists, Func<int, int> ExpectedVersion, string CaseJson, bool Assess, params string[] Trail);

    /// <summary>
    /// What each scenario must leave in the audit trail of the record, after the record's creation
    /// and its first case version (both by the same clinician, through the API, in both twins).
    /// </summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["a case version added"] = new(Roles.Clinician, true, v => v, Repo.Case("04-pancreas-small-nf"), false, "case.create success"),
        ["a case version added and assessed"] = new(Roles.Clinician, true, v => v, Repo.Case("04-pancreas-small-nf"), true, "case.create success", "assessment.create success"),
        ["an invalid case"] = new(Roles.Clinician, true, v => v, InvalidCase, false, "case.create invalid"),
        ["a stale If-Match"] = new(Roles.Clinician, true, v => v - 1, Repo.Case("04-pancreas-small-nf"), false, "case.create conflict"),
        ["no such record"] = new(Roles.Clinician, false, v => v, Repo.Case("04-pancreas-small-nf"), false, "case.create not-found"),
        ["a role without cases.write"] = new(Roles.Coordinator, true, v => v, Repo.Case("04-pancreas-small-nf"), false, "case.create denied"),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in Infrastructure.Backends.All)
            foreach (var name in Scenarios.Keys) data.Add(backend, name);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_use_case_leaves_the_same_audit_trail_through_the_api_and_through_a_page(string backend, string scenario)
    {
        var s = Scenarios[scenario];
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);

        var (apiRecord, apiVersion) = await NewRecordAsync(clinician, s.PatientExists);
        var actingClient = s.Role == Roles.Clinician ? clinician : await app.SignedInAsync(s.Role);
        var response = await actingClient.AddCaseAsync(apiRecord, $"\"v{s.ExpectedVersion(apiVersion)}\"", s.CaseJson);
        if (s.Assess && response.StatusCode == HttpStatusCode.Created)
            (await actingClient.PostAsync($"/api/patients/{apiRecord}/assessments", null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var (pageRecord, pageVersion) = await NewRecordAsync(clinician, s.PatientExists);
        var user = Principal(await app.CreateUserAsync(s.Role));
        using (var scope = app.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<Clinic>().SaveCaseAsync(user, pageRecord, s.ExpectedVersion(pageVersion), s.CaseJson, s.Assess, CancellationToken.None);
            (saved.Status == Application.OutcomeKind.Success).ShouldBe(response.StatusCode == HttpStatusCode.Created);
        }

        var apiTrail = await TrailAsync(app, apiRecord, s.PatientExists);
        var pageTrail = await TrailAsync(app, pageRecord, s.PatientExists);
        apiTrail.ShouldBe(s.Trail, $"API: {scenario}");
        pageTrail.ShouldBe(s.Trail, $"page: {scenario}");
    }

    /// <summary>A record with one case version, or (for the not-found scenarios) an id no record has.</summary>
    private static async Task<(Guid Id, int Version)> NewRecordAsync(HttpClient clinician, bool exists)
    {
        if (!exists) return (Guid.NewGuid(), 1);
        var (id, etag) = await clinician.CreatePatientAsync("Parity Patient");
        var added = await clinician.AddCaseAsync(id, etag, Repo.Case("01-rectal-small"));
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var current = added.Headers.ETag!.Tag;
        return (id, int.Parse(current.AsSpan(2, current.Length - 3), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The record's events after its setup (creation and first case version), oldest first, as "action outcome".</summary>
    private static async Task<string[]> TrailAsync(NetPathFactory app, Guid record, bool exists)
    {
        var events = (await app.AuditAsync(record)).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => $"{e.Action} {e.Outcome}").ToList();
        if (exists)
        {
            events[0].ShouldBe("patient.create success");
            events[1].ShouldBe("case.create success");
            events.RemoveRange(0, 2);
        }
        return [.. events];
    }

    private static ClaimsPrincipal Principal(UserAccount account) => NetPathClaims.For(account, Guid.NewGuid(), "parity");
}
