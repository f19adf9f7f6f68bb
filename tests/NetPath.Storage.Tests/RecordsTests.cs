using Microsoft.EntityFrameworkCore;
using NetPath.Clinical.Validation;
using Npgsql;

namespace NetPath.Storage.Tests;

/// <summary>Patient search, the symptom diary and the tumour-board list, on SQLite and (when configured) PostgreSQL.</summary>
public sealed class RecordsTests
{
    public static TheoryData<string> Backends => StorageTests.Backends;

    private static readonly Actor Clinician = new("clinician-1", Roles.Clinician, null);
    private static readonly Actor Coordinator = new("coordinator-1", Roles.Coordinator, null);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly FixedTime Time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static async Task<NetPathDb> MigratedAsync(string backend)
    {
        DatabaseLocation location;
        if (backend == "sqlite")
        {
            location = DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "netpath-storage-tests", $"{Guid.NewGuid():N}.db"));
        }
        else
        {
            var cs = Environment.GetEnvironmentVariable("NETPATH_TEST_POSTGRES")
                ?? throw new InvalidOperationException("NETPATH_REQUIRE_POSTGRES=1 but NETPATH_TEST_POSTGRES is not set.");
            location = DatabaseLocation.Parse(new NpgsqlConnectionStringBuilder(cs) { Database = $"netpath_storage_{Guid.NewGuid():N}" }.ConnectionString);
        }
        var db = StorageServices.Open(location);
        await Migrator.MigrateAsync(db, location.Provider, Time, CancellationToken.None);
        return db;
    }

    private static async Task<Guid> PatientAsync(PatientRecords records, string name, string? recordNumber = null) =>
        (await records.CreatePatientAsync(Clinician, new PatientInput(name, null, recordNumber), null, default)).Value!.Id;

    private static async Task<List<string>> SearchAsync(PatientRecords records, string? search) =>
        [.. (await records.ListPatientsAsync(new PatientFilter(Search: search), 1, 100, default)).Items.Select(p => p.DisplayName).Order(StringComparer.Ordinal)];

    [Theory, MemberData(nameof(Backends))]
    public async Task Search_matches_part_of_the_name_ignoring_case_beyond_ASCII_the_same_on_every_backend(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        await PatientAsync(records, "Ingrid Öberg", "MRN-0042");
        await PatientAsync(records, "ÖBERG-SMITH");
        await PatientAsync(records, "Oberg Plain", "X-1");
        await PatientAsync(records, "Test 100%_ Name", "mrn-0043");
        await PatientAsync(records, "Σίσυφος");

        (await SearchAsync(records, "ÖBERG")).ShouldBe(["Ingrid Öberg", "ÖBERG-SMITH"]);
        (await SearchAsync(records, "öberg")).ShouldBe(["Ingrid Öberg", "ÖBERG-SMITH"]);
        (await SearchAsync(records, "grid ö")).ShouldBe(["Ingrid Öberg"]);
        (await SearchAsync(records, "oberg")).ShouldBe(["Oberg Plain"]);
        (await SearchAsync(records, "ΣΊΣΥΦΟΣ")).ShouldBe(["Σίσυφος"]);
        // LIKE wildcards are plain characters to the search.
        (await SearchAsync(records, "%")).ShouldBe(["Test 100%_ Name"]);
        (await SearchAsync(records, "_")).ShouldBe(["Test 100%_ Name"]);
        (await SearchAsync(records, "   ")).Count.ShouldBe(5);
        (await SearchAsync(records, null)).Count.ShouldBe(5);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Search_matches_a_record_number_exactly_or_by_its_start_ignoring_case(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        await PatientAsync(records, "Alpha", "MRN-0042");
        await PatientAsync(records, "Beta", "mrn-0043");
        await PatientAsync(records, "Gamma", "X-1");

        (await SearchAsync(records, "mrn-004")).ShouldBe(["Alpha", "Beta"]);
        (await SearchAsync(records, "MRN-0043")).ShouldBe(["Beta"]);
        (await SearchAsync(records, "0042")).ShouldBeEmpty(); // the middle of a record number is not a match
        (await SearchAsync(records, "x-1")).ShouldBe(["Gamma"]);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Search_follows_renames_combines_with_filters_and_pages(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        for (var i = 0; i < 5; i++) await PatientAsync(records, $"Paged Person {i}");
        var renamed = await PatientAsync(records, "Before Rename");
        (await records.UpdatePatientAsync(Clinician, renamed, 1, new PatientInput("After Change", null, "NEW-7"), default)).Status.ShouldBe(WriteStatus.Updated);

        (await SearchAsync(records, "before")).ShouldBeEmpty();
        (await SearchAsync(records, "after")).ShouldBe(["After Change"]);
        (await SearchAsync(records, "new-")).ShouldBe(["After Change"]);
        var page = await records.ListPatientsAsync(new PatientFilter(Search: "paged"), 2, 2, default);
        page.Total.ShouldBe(5);
        page.Items.Count.ShouldBe(2);
        (await records.ListPatientsAsync(new PatientFilter(Site: "pancreas", Search: "paged"), 1, 10, default)).Total.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Records_written_before_the_search_columns_are_filled_in_by_the_migrator(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        var id = await PatientAsync(records, "Legacy Ölund", "OLD-1");
        await db.Patients.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SearchName, (string?)null).SetProperty(p => p.SearchRecordNumber, (string?)null));
        (await SearchAsync(records, "ölund")).ShouldBeEmpty();

        await Migrator.MigrateAsync(db, db.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, Time, default);

        (await SearchAsync(records, "ÖLUND")).ShouldBe(["Legacy Ölund"]);
        (await SearchAsync(records, "old-")).ShouldBe(["Legacy Ölund"]);
    }

    private static DiaryInput Entry(DateOnly? date = null, string[]? symptoms = null, int? diarrhea = null, int? flushes = null, int? wellbeing = 7, string? note = null) =>
        new(date ?? Today, symptoms ?? [], diarrhea, flushes, wellbeing, note);

    [Theory, MemberData(nameof(Backends))]
    public async Task Diary_entries_are_stored_with_their_audit_event_and_listed_newest_first(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var audit = new AuditTrail(db, Time);
        var patientId = await PatientAsync(new PatientRecords(db, audit, Time), "Diary Keeper");
        var actor = new Actor("patient-1", Roles.Patient, patientId);
        var diary = new Diary(db, audit, Time);

        var older = await diary.AddAsync(actor, patientId, Entry(Today.AddDays(-2), ["diarrhea", "flushing"], diarrhea: 4, flushes: 6, wellbeing: 5, note: "  bad day  "), null, default);
        var newer = await diary.AddAsync(actor, patientId, Entry(Today, ["fatigue"], wellbeing: 8), null, default);

        older.Status.ShouldBe(WriteStatus.Created);
        newer.Status.ShouldBe(WriteStatus.Created);
        var list = await diary.ListAsync(patientId, 50, default);
        list.Select(e => e.EntryDate).ShouldBe([Today, Today.AddDays(-2)]);
        var stored = list[1];
        stored.Symptoms().ShouldBe([NetPath.Clinical.Cases.Symptom.Flushing, NetPath.Clinical.Cases.Symptom.Diarrhea]);
        stored.SymptomsJson.ShouldBe("""["flushing","diarrhea"]""");
        (stored.DiarrheaPerDay, stored.FlushesPerDay, stored.Wellbeing, stored.Note).ShouldBe((4, 6, 5, "bad day"));
        (await db.AuditEvents.Where(a => a.PatientId == patientId && a.Action == Diary.OpAdd).CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_bad_diary_entry_stores_nothing_and_names_every_field(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var audit = new AuditTrail(db, Time);
        var patientId = await PatientAsync(new PatientRecords(db, audit, Time), "Diary Errors");
        var diary = new Diary(db, audit, Time);

        var result = await diary.AddAsync(Clinician, patientId,
            new DiaryInput(Today.AddDays(1), ["flushing", "hiccups", "flushing"], -1, 101, 11, new string('x', Diary.MaxNoteLength + 1)), null, default);

        result.Status.ShouldBe(WriteStatus.Invalid);
        result.Errors.Select(e => (e.Code, e.Path)).ShouldBe([
            (ErrorCodes.OutOfRange, "date"),
            (ErrorCodes.InvalidCode, "symptoms[1]"),
            (ErrorCodes.DuplicateValue, "symptoms[2]"),
            (ErrorCodes.OutOfRange, "diarrheaPerDay"),
            (ErrorCodes.OutOfRange, "flushesPerDay"),
            (ErrorCodes.OutOfRange, "wellbeing"),
            (ErrorCodes.OutOfRange, "note"),
        ], ignoreOrder: true);
        (await diary.AddAsync(Clinician, patientId, Entry(wellbeing: null), null, default)).Errors.Select(e => (e.Code, e.Path)).ShouldBe([(ErrorCodes.Required, "wellbeing")]);
        (await diary.AddAsync(Clinician, patientId, Entry(Today.AddDays(-Diary.MaxDaysBack - 1)), null, default)).Errors.Single().Path.ShouldBe("date");
        (await diary.AddAsync(Clinician, Guid.NewGuid(), Entry(), null, default)).Status.ShouldBe(WriteStatus.NotFound);
        (await db.DiaryEntries.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_retried_diary_entry_with_the_same_key_is_stored_once(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var audit = new AuditTrail(db, Time);
        var patientId = await PatientAsync(new PatientRecords(db, audit, Time), "Retry Diary");
        var actor = new Actor("patient-2", Roles.Patient, patientId);
        var diary = new Diary(db, audit, Time);

        var first = await diary.AddAsync(actor, patientId, Entry(), new Idempotency("k1", "h1"), default);
        var retry = await diary.AddAsync(actor, patientId, Entry(), new Idempotency("k1", "h1"), default);
        var reused = await diary.AddAsync(actor, patientId, Entry(wellbeing: 2), new Idempotency("k1", "h2"), default);

        retry.Status.ShouldBe(WriteStatus.Replayed);
        retry.Value!.Id.ShouldBe(first.Value!.Id);
        reused.Status.ShouldBe(WriteStatus.KeyReused);
        (await db.DiaryEntries.CountAsync()).ShouldBe(1);
    }

    private sealed class MovingTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
        public void Advance(TimeSpan by) => now += by;
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task An_idempotency_key_answers_retries_for_a_day_and_is_then_forgotten(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var clock = new MovingTime(Time.GetUtcNow());
        var records = new PatientRecords(db, new AuditTrail(db, clock), clock);
        var key = new Idempotency("create-1", "h1");

        var first = await records.CreatePatientAsync(Clinician, new PatientInput("Key Day", null, null), key, default);
        clock.Advance(TimeSpan.FromHours(23));
        var retry = await records.CreatePatientAsync(Clinician, new PatientInput("Key Day", null, null), key, default);
        clock.Advance(TimeSpan.FromHours(2));
        var later = await records.CreatePatientAsync(Clinician, new PatientInput("Key Day", null, null), key, default);

        first.Status.ShouldBe(WriteStatus.Created);
        retry.Status.ShouldBe(WriteStatus.Replayed);
        retry.Value!.Id.ShouldBe(first.Value!.Id);
        later.Status.ShouldBe(WriteStatus.Created);
        later.Value!.Id.ShouldNotBe(first.Value.Id);
        (await db.IdempotencyKeys.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Opening_the_database_purges_expired_keys(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        await records.CreatePatientAsync(Clinician, new PatientInput("Purge A", null, null), new Idempotency("a", "h"), default);
        await records.CreatePatientAsync(Coordinator, new PatientInput("Purge B", null, null), new Idempotency("b", "h"), default);

        await Migrator.MigrateAsync(db, db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, new MovingTime(Time.GetUtcNow().AddHours(12)), default);
        (await db.IdempotencyKeys.CountAsync()).ShouldBe(2);
        await Migrator.MigrateAsync(db, db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, new MovingTime(Time.GetUtcNow().AddHours(25)), default);
        (await db.IdempotencyKeys.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Board_items_are_listed_by_meeting_and_move_to_discussed_with_If_Match(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var audit = new AuditTrail(db, Time);
        var records = new PatientRecords(db, audit, Time);
        var first = await PatientAsync(records, "Board First");
        var second = await PatientAsync(records, "Board Second");
        var board = new TumourBoard(db, audit, Time);

        var a = await board.AddAsync(Coordinator, new BoardInput(first, Today.AddDays(7), " Surgery or PRRT? "), null, default);
        var b = await board.AddAsync(Coordinator, new BoardInput(second, Today.AddDays(3), "Re-staging due"), null, default);
        var twice = await board.AddAsync(Clinician, new BoardInput(first, Today.AddDays(7), "Again"), null, default);

        a.Status.ShouldBe(WriteStatus.Created);
        a.Value!.Question.ShouldBe("Surgery or PRRT?");
        twice.Status.ShouldBe(WriteStatus.Duplicate);
        var upcoming = await board.ListAsync(Today, null, null, false, 100, default);
        upcoming.Select(l => (l.DisplayName, l.Item.MeetingDate)).ShouldBe([("Board Second", Today.AddDays(3)), ("Board First", Today.AddDays(7))]);

        var stale = await board.ChangeStatusAsync(Clinician, a.Value.Id, 2, new BoardStatusChange("discussed", "PRRT advised"), default);
        stale.Status.ShouldBe(WriteStatus.PreconditionFailed);
        stale.CurrentVersion.ShouldBe(1);
        (await board.ChangeStatusAsync(Clinician, a.Value.Id, 1, new BoardStatusChange("discussed", null), default)).Errors.Single().Path.ShouldBe("outcome");
        var discussed = await board.ChangeStatusAsync(Clinician, a.Value.Id, 1, new BoardStatusChange("discussed", "PRRT advised"), default);
        discussed.Status.ShouldBe(WriteStatus.Updated);
        discussed.Value!.Version.ShouldBe(2);
        (await board.ChangeStatusAsync(Clinician, a.Value.Id, 2, new BoardStatusChange("withdrawn", null), default)).Status.ShouldBe(WriteStatus.Invalid);

        (await board.ListAsync(Today, null, null, false, 100, default)).Select(l => l.DisplayName).ShouldBe(["Board Second"]);
        var all = await board.ListAsync(null, null, first, true, 100, default);
        all.Single().Item.Outcome.ShouldBe("PRRT advised");
        (await db.AuditEvents.Where(e => e.PatientId == first && e.Action.StartsWith("board.")).Select(e => e.Action + ":" + e.Outcome).ToListAsync())
            .ShouldBe(["board.create:success", "board.create:conflict", "board.update:conflict", "board.update:invalid", "board.update:success", "board.update:invalid"], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_bad_board_item_stores_nothing_and_names_every_field(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var audit = new AuditTrail(db, Time);
        var board = new TumourBoard(db, audit, Time);

        var bad = await board.AddAsync(Coordinator, new BoardInput(null, Today.AddDays(-1), "  "), null, default);
        bad.Errors.Select(e => (e.Code, e.Path)).ShouldBe([(ErrorCodes.Required, "patientId"), (ErrorCodes.OutOfRange, "meetingDate"), (ErrorCodes.Required, "question")], ignoreOrder: true);
        (await board.AddAsync(Coordinator, new BoardInput(Guid.NewGuid(), Today, new string('q', TumourBoard.MaxQuestionLength + 1)), null, default))
            .Errors.Single().Path.ShouldBe("question");
        (await board.AddAsync(Coordinator, new BoardInput(Guid.NewGuid(), Today, "Who?"), null, default)).Status.ShouldBe(WriteStatus.NotFound);
        (await db.BoardItems.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Overdue_follow_ups_are_those_due_before_today(string backend)
    {
        await using var db = await MigratedAsync(backend);
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        var overdue = await PatientAsync(records, "Overdue");
        var dueToday = await PatientAsync(records, "Due Today");
        var longOverdue = await PatientAsync(records, "Long Overdue");
        await PatientAsync(records, "No Follow-up");
        await db.Patients.Where(p => p.Id == overdue).ExecuteUpdateAsync(s => s.SetProperty(p => p.FollowUpDue, Today.AddDays(-1)));
        await db.Patients.Where(p => p.Id == dueToday).ExecuteUpdateAsync(s => s.SetProperty(p => p.FollowUpDue, Today));
        await db.Patients.Where(p => p.Id == longOverdue).ExecuteUpdateAsync(s => s.SetProperty(p => p.FollowUpDue, Today.AddDays(-90)));

        (await records.ListOverdueFollowUpsAsync(Today, 50, default)).Select(p => p.DisplayName).ShouldBe(["Long Overdue", "Overdue"]);
    }
}
