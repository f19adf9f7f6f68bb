using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

[Collection("api")]
public sealed class ApiTests(Servers servers)
{
    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    [Theory, MemberData(nameof(Backends))]
    public async Task Assess_returns_exactly_what_the_engine_produces_dated_by_the_injected_clock(string backend)
    {
        var app = servers.For(backend);
        var client = await app.SignedInAsync(Roles.Clinician);
        var json = Repo.Case("04-pancreas-small-nf");

        var response = await client.PostAsync("/api/assessments", Http.JsonBody(json));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var engine = NetPathEngine.Current;
        var expected = engine.Assess(engine.Read(json).Case!, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime));
        (await response.Content.ReadAsStringAsync()).ShouldBe(JsonSerializer.Serialize(expected, AssessmentJsonContext.Default.Assessment));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Invalid_case_is_a_problem_document_listing_every_error_with_code_and_path(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);

        var response = await client.PostAsync("/api/assessments", Http.JsonBody("""{"schemaVersion":"1","tumour":{"primarySite":"moon","ki67Percent":300},"colour":"red"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("type").GetString().ShouldBe("urn:netpath:problem:invalid-case");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("path").GetString())).ToList();
        errors.ShouldContain(("invalid-code", "$.tumour.primarySite"));
        errors.ShouldContain(("out-of-range", "$.tumour.ki67Percent"));
        errors.ShouldContain(("unknown-field", "$.colour"));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Malformed_json_is_a_problem_too(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var response = await client.PostAsync("/api/assessments", Http.JsonBody("{\"schemaVersion\":"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("malformed-json");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Patient_lifecycle_create_read_update_list_delete(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var (id, etag) = await client.CreatePatientAsync("Lifecycle Patient");
        etag.ShouldBe("\"v1\"");

        var get = await client.GetAsync($"/api/patients/{id}");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await get.JsonAsync()).GetProperty("displayName").GetString().ShouldBe("Lifecycle Patient");

        var put = await client.PutPatientAsync(id, etag, new { displayName = "Renamed Patient", dateOfBirth = "1960-04-02" });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        put.Headers.ETag!.ToString().ShouldBe("\"v2\"");
        (await put.JsonAsync()).GetProperty("dateOfBirth").GetString().ShouldBe("1960-04-02");

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/patients/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", "\"v2\"");
        (await client.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/patients/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Soft delete: the row is still there, marked.
        var row = await servers.For(backend).WithDbAsync(db => Task.FromResult(db.Patients.Single(p => p.Id == id)));
        row.DeletedAt.ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Edit_without_If_Match_is_refused_with_428(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var (id, _) = await client.CreatePatientAsync();
        (await client.PutPatientAsync(id, null, new { displayName = "X" })).StatusCode.ShouldBe((HttpStatusCode)428);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Two_clinicians_editing_the_same_version_one_wins_the_other_gets_412_not_a_silent_overwrite(string backend)
    {
        var app = servers.For(backend);
        var alice = await app.SignedInAsync(Roles.Clinician);
        var bob = await app.SignedInAsync(Roles.Clinician);
        var (id, etag) = await alice.CreatePatientAsync("Shared Patient");

        var a = await alice.PutPatientAsync(id, etag, new { displayName = "Alice's edit" });
        var b = await bob.PutPatientAsync(id, etag, new { displayName = "Bob's edit" });

        a.StatusCode.ShouldBe(HttpStatusCode.OK);
        b.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await b.JsonAsync()).GetProperty("currentETag").GetString().ShouldBe("\"v2\"");
        (await (await alice.GetAsync($"/api/patients/{id}")).JsonAsync()).GetProperty("displayName").GetString().ShouldBe("Alice's edit");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Concurrent_edits_at_the_same_moment_never_both_succeed(string backend)
    {
        var app = servers.For(backend);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignedInAsync(Roles.Clinician)));
        var (id, etag) = await clients[0].CreatePatientAsync();

        var results = await Task.WhenAll(clients.Select((c, i) => c.AddCaseAsync(id, etag, Repo.Case("01-rectal-small"))));

        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        results.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.PreconditionFailed || r.StatusCode == HttpStatusCode.Conflict);
        var versions = await (await clients[0].GetAsync($"/api/patients/{id}/cases")).JsonAsync();
        versions.GetArrayLength().ShouldBe(1);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Create_with_the_same_Idempotency_Key_twice_creates_once_and_returns_the_same_record(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Post(string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients") { Content = JsonContent.Create(new { displayName = name }) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var first = await Post("Idem Patient");
        var second = await Post("Idem Patient");
        var other = await Post("Another Patient");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.JsonAsync()).GetProperty("id").GetGuid().ShouldBe((await first.JsonAsync()).GetProperty("id").GetGuid());
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.JsonAsync()).GetProperty("type").GetString().ShouldBe("urn:netpath:problem:idempotency-key-reused");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Concurrent_retries_with_one_Idempotency_Key_store_one_case_version(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var (id, etag) = await client.CreatePatientAsync();
        var key = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.AddCaseAsync(id, etag, Repo.Case("01-rectal-small"), key)));

        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        var ids = new HashSet<Guid>();
        foreach (var r in results.Where(r => r.StatusCode == HttpStatusCode.Created)) ids.Add((await r.JsonAsync()).GetProperty("id").GetGuid());
        ids.Count.ShouldBe(1);
        (await (await client.GetAsync($"/api/patients/{id}/cases")).JsonAsync()).GetArrayLength().ShouldBe(1);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task An_invalid_case_version_stores_nothing(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var (id, etag) = await client.CreatePatientAsync();

        var response = await client.AddCaseAsync(id, etag, """{"schemaVersion":"1","tumour":{"primarySite":"pancreas","lymphNodes":{"examined":2,"positive":5}}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString())
            .ShouldContain("contradiction.nodes-positive-exceed-examined");
        (await (await client.GetAsync($"/api/patients/{id}/cases")).JsonAsync()).GetArrayLength().ShouldBe(0);
        (await client.GetAsync($"/api/patients/{id}")).Headers.ETag!.ToString().ShouldBe(etag);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Case_versions_accumulate_and_stored_assessments_carry_their_provenance(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var (id, etag) = await client.CreatePatientAsync();
        var v1 = await client.AddCaseAsync(id, etag, Repo.Case("01-rectal-small"));
        v1.StatusCode.ShouldBe(HttpStatusCode.Created);
        var v2 = await client.AddCaseAsync(id, v1.Headers.ETag!.ToString(), Repo.Case("04-pancreas-small-nf"));
        v2.StatusCode.ShouldBe(HttpStatusCode.Created);
        var v2Id = (await v2.JsonAsync()).GetProperty("id").GetGuid();

        var list = await (await client.GetAsync($"/api/patients/{id}/cases")).JsonAsync();
        list.EnumerateArray().Select(v => v.GetProperty("versionNumber").GetInt32()).ShouldBe([1, 2]);
        var first = await (await client.GetAsync($"/api/patients/{id}/cases/1")).JsonAsync();
        first.GetProperty("case").GetProperty("tumour").GetProperty("primarySite").GetString().ShouldBe("rectum");

        var stored = await client.PostAsync($"/api/patients/{id}/assessments", null);
        stored.StatusCode.ShouldBe(HttpStatusCode.Created);
        var a = await stored.JsonAsync();
        a.GetProperty("caseVersionId").GetGuid().ShouldBe(v2Id);
        a.GetProperty("knowledgeVersion").GetString().ShouldBe(NetPathEngine.Current.Knowledge.Version);
        a.GetProperty("knowledgeContentHash").GetString().ShouldBe(NetPathEngine.Current.Knowledge.ContentHash);
        // What produced the plan is stored with it: every new case goes to the tumour board.
        a.GetProperty("rulesFired").EnumerateArray().Select(r => r.GetString()).ShouldContain("all.tumour-board");
        a.GetProperty("assessment").GetProperty("classification").GetProperty("site").GetString().ShouldBe("pancreas");
        a.GetProperty("assessmentDate").GetString().ShouldBe("2026-11-23");

        var history = await (await client.GetAsync($"/api/patients/{id}/assessments")).JsonAsync();
        history.GetArrayLength().ShouldBe(1);
        var single = await client.GetAsync(stored.Headers.Location);
        single.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await single.JsonAsync()).GetProperty("id").GetGuid().ShouldBe(a.GetProperty("id").GetGuid());
        var patient = await (await client.GetAsync($"/api/patients/{id}")).JsonAsync();
        patient.GetProperty("summary").GetProperty("site").GetString().ShouldBe("pancreas");
        patient.GetProperty("summary").GetProperty("grade").GetString().ShouldBe("G1");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Patient_list_pages_and_filters_on_the_latest_assessment(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Coordinator);
        var clinician = await servers.For(backend).SignedInAsync(Roles.Clinician);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        foreach (var c in new[] { "01-rectal-small", "03-ileal-metastatic-syndrome", "04-pancreas-small-nf" })
        {
            var (id, etag) = await clinician.CreatePatientAsync($"List {tag} {c}");
            (await clinician.AddCaseAsync(id, etag, Repo.Case(c))).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await clinician.PostAsync($"/api/patients/{id}/assessments", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add(id);
        }

        var ileum = await (await client.GetAsync("/api/patients?site=ileum&pageSize=200")).JsonAsync();
        ileum.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldContain(ids[1]);
        ileum.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("summary").GetProperty("site").GetString() == "ileum");

        var g2 = await (await client.GetAsync("/api/patients?grade=G2&pageSize=200")).JsonAsync();
        g2.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("summary").GetProperty("grade").GetString() == "G2");

        var page = await (await client.GetAsync("/api/patients?page=1&pageSize=2")).JsonAsync();
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(3);

        var due = await (await client.GetAsync("/api/patients?followUpDueBy=2000-01-01")).JsonAsync();
        due.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Every_read_and_write_of_patient_data_is_audited(string backend)
    {
        var app = servers.For(backend);
        var client = await app.SignedInAsync(Roles.Clinician);
        var (id, etag) = await client.CreatePatientAsync();
        await client.AddCaseAsync(id, etag, Repo.Case("01-rectal-small"));
        await client.GetAsync($"/api/patients/{id}");
        await client.GetAsync($"/api/patients/{id}/cases");
        await client.GetAsync($"/api/patients/{id}/cases/1");
        await client.PostAsync($"/api/patients/{id}/assessments", null);
        await client.GetAsync($"/api/patients/{id}/assessments");
        var latest = (await app.WithDbAsync(db => Task.FromResult(db.Patients.Single(p => p.Id == id)))).Version;
        await client.PutPatientAsync(id, $"\"v{latest}\"", new { displayName = "Edited" });
        await client.PutPatientAsync(id, "\"v1\"", new { displayName = "Stale" });

        var events = await app.AuditAsync(id);
        events.Select(e => (e.Action, e.Outcome)).ShouldBe(
        [
            ("patient.create", "success"), ("case.create", "success"), ("patient.read", "success"),
            ("case.list", "success"), ("case.read", "success"), ("assessment.create", "success"),
            ("assessment.list", "success"), ("patient.update", "success"), ("patient.update", "conflict"),
        ]);
        events.ShouldAllBe(e => e.UserName.StartsWith("clinician-", StringComparison.Ordinal) && e.PatientId == id);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_patient_sees_only_their_own_record_and_reaching_for_another_is_refused_and_audited(string backend)
    {
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        var (own, etag) = await clinician.CreatePatientAsync("Own Record");
        await clinician.AddCaseAsync(own, etag, Repo.Case("01-rectal-small"));
        await clinician.PostAsync($"/api/patients/{own}/assessments", null);
        var (other, _) = await clinician.CreatePatientAsync("Someone Else");
        var patient = await app.SignedInAsync(Roles.Patient, own);

        (await patient.GetAsync($"/api/patients/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patient.GetAsync($"/api/patients/{own}/assessments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patient.GetAsync($"/api/patients/{other}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await patient.GetAsync($"/api/patients/{other}/cases")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await patient.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.AuditAsync(other)).Where(e => e.Outcome == AuditOutcomes.Denied).Select(e => e.Action).ShouldBe(["patient.read", "case.list"]);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_researcher_gets_assessments_without_names_ids_or_dates_of_birth(string backend)
    {
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        var name = $"Identifiable {Guid.NewGuid():N}";
        var (id, etag) = await clinician.CreatePatientAsync(name, "1951-07-13");
        await clinician.AddCaseAsync(id, etag, Repo.Case("03-ileal-metastatic-syndrome"));
        await clinician.PostAsync($"/api/patients/{id}/assessments", null);
        var researcher = await app.SignedInAsync(Roles.Researcher);

        var response = await researcher.GetAsync("/api/research/assessments?take=1000");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("\"site\":\"ileum\"");
        text.ShouldNotContain(name);
        text.ShouldNotContain(id.ToString());
        text.ShouldNotContain("1951-07-13");
        text.ShouldNotContain("ex-03");
        var count = (await response.JsonAsync()).GetArrayLength();

        var current = (await clinician.GetAsync($"/api/patients/{id}")).Headers.ETag!.ToString();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/patients/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", current);
        (await clinician.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await researcher.GetAsync("/api/research/assessments?take=1000")).JsonAsync()).GetArrayLength().ShouldBe(count - 1);
        (await researcher.GetAsync($"/api/patients/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AuditAsync(id)).ShouldContain(e => e.Action == "patient.read" && e.Outcome == AuditOutcomes.Denied && e.UserName.StartsWith("researcher-", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Admin_reads_the_audit_trail(string backend)
    {
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        var (id, _) = await clinician.CreatePatientAsync();
        var admin = await app.SignedInAsync(Roles.Admin);

        var events = await (await admin.GetAsync($"/api/audit?patientId={id}")).JsonAsync();

        events.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["patient.create"]);
        (await admin.GetAsync($"/api/patients/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Admin_creates_a_patient_account_linked_to_one_record(string backend)
    {
        var app = servers.For(backend);
        var (id, _) = await (await app.SignedInAsync(Roles.Clinician)).CreatePatientAsync("Account Holder");
        var admin = await app.SignedInAsync(Roles.Admin);
        var name = $"patient-{Guid.NewGuid():N}";

        (await admin.PostAsJsonAsync("/api/users", new { userName = name, password = "patient-password-1", role = "patient" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/users", new { userName = name, password = "short", role = "patient", patientId = id })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/users", new { userName = name, password = "patient-password-1", role = "patient", patientId = id })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/users", new { userName = name, password = "patient-password-1", role = "patient", patientId = id })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var patient = app.Client();
        (await patient.PostAsJsonAsync("/api/auth/signin", new { userName = name, password = "patient-password-1" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patient.GetAsync($"/api/patients/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patient.PostAsync("/api/auth/signout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await patient.GetAsync($"/api/patients/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Repeated_wrong_passwords_lock_the_account(string backend)
    {
        var app = servers.For(backend);
        var user = await app.CreateUserAsync(Roles.Clinician);
        var client = app.Client();
        for (var i = 1; i < Accounts.MaxFailedSignIns; i++)
            (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = "wrong-password!" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = "wrong-password!" })).StatusCode.ShouldBe(HttpStatusCode.Locked);
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = NetPathFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.Locked);

        app.Time.Advance(Accounts.LockoutDuration + TimeSpan.FromSeconds(1));
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = NetPathFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Unsafe_API_requests_without_the_request_header_are_refused(string backend)
    {
        var app = servers.For(backend);
        var client = await app.SignedInAsync(Roles.Clinician);
        client.DefaultRequestHeaders.Remove("X-NetPath-Request");

        var response = await client.PostAsJsonAsync("/api/patients", new { displayName = "Forged" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.JsonAsync()).GetProperty("type").GetString().ShouldBe("urn:netpath:problem:missing-request-header");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Session_cookie_and_response_headers_are_hardened(string backend)
    {
        var app = servers.For(backend);
        var user = await app.CreateUserAsync(Roles.Clinician);
        var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = NetPathFactory.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("netpath.session=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await app.Client().GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Health_reports_the_database_and_knowledge_version(string backend)
    {
        var response = await servers.For(backend).Client().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("knowledgeVersion").GetString().ShouldBe(NetPathEngine.Current.Knowledge.Version);
    }
}
