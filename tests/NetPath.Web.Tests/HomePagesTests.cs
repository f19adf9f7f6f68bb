using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetPath.Storage;
using NetPath.Web.Components;
using NetPath.Web.Security;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>
/// What the role home pages and the what-if page read: GET /api/admin/accounts, and the Clinic
/// methods behind the pages (same permission checks and audit actions as the API).
/// </summary>
[Collection("api")]
public sealed class HomePagesTests(Servers servers)
{
    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    private const string CaseJson = """{"schemaVersion":"1","tumour":{"primarySite":"ileum"}}""";

    [Theory, MemberData(nameof(Backends))]
    public async Task Admin_lists_accounts_with_role_link_and_lock_state_and_never_a_password_hash(string backend)
    {
        var app = servers.For(backend);
        var (record, _) = await (await app.SignedInAsync(Roles.Clinician)).CreatePatientAsync("Account List Holder");
        var linked = await app.CreateUserAsync(Roles.Patient, record);
        var locked = await app.CreateUserAsync(Roles.Coordinator);
        var lockedUntil = app.Time.GetUtcNow().UtcDateTime.AddMinutes(10);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == locked.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, lockedUntil)));
        var admin = await app.SignedInAsync(Roles.Admin);

        var all = new List<System.Text.Json.JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await admin.GetAsync($"/api/admin/accounts?page={page}&pageSize=200");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("passwordHash", Case.Insensitive);
            var body = await response.JsonAsync();
            all.AddRange(body.GetProperty("items").EnumerateArray());
            if (page * 200 >= body.GetProperty("total").GetInt32()) break;
        }

        var p = all.Single(a => a.GetProperty("userName").GetString() == linked.UserName);
        p.GetProperty("role").GetString().ShouldBe(Roles.Patient);
        p.GetProperty("patientId").GetGuid().ShouldBe(record);
        p.GetProperty("locked").GetBoolean().ShouldBeFalse();
        var l = all.Single(a => a.GetProperty("userName").GetString() == locked.UserName);
        l.GetProperty("locked").GetBoolean().ShouldBeTrue();
        l.GetProperty("lockedUntil").GetDateTime().ShouldBe(lockedUntil, TimeSpan.FromSeconds(1));
        all.Select(a => a.GetProperty("userName").GetString()).ShouldBe(all.Select(a => a.GetProperty("userName").GetString()).Order(StringComparer.Ordinal));

        var one = await (await admin.GetAsync("/api/admin/accounts?pageSize=1")).JsonAsync();
        one.GetProperty("items").GetArrayLength().ShouldBe(1);
        one.GetProperty("total").GetInt32().ShouldBe(all.Count);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Clinician_home_lists_records_they_created_or_last_wrote_a_case_for_and_follow_ups_due_within_30_days(string backend)
    {
        var app = servers.For(backend);
        var me = await app.CreateUserAsync(Roles.Clinician);
        var other = new Actor("someone-else-" + Guid.NewGuid().ToString("N"), Roles.Clinician, null);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var mine = new Actor(me.UserName, Roles.Clinician, null);

        var created = await CreateAsync(app, mine, null, today.AddDays(10));            // created by me, due in 10 days
        var caseByMe = await CreateAsync(app, other, [mine], today.AddDays(-2));         // latest case by me, overdue
        var caseTakenOver = await CreateAsync(app, other, [mine, other], today.AddDays(31)); // latest case by the other, due later
        var dueLater = await CreateAsync(app, mine, null, today.AddDays(31));            // mine, not yet due

        var home = await WithClinicAsync(app, clinic => clinic.ClinicianHomeAsync(Principal(me), today, CancellationToken.None));

        var mineIds = home.Mine.Items.Select(p => p.Id).ToList();
        mineIds.ShouldContain(created);
        mineIds.ShouldContain(caseByMe);
        mineIds.ShouldContain(dueLater);
        mineIds.ShouldNotContain(caseTakenOver);
        var dueIds = home.Due.Items.Select(p => p.Id).ToList();
        dueIds.ShouldContain(created);
        dueIds.ShouldContain(caseByMe);
        dueIds.ShouldNotContain(dueLater);
        dueIds.ShouldNotContain(caseTakenOver);
        dueIds.IndexOf(caseByMe).ShouldBeLessThan(dueIds.IndexOf(created), "soonest (overdue) first");
        home.Due.Items.ShouldAllBe(p => p.FollowUpDue <= today.AddDays(Clinic.DueWithinDays));
        (await app.AuditAsync()).ShouldContain(e => e.UserName == me.UserName && e.Action == "patient.list" && e.Outcome == AuditOutcomes.Success);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Home_and_what_if_reads_refuse_roles_the_matrix_does_not_grant(string backend)
    {
        var app = servers.For(backend);
        var (record, _) = await (await app.SignedInAsync(Roles.Clinician)).CreatePatientAsync("Refusal Holder");
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var patient = Principal(await app.CreateUserAsync(Roles.Patient, record));
        var researcher = Principal(await app.CreateUserAsync(Roles.Researcher));
        var clinician = Principal(await app.CreateUserAsync(Roles.Clinician));
        var coordinator = Principal(await app.CreateUserAsync(Roles.Coordinator));
        var admin = Principal(await app.CreateUserAsync(Roles.Admin));

        await WithClinicAsync(app, async clinic =>
        {
            await Should.ThrowAsync<UnauthorizedAccessException>(() => clinic.ClinicianHomeAsync(patient, today, CancellationToken.None));
            await Should.ThrowAsync<UnauthorizedAccessException>(() => clinic.ClinicianHomeAsync(admin, today, CancellationToken.None));
            await Should.ThrowAsync<UnauthorizedAccessException>(() => clinic.WhatIfAsync(patient, record, CancellationToken.None));
            await Should.ThrowAsync<UnauthorizedAccessException>(() => clinic.WhatIfAsync(researcher, record, CancellationToken.None));
            await Should.ThrowAsync<UnauthorizedAccessException>(() => clinic.WhatIfAsync(admin, record, CancellationToken.None));
            await Should.ThrowAsync<UnauthorizedAccessException>(() => clinic.AccountsAsync(clinician, 1, 10, CancellationToken.None));
            await Should.ThrowAsync<UnauthorizedAccessException>(() => clinic.LatestAuditAsync(clinician, null, 10, CancellationToken.None));
            (await clinic.WhatIfAsync(clinician, record, CancellationToken.None)).ShouldNotBeNull();
            (await clinic.WhatIfAsync(coordinator, record, CancellationToken.None)).ShouldNotBeNull();
            return true;
        });
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task What_if_reads_the_record_as_one_audited_read_and_writes_nothing(string backend)
    {
        var app = servers.For(backend);
        var me = await app.CreateUserAsync(Roles.Clinician);
        var record = await CreateAsync(app, new Actor(me.UserName, Roles.Clinician, null), [new Actor(me.UserName, Roles.Clinician, null)], null);
        var before = await app.WithDbAsync(async db => (await db.Patients.SingleAsync(p => p.Id == record)).Version);
        var lastEvent = (await app.AuditAsync(record)).Max(e => e.Id);

        var file = await WithClinicAsync(app, clinic => clinic.WhatIfAsync(Principal(me), record, CancellationToken.None));

        file!.Cases.Count.ShouldBe(1);
        (await app.WithDbAsync(async db => (await db.Patients.SingleAsync(p => p.Id == record)).Version)).ShouldBe(before);
        (await app.AuditAsync(record)).Where(e => e.Id > lastEvent).Select(e => (e.UserName, e.Action, e.Outcome)).ShouldBe([(me.UserName, "patient.read", AuditOutcomes.Success)]);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Latest_audit_events_come_newest_first_and_page_backwards(string backend)
    {
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        for (var i = 0; i < 3; i++) await clinician.CreatePatientAsync($"Audit Page {i}");
        var admin = Principal(await app.CreateUserAsync(Roles.Admin));

        var (first, second) = await WithClinicAsync(app, async clinic =>
        {
            var page1 = await clinic.LatestAuditAsync(admin, null, 2, CancellationToken.None);
            var page2 = await clinic.LatestAuditAsync(admin, page1[^1].Id, 2, CancellationToken.None);
            return (page1, page2);
        });

        first.Count.ShouldBe(2);
        first[0].Id.ShouldBeGreaterThan(first[1].Id);
        second.Count.ShouldBe(2);
        second[0].Id.ShouldBeLessThan(first[1].Id);
        second[0].Id.ShouldBeGreaterThan(second[1].Id);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(UserAccount user) =>
        NetPathClaims.For(user, Guid.Empty, CookieAuthenticationDefaults.AuthenticationScheme);

    private static async Task<T> WithClinicAsync<T>(NetPathFactory app, Func<Clinic, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<Clinic>());
    }

    /// <summary>A record created by <paramref name="creator"/>, a case version by each of <paramref name="caseAuthors"/> in turn, and the stored next follow-up.</summary>
    private static async Task<Guid> CreateAsync(NetPathFactory app, Actor creator, Actor[]? caseAuthors, DateOnly? due)
    {
        using var scope = app.Services.CreateScope();
        var records = scope.ServiceProvider.GetRequiredService<PatientRecords>();
        var p = (await records.CreatePatientAsync(creator, new PatientInput("Home " + Guid.NewGuid().ToString("N")[..8], null, null), null, CancellationToken.None)).Value!;
        var version = p.Version;
        foreach (var author in caseAuthors ?? [])
        {
            (await records.AddCaseVersionAsync(author, p.Id, version, CaseJson, null, CancellationToken.None)).Status.ShouldBe(WriteStatus.Created);
            version++;
        }
        if (due is { } d)
            await app.WithDbAsync(db => db.Patients.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.FollowUpDue, d)));
        return p.Id;
    }
}
