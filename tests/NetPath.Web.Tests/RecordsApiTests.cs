using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>Patient search, the symptom diary and the tumour-board list through the API, on every backend.</summary>
[Collection("api")]
public sealed class RecordsApiTests(Servers servers)
{
    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    private static readonly DateOnly Today = DateOnly.FromDateTime(NetPathFactory.Start.UtcDateTime);

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static async Task<List<string>> CodesAndPathsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("type").GetString().ShouldBe("urn:netpath:problem:invalid-request");
        return [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString() + " " + e.GetProperty("path").GetString())];
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/patients?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()!)];
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Search_finds_by_part_of_the_name_or_start_of_the_record_number_ignoring_case(string backend)
    {
        var client = await servers.For(backend).SignedInAsync(Roles.Coordinator);
        var tag = Unique();
        var name = $"Émilie Zaragoza-{tag}";
        (await client.PostAsJsonAsync("/api/patients", new { displayName = name, recordNumber = $"SRCH-{tag}-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/patients", new { displayName = $"Other {tag}", recordNumber = $"X-{tag}" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await NamesAsync(client, $"search={Uri.EscapeDataString($"émilie zaragoza-{tag.ToUpperInvariant()}")}")).ShouldBe([name]);
        (await NamesAsync(client, $"search={Uri.EscapeDataString($"srch-{tag}")}")).ShouldBe([name]);
        (await NamesAsync(client, $"search={tag}")).Count.ShouldBe(2); // both names hold the tag
        (await NamesAsync(client, $"search={tag}-01")).ShouldBeEmpty(); // the middle of a record number is no match
        (await NamesAsync(client, $"search={tag}&site=pancreas")).ShouldBeEmpty();

        var tooLong = await client.GetAsync("/api/patients?search=" + new string('a', PatientSearch.MaxLength + 1));
        (await CodesAndPathsAsync(tooLong)).ShouldBe(["out-of-range query:search"]);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Search_text_is_neither_logged_nor_audited(string backend)
    {
        var logs = new CapturedLogs();
        using var app = servers.For(backend).WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync($"searcher-{Unique()}", NetPathFactory.Password, Roles.Clinician, null, default);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-NetPath-Request", "1");
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = NetPathFactory.Password })).EnsureSuccessStatusCode();
        var secret = "Quixotic" + Unique();

        (await client.GetAsync($"/api/patients?search={secret}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        logs.Messages.ShouldNotBeEmpty();
        logs.Messages.ShouldAllBe(m => !m.Contains(secret, StringComparison.OrdinalIgnoreCase));
        var audit = await scope.ServiceProvider.GetRequiredService<AuditTrail>().ListAsync(null, null, 100_000, default);
        audit.ShouldContain(a => a.UserName == user.UserName && a.Action == "patient.list");
        audit.ShouldAllBe(a => !a.Action.Contains(secret, StringComparison.OrdinalIgnoreCase) && !a.Outcome.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }

    private static object Entry(string? date = null, string[]? symptoms = null, int? wellbeing = 6, int? diarrheaPerDay = null, int? flushesPerDay = null, string? note = null) =>
        new { date = date ?? Today.ToString("yyyy-MM-dd"), symptoms = symptoms ?? [], wellbeing, diarrheaPerDay, flushesPerDay, note };

    [Theory, MemberData(nameof(Backends))]
    public async Task Patient_keeps_a_diary_on_the_own_record_the_care_team_reads_it(string backend)
    {
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        var (id, _) = await clinician.CreatePatientAsync("Diary Patient");
        var patient = await app.SignedInAsync(Roles.Patient, id);

        var first = await patient.PostAsJsonAsync($"/api/patients/{id}/diary", Entry(Today.AddDays(-1).ToString("yyyy-MM-dd"), ["diarrhea", "flushing"], wellbeing: 4, diarrheaPerDay: 3, flushesPerDay: 5, note: "after dinner"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await first.JsonAsync();
        created.GetProperty("symptoms").EnumerateArray().Select(s => s.GetString()).ShouldBe(["flushing", "diarrhea"]);
        first.Headers.Location!.ToString().ShouldBe($"/api/patients/{id}/diary/{created.GetProperty("id").GetGuid()}");
        (await patient.PostAsJsonAsync($"/api/patients/{id}/diary", Entry(wellbeing: 8))).StatusCode.ShouldBe(HttpStatusCode.Created);

        foreach (var reader in new[] { patient, clinician, await app.SignedInAsync(Roles.Coordinator) })
        {
            var list = await reader.GetAsync($"/api/patients/{id}/diary");
            list.StatusCode.ShouldBe(HttpStatusCode.OK);
            var entries = (await list.JsonAsync()).EnumerateArray().ToList();
            entries.Select(e => e.GetProperty("date").GetString()).ShouldBe([Today.ToString("yyyy-MM-dd"), Today.AddDays(-1).ToString("yyyy-MM-dd")]);
            entries[1].GetProperty("diarrheaPerDay").GetInt32().ShouldBe(3);
            entries[1].GetProperty("flushesPerDay").GetInt32().ShouldBe(5);
            entries[1].GetProperty("wellbeing").GetInt32().ShouldBe(4);
        }
        (await patient.GetAsync(first.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The diary is the patient's own report: a clinician cannot write in it.
        (await clinician.PostAsJsonAsync($"/api/patients/{id}/diary", Entry())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var audit = await app.AuditAsync(id);
        audit.Count(a => a.Action == "diary.create" && a.Outcome == AuditOutcomes.Success).ShouldBe(2);
        audit.Count(a => a.Action == "diary.list" && a.Outcome == AuditOutcomes.Success).ShouldBe(3);
        audit.ShouldContain(a => a.Action == "diary.create" && a.Outcome == AuditOutcomes.Denied);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Patient_cannot_read_or_write_another_records_diary(string backend)
    {
        var app = servers.For(backend);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        var (own, _) = await clinician.CreatePatientAsync("Own Diary");
        var (other, _) = await clinician.CreatePatientAsync("Other Diary");
        var patient = await app.SignedInAsync(Roles.Patient, own);

        (await patient.GetAsync($"/api/patients/{other}/diary")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await patient.PostAsJsonAsync($"/api/patients/{other}/diary", Entry())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await patient.GetAsync($"/api/patients/{other}/diary/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var audit = await app.AuditAsync(other);
        audit.Where(a => a.Action.StartsWith("diary.", StringComparison.Ordinal)).ShouldAllBe(a => a.Outcome == AuditOutcomes.Denied);
        audit.Count(a => a.Action.StartsWith("diary.", StringComparison.Ordinal)).ShouldBe(3);
        (await app.WithDbAsync(db => Task.FromResult(db.DiaryEntries.Count(d => d.PatientId == other)))).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_bad_diary_entry_is_refused_naming_each_field_and_nothing_is_stored(string backend)
    {
        var app = servers.For(backend);
        var (id, _) = await (await app.SignedInAsync(Roles.Clinician)).CreatePatientAsync("Diary Errors");
        var patient = await app.SignedInAsync(Roles.Patient, id);
        var url = $"/api/patients/{id}/diary";

        (await CodesAndPathsAsync(await patient.PostAsJsonAsync(url, Entry(Today.AddDays(1).ToString("yyyy-MM-dd"), ["flushing", "sneezing", "flushing"], wellbeing: 11, diarrheaPerDay: -1, flushesPerDay: 101, note: new string('n', 501)))))
            .ShouldBe(["out-of-range $.date", "invalid-code $.symptoms[1]", "duplicate-value $.symptoms[2]", "out-of-range $.diarrheaPerDay", "out-of-range $.flushesPerDay", "out-of-range $.wellbeing", "out-of-range $.note"], ignoreOrder: true);
        (await CodesAndPathsAsync(await patient.PostAsJsonAsync(url, new { symptoms = Array.Empty<string>() }))).ShouldBe(["required $.date", "required $.wellbeing"], ignoreOrder: true);
        (await CodesAndPathsAsync(await patient.PostAsync(url, Http.JsonBody("""{"date":"2026-11-20","wellbeing":5,"mood":"fine"}""")))).ShouldBe(["unknown-field $.mood"]);
        (await CodesAndPathsAsync(await patient.PostAsync(url, Http.JsonBody("""{"date":"2026-11-20","wellbeing":"good"}""")))).ShouldBe(["wrong-type $.wellbeing"]);
        (await CodesAndPathsAsync(await patient.PostAsync(url, Http.JsonBody("""{"date":"20.11.2026","wellbeing":5}""")))).ShouldBe(["wrong-type $.date"]);
        (await CodesAndPathsAsync(await patient.PostAsync(url, Http.JsonBody("""{"date":""")))).ShouldBe(["malformed-json $"]);

        var invalid = await patient.PostAsJsonAsync(url, Entry(wellbeing: 12));
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var allowed = await patient.PostAsJsonAsync(url, Entry(symptoms: ["x"]));
        (await allowed.JsonAsync()).GetProperty("errors")[0].GetProperty("allowed").GetString()!.ShouldContain("abdominal-pain");
        (await app.WithDbAsync(db => Task.FromResult(db.DiaryEntries.Count(d => d.PatientId == id)))).ShouldBe(0);
        (await app.AuditAsync(id)).ShouldContain(a => a.Action == "diary.create" && a.Outcome == AuditOutcomes.Invalid);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_retried_diary_entry_with_the_same_Idempotency_Key_is_stored_once(string backend)
    {
        var app = servers.For(backend);
        var (id, _) = await (await app.SignedInAsync(Roles.Clinician)).CreatePatientAsync("Diary Retry");
        var patient = await app.SignedInAsync(Roles.Patient, id);

        async Task<HttpResponseMessage> PostAsync(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{id}/diary") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "diary-retry-1");
            return await patient.SendAsync(request);
        }

        var first = await PostAsync(Entry());
        var retry = await PostAsync(Entry());
        var other = await PostAsync(Entry(wellbeing: 1));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.JsonAsync()).GetProperty("id").GetGuid().ShouldBe((await first.JsonAsync()).GetProperty("id").GetGuid());
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.WithDbAsync(db => Task.FromResult(db.DiaryEntries.Count(d => d.PatientId == id)))).ShouldBe(1);
    }

    private static async Task<HttpResponseMessage> ChangeStatusAsync(HttpClient client, Guid itemId, string? etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/board/{itemId}/status") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Coordinator_lists_a_patient_for_a_meeting_and_records_the_outcome_with_If_Match(string backend)
    {
        var app = servers.For(backend);
        var coordinator = await app.SignedInAsync(Roles.Coordinator);
        var clinician = await app.SignedInAsync(Roles.Clinician);
        var name = $"Board Patient {Unique()}";
        var (id, _) = await coordinator.CreatePatientAsync(name);
        var meeting = Today.AddDays(200);

        var created = await coordinator.PostAsJsonAsync("/api/board", new { patientId = id, meetingDate = meeting, question = "  Resect the primary?  " });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.ETag!.ToString().ShouldBe("\"v1\"");
        var item = await created.JsonAsync();
        var itemId = item.GetProperty("id").GetGuid();
        item.GetProperty("question").GetString().ShouldBe("Resect the primary?");
        item.GetProperty("status").GetString().ShouldBe("listed");
        created.Headers.Location!.ToString().ShouldBe($"/api/board/{itemId}");

        var agenda = (await (await clinician.GetAsync("/api/board")).JsonAsync()).EnumerateArray().ToList();
        var listed = agenda.Single(i => i.GetProperty("id").GetGuid() == itemId);
        listed.GetProperty("displayName").GetString().ShouldBe(name);
        listed.GetProperty("meetingDate").GetString().ShouldBe(meeting.ToString("yyyy-MM-dd"));
        (await clinician.PostAsJsonAsync("/api/board", new { patientId = id, meetingDate = meeting, question = "Again?" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await ChangeStatusAsync(clinician, itemId, null, new { status = "discussed", outcome = "Resect" })).StatusCode.ShouldBe((HttpStatusCode)428);
        var stale = await ChangeStatusAsync(clinician, itemId, "\"v7\"", new { status = "discussed", outcome = "Resect" });
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await stale.JsonAsync()).GetProperty("currentETag").GetString().ShouldBe("\"v1\"");
        (await CodesAndPathsAsync(await ChangeStatusAsync(clinician, itemId, "\"v1\"", new { status = "discussed" }))).ShouldBe(["required $.outcome"]);
        (await CodesAndPathsAsync(await ChangeStatusAsync(clinician, itemId, "\"v1\"", new { status = "postponed" }))).ShouldBe(["invalid-code $.status"]);

        var done = await ChangeStatusAsync(clinician, itemId, "\"v1\"", new { status = "discussed", outcome = "Resect the primary; restage in 3 months." });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        done.Headers.ETag!.ToString().ShouldBe("\"v2\"");
        (await CodesAndPathsAsync(await ChangeStatusAsync(clinician, itemId, "\"v2\"", new { status = "withdrawn" }))).ShouldBe(["invalid-code $.status"]);

        (await (await clinician.GetAsync("/api/board")).JsonAsync()).EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == itemId);
        var history = (await (await clinician.GetAsync($"/api/board?patientId={id}&includeClosed=true")).JsonAsync()).EnumerateArray().Single();
        history.GetProperty("status").GetString().ShouldBe("discussed");
        history.GetProperty("outcome").GetString().ShouldBe("Resect the primary; restage in 3 months.");
        var get = await coordinator.GetAsync($"/api/board/{itemId}");
        get.Headers.ETag!.ToString().ShouldBe("\"v2\"");

        var audit = await app.AuditAsync(id);
        audit.Where(a => a.Action.StartsWith("board.", StringComparison.Ordinal)).Select(a => $"{a.Action}:{a.Outcome}")
            .ShouldBe(["board.create:success", "board.create:conflict", "board.update:conflict", "board.update:invalid", "board.update:invalid",
                "board.update:success", "board.update:invalid", "board.list:success", "board.read:success"]);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_bad_board_item_is_refused_naming_each_field(string backend)
    {
        var app = servers.For(backend);
        var coordinator = await app.SignedInAsync(Roles.Coordinator);

        (await CodesAndPathsAsync(await coordinator.PostAsJsonAsync("/api/board", new { meetingDate = Today.AddDays(-1), question = " " })))
            .ShouldBe(["required $.patientId", "out-of-range $.meetingDate", "required $.question"], ignoreOrder: true);
        (await CodesAndPathsAsync(await coordinator.PostAsJsonAsync("/api/board", new { patientId = Guid.NewGuid(), meetingDate = Today, question = new string('q', 501) })))
            .ShouldBe(["out-of-range $.question"]);
        (await CodesAndPathsAsync(await coordinator.PostAsync("/api/board", Http.JsonBody("""{"patientId":"not-a-guid","meetingDate":"2026-12-01","question":"?"}"""))))
            .ShouldBe(["wrong-type $.patientId"]);
        (await coordinator.PostAsJsonAsync("/api/board", new { patientId = Guid.NewGuid(), meetingDate = Today, question = "Who?" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ChangeStatusAsync(coordinator, Guid.NewGuid(), "\"v1\"", new { status = "withdrawn" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Board_refusals_by_role_are_audited(string backend)
    {
        var app = servers.For(backend);
        var (id, _) = await (await app.SignedInAsync(Roles.Clinician)).CreatePatientAsync("Board Refusal");
        var patient = await app.SignedInAsync(Roles.Patient, id);
        (await patient.GetAsync("/api/board")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AuditAsync()).ShouldContain(a => a.Action == "board.list" && a.Outcome == AuditOutcomes.Denied);
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();
        public IReadOnlyList<string> Messages => [.. Queue];
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Queue.Enqueue($"{category}: {formatter(state, exception)} {JsonSerializer.Serialize(state?.ToString())}");
        }
    }
}
