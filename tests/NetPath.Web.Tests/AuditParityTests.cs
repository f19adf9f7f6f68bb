using System.Net;
using System.Net.Http.Json;
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

    /// <summary>The record's events after its setup (its creation, and its first case version when <paramref name="setup"/> is 2), oldest first, as "action outcome".</summary>
    private static async Task<string[]> TrailAsync(NetPathFactory app, Guid record, bool exists, int setup = 2)
    {
        var events = (await app.AuditAsync(record)).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => $"{e.Action} {e.Outcome}").ToList();
        if (exists)
        {
            events[..setup].ShouldBe(new[] { "patient.create success", "case.create success" }[..setup]);
            events.RemoveRange(0, setup);
        }
        return [.. events];
    }

    private static readonly DateOnly Today = DateOnly.FromDateTime(NetPathFactory.Start.UtcDateTime);

    /// <summary>Diary scenarios (decision 0511): the acting account has role patient, linked to the record or (OwnRecord false) to another one.</summary>
    private sealed record DiaryScenario(bool OwnRecord, bool Write, int Wellbeing, params string[] Trail);

    private static readonly Dictionary<string, DiaryScenario> DiaryScenarios = new()
    {
        ["an entry added"] = new(true, true, 6, "diary.create success"),
        ["an entry with wellbeing out of range"] = new(true, true, Diary.MaxWellbeing + 1, "diary.create invalid"),
        ["an entry on another record"] = new(false, true, 6, "diary.create denied"),
        ["the own diary read"] = new(true, false, 6, "diary.list success"),
        ["another record's diary read"] = new(false, false, 6, "diary.list denied"),
    };

    public static TheoryData<string, string> DiaryCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in Infrastructure.Backends.All)
            foreach (var name in DiaryScenarios.Keys) data.Add(backend, name);
        return data;
    }

    [Theory, MemberData(nameof(DiaryCases))]
    public async Task A_diary_use_case_leaves_the_same_audit_trail_through_the_api_and_through_a_page(string backend, string scenario)
    {
        var s = DiaryScenarios[scenario];
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);

        var (apiRecord, _) = await clinician.CreatePatientAsync("Parity Diary");
        var (apiOther, _) = await clinician.CreatePatientAsync("Parity Diary Other");
        var patient = await app.SignedInAsync(Roles.Patient, s.OwnRecord ? apiRecord : apiOther);
        var response = s.Write
            ? await patient.PostAsJsonAsync($"/api/patients/{apiRecord}/diary", new { date = Today.ToString("yyyy-MM-dd"), symptoms = Array.Empty<string>(), wellbeing = s.Wellbeing })
            : await patient.GetAsync($"/api/patients/{apiRecord}/diary");

        var (pageRecord, _) = await clinician.CreatePatientAsync("Parity Diary");
        var (pageOther, _) = await clinician.CreatePatientAsync("Parity Diary Other");
        var user = Principal(await app.CreateUserAsync(Roles.Patient, s.OwnRecord ? pageRecord : pageOther));
        using (var scope = app.Services.CreateScope())
        {
            var clinic = scope.ServiceProvider.GetRequiredService<Clinic>();
            var succeeded = s.Write
                ? (await clinic.AddDiaryEntryAsync(user, pageRecord, new DiaryInput(Today, [], null, null, s.Wellbeing, null), CancellationToken.None)).Succeeded
                : await clinic.DiaryAsync(user, pageRecord, 100, CancellationToken.None) is not null;
            succeeded.ShouldBe(response.IsSuccessStatusCode);
        }

        (await TrailAsync(app, apiRecord, exists: true, setup: 1)).ShouldBe(s.Trail, $"API: {scenario}");
        (await TrailAsync(app, pageRecord, exists: true, setup: 1)).ShouldBe(s.Trail, $"page: {scenario}");
    }

    /// <summary>Reading a record (its page shows the record, its versions and assessments; the API reads the record): role and whose record.</summary>
    private sealed record ReadScenario(string Role, bool OwnRecord, bool Exists, params string[] Trail);

    private static readonly Dictionary<string, ReadScenario> ReadScenarios = new()
    {
        ["a clinician reads a record"] = new(Roles.Clinician, false, true, "patient.read success"),
        ["a patient reads the own record"] = new(Roles.Patient, true, true, "patient.read success"),
        ["a patient reads another record"] = new(Roles.Patient, false, true, "patient.read denied"),
        ["a clinician reads no such record"] = new(Roles.Clinician, false, false, "patient.read not-found"),
    };

    public static TheoryData<string, string> ReadCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in Infrastructure.Backends.All)
            foreach (var name in ReadScenarios.Keys) data.Add(backend, name);
        return data;
    }

    [Theory, MemberData(nameof(ReadCases))]
    public async Task Reading_a_record_leaves_the_same_audit_trail_through_the_api_and_through_a_page(string backend, string scenario)
    {
        var s = ReadScenarios[scenario];
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);

        var (apiRecord, _) = await NewRecordAsync(clinician, s.Exists);
        var (apiOther, _) = await clinician.CreatePatientAsync("Parity Other");
        var reader = s.Role == Roles.Patient ? await app.SignedInAsync(Roles.Patient, s.OwnRecord ? apiRecord : apiOther) : clinician;
        var response = await reader.GetAsync($"/api/patients/{apiRecord}");

        var (pageRecord, _) = await NewRecordAsync(clinician, s.Exists);
        var (pageOther, _) = await clinician.CreatePatientAsync("Parity Other");
        var user = Principal(await app.CreateUserAsync(s.Role, s.Role == Roles.Patient ? (s.OwnRecord ? pageRecord : pageOther) : null));
        using (var scope = app.Services.CreateScope())
        {
            var file = await scope.ServiceProvider.GetRequiredService<Clinic>().OpenAsync(user, pageRecord, CancellationToken.None);
            (file is not null).ShouldBe(response.IsSuccessStatusCode);
        }

        (await TrailAsync(app, apiRecord, s.Exists)).ShouldBe(s.Trail, $"API: {scenario}");
        (await TrailAsync(app, pageRecord, s.Exists)).ShouldBe(s.Trail, $"page: {scenario}");
    }

    private static ClaimsPrincipal Principal(UserAccount account) => NetPathClaims.For(account, Guid.NewGuid(), "parity");
}
