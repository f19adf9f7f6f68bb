using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NetPath.Storage.Tests;

/// <summary>The schema, the migrator and the write rules, on SQLite and (when NETPATH_TEST_POSTGRES is set, or required) PostgreSQL.</summary>
public sealed class StorageTests
{
    public static TheoryData<string> Backends
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NETPATH_TEST_POSTGRES"))
                || Environment.GetEnvironmentVariable("NETPATH_REQUIRE_POSTGRES") == "1") data.Add("postgres");
            return data;
        }
    }

    private static readonly Actor Clinician = new("clinician-1", Roles.Clinician, null);
    private static readonly TimeProvider Time = TimeProvider.System;

    private static DatabaseLocation NewDatabase(string backend)
    {
        if (backend == "sqlite")
            return DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "netpath-storage-tests", $"{Guid.NewGuid():N}.db"));
        var cs = Environment.GetEnvironmentVariable("NETPATH_TEST_POSTGRES")
            ?? throw new InvalidOperationException("NETPATH_REQUIRE_POSTGRES=1 but NETPATH_TEST_POSTGRES is not set: run `eval \"$(scripts/postgres-test-server.sh)\"`.");
        return DatabaseLocation.Parse(new NpgsqlConnectionStringBuilder(cs) { Database = $"netpath_storage_{Guid.NewGuid():N}" }.ConnectionString);
    }

    private static async Task<NetPathDb> MigratedAsync(DatabaseLocation location)
    {
        var db = StorageServices.Open(location);
        await Migrator.MigrateAsync(db, location.Provider, Time, CancellationToken.None);
        return db;
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Migrating_twice_applies_each_script_once_and_records_it(string backend)
    {
        var location = NewDatabase(backend);
        await using var db = StorageServices.Open(location);
        var first = await Migrator.MigrateAsync(db, location.Provider, Time, CancellationToken.None);
        var second = await Migrator.MigrateAsync(db, location.Provider, Time, CancellationToken.None);

        first.ShouldBe(Migrator.Scripts(location.Provider).Select(s => s.Version).ToList());
        second.ShouldBeEmpty();
        (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM schema_version").SingleAsync()).ShouldBe(first.Count);
    }

    [Fact]
    public void Both_providers_have_the_same_migration_versions()
    {
        Migrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name)
            .ShouldBe(Migrator.Scripts(DatabaseProvider.Postgres).Select(s => s.Name));
    }

    [Fact]
    public async Task SQLite_runs_in_WAL_mode_with_full_sync()
    {
        var location = NewDatabase("sqlite");
        await using var db = await MigratedAsync(location);
        await db.Database.OpenConnectionAsync();
        (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single().ShouldBe("wal");
        (await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()).Single().ShouldBe(2); // FULL
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Case_versions_are_added_never_overwritten(string backend)
    {
        await using var db = await MigratedAsync(NewDatabase(backend));
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        var patient = (await records.CreatePatientAsync(Clinician, new PatientInput("Storage Patient", null, null), null, default)).Value!;

        var v1 = await records.AddCaseVersionAsync(Clinician, patient.Id, 1, """{"v":1}""", null, default);
        var v2 = await records.AddCaseVersionAsync(Clinician, patient.Id, 2, """{"v":2}""", null, default);
        var stale = await records.AddCaseVersionAsync(Clinician, patient.Id, 2, """{"v":3}""", null, default);

        v1.Status.ShouldBe(WriteStatus.Created);
        v2.Status.ShouldBe(WriteStatus.Created);
        stale.Status.ShouldBe(WriteStatus.PreconditionFailed);
        stale.CurrentVersion.ShouldBe(3);
        (await records.ListCaseVersionsAsync(patient.Id, default)).Select(v => (v.VersionNumber, v.CaseJson))
            .ShouldBe([(1, """{"v":1}"""), (2, """{"v":2}""")]);

        // The schema itself refuses a second row with the same version number.
        db.CaseVersions.Add(new CaseVersionRecord { Id = Guid.NewGuid(), PatientId = patient.Id, VersionNumber = 2, CaseJson = "{}", CreatedBy = "x", CreatedAt = Time.GetUtcNow().UtcDateTime });
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_write_and_its_audit_event_commit_together(string backend)
    {
        await using var db = await MigratedAsync(NewDatabase(backend));
        var records = new PatientRecords(db, new AuditTrail(db, Time), Time);
        var created = await records.CreatePatientAsync(Clinician, new PatientInput("Audited", new DateOnly(1970, 1, 2), "MRN-1"), null, default);

        var events = await db.AuditEvents.Where(a => a.PatientId == created.Value!.Id).ToListAsync();
        events.Select(e => (e.Action, e.UserName, e.Outcome)).ShouldBe([("patient.create", "clinician-1", "success")]);
        var read = await records.GetPatientAsync(created.Value!.Id, default);
        read!.DateOfBirth.ShouldBe(new DateOnly(1970, 1, 2));
        read.CreatedAt.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Accounts_hash_passwords_and_lock_after_repeated_failures(string backend)
    {
        await using var db = await MigratedAsync(NewDatabase(backend));
        var accounts = new Accounts(db, Time);
        var user = await accounts.CreateAsync("lock-me", "a-long-enough-password", Roles.Coordinator, null, default);
        user.PasswordHash.ShouldNotContain("a-long-enough-password");

        for (var i = 1; i < Accounts.MaxFailedSignIns; i++) (await accounts.SignInAsync("lock-me", "wrong", default)).Status.ShouldBe(SignInStatus.Failed);
        (await accounts.SignInAsync("lock-me", "wrong", default)).Status.ShouldBe(SignInStatus.LockedOut);
        (await accounts.SignInAsync("lock-me", "a-long-enough-password", default)).Status.ShouldBe(SignInStatus.LockedOut);
        (await accounts.SignInAsync("nobody", "whatever", default)).Status.ShouldBe(SignInStatus.Failed);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Failures_from_separate_connections_at_once_all_count_and_a_lock_ends_the_sessions(string backend)
    {
        var location = NewDatabase(backend);
        await using var db = await MigratedAsync(location);
        var accounts = new Accounts(db, Time);
        await accounts.CreateAsync("many-tries", "a-long-enough-password", Roles.Clinician, null, default);
        var session = (await accounts.SignInAsync("many-tries", "a-long-enough-password", default)).SessionId!.Value;

        // Each attempt on its own connection, as from as many server instances.
        var attempts = Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var other = StorageServices.Open(location);
            return (await new Accounts(other, Time).SignInAsync("many-tries", "wrong-password", default)).Status;
        });
        var results = await Task.WhenAll(attempts);
        results.Count(r => r == SignInStatus.Failed).ShouldBeLessThan(Accounts.MaxFailedSignIns);
        (await accounts.SignInAsync("many-tries", "a-long-enough-password", default)).Status.ShouldBe(SignInStatus.LockedOut);
        (await accounts.FindSessionAsync(session, default))!.Session.RevokedAt.ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task User_names_are_one_name_ignoring_case_and_surrounding_spaces(string backend)
    {
        await using var db = await MigratedAsync(NewDatabase(backend));
        var accounts = new Accounts(db, Time);
        await accounts.CreateAsync("Sec-Clin2", "a-long-enough-password", Roles.Clinician, null, default);
        (await accounts.ExistsAsync(" SEC-CLIN2 ", default)).ShouldBeTrue();
        await Should.ThrowAsync<DbUpdateException>(() => accounts.CreateAsync("sec-clin2", "a-long-enough-password", Roles.Clinician, null, default));
        Should.Throw<ArgumentException>(() => accounts.CreateAsync("sec-\u202Eclin", "a-long-enough-password", Roles.Clinician, null, default));
        (await accounts.SignInAsync("SEC-CLIN2", "a-long-enough-password", default)).Status.ShouldBe(SignInStatus.Success);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Accounts_from_before_migration_0003_get_their_name_keys_and_look_alikes_keep_signing_in(string backend)
    {
        var location = NewDatabase(backend);
        await using (var db = await MigratedAsync(location))
        {
            var accounts = new Accounts(db, Time);
            await accounts.CreateAsync("old-name", "a-long-enough-password", Roles.Clinician, null, default);
            await accounts.CreateAsync("other-name", "a-long-enough-password", Roles.Clinician, null, default);
            // As written before 0003: no key, and a look-alike of old-name.
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.UserNameKey, (string?)null));
            await db.Users.Where(u => u.UserName == "other-name").ExecuteUpdateAsync(s => s.SetProperty(u => u.UserName, "OLD-NAME"));
        }
        await using var again = await MigratedAsync(location);
        var keys = await again.Users.OrderBy(u => u.CreatedAt).Select(u => u.UserNameKey).ToListAsync();
        keys.ShouldBe(["OLD-NAME", null]);
        var reopened = new Accounts(again, Time);
        (await reopened.SignInAsync("old-name", "a-long-enough-password", default)).Status.ShouldBe(SignInStatus.Success);
        (await reopened.SignInAsync("OLD-NAME", "a-long-enough-password", default)).User!.UserName.ShouldBe("OLD-NAME");
        (await reopened.SignInAsync("Old-Name", "a-long-enough-password", default)).User!.UserName.ShouldBe("old-name");
    }

    [Fact]
    public void Database_argument_selects_the_provider()
    {
        DatabaseLocation.Parse("Host=db;Database=netpath;Username=u").Provider.ShouldBe(DatabaseProvider.Postgres);
        DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "x.db")).Provider.ShouldBe(DatabaseProvider.Sqlite);
        new SqliteConnectionStringBuilder(DatabaseLocation.Parse(null).ConnectionString).DataSource
            .ShouldEndWith(Path.Combine("NetPath", "netpath.db"));
    }
}
