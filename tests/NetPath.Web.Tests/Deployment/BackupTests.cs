using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests.Deployment;

/// <summary>Backup, restore and upgrade of a SQLite database (decision 0421).</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_the_server_writes_restores_exactly_the_records_it_held()
    {
        var folder = Directory.CreateTempSubdirectory("netpath-backup");
        var backup = Path.Combine(folder.FullName, "backup.db");
        var restored = Path.Combine(folder.FullName, "restored.db");
        string kept, later;
        using (var app = new NetPathFactory(Backends.Sqlite))
        {
            var client = await app.SignedInAsync(Roles.Clinician);
            var (id, etag) = await client.CreatePatientAsync("Kept By The Backup");
            (await client.AddCaseAsync(id, etag, Repo.Case("01-rectal-small"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            kept = id.ToString();

            // Online: writes go on while the copy is taken.
            using var writing = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !writing.IsCancellationRequested; i++)
                    await client.PostAsJsonAsync("/api/patients", new { displayName = $"During Backup {i}" }, CancellationToken.None);
            });
            await Backup.CreateAsync(DatabaseLocation.Parse(app.Database), backup, CancellationToken.None);
            await writing.CancelAsync();
            await writer;
            later = (await client.CreatePatientAsync("Written After The Backup")).Id.ToString();
        }

        await Should.ThrowAsync<BackupException>(() => Backup.CreateAsync(DatabaseLocation.Parse(restored), backup, CancellationToken.None));
        await Backup.RestoreAsync(backup, DatabaseLocation.Parse(restored), replace: false, CancellationToken.None);
        var again = await Should.ThrowAsync<BackupException>(() => Backup.RestoreAsync(backup, DatabaseLocation.Parse(restored), replace: false, CancellationToken.None));
        again.Message.ShouldContain("--replace");

        using (var app = new NetPathFactory(Backends.Sqlite) { Database = restored })
        {
            var client = await app.SignedInAsync(Roles.Clinician);
            var patient = await client.GetAsync($"/api/patients/{kept}");
            patient.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await patient.JsonAsync()).GetProperty("displayName").GetString().ShouldBe("Kept By The Backup");
            JsonDocument.Parse(await client.GetStringAsync($"/api/patients/{kept}/cases")).RootElement.GetArrayLength().ShouldBe(1);
            (await client.GetAsync($"/api/patients/{later}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_backup_never_overwrites_and_a_restore_refuses_what_is_not_a_NetPath_database()
    {
        var folder = Directory.CreateTempSubdirectory("netpath-backup");
        var notNetPath = Path.Combine(folder.FullName, "other.db");
        await File.WriteAllTextAsync(notNetPath, "not a database");
        var target = DatabaseLocation.Parse(Path.Combine(folder.FullName, "target.db"));
        (await Should.ThrowAsync<BackupException>(() => Backup.RestoreAsync(notNetPath, target, replace: true, CancellationToken.None)))
            .Message.ShouldContain("not a NetPath database");
        File.Exists(Path.Combine(folder.FullName, "target.db")).ShouldBeFalse();

        using (var app = new NetPathFactory(Backends.Sqlite))
        {
            (await Should.ThrowAsync<BackupException>(() => Backup.CreateAsync(DatabaseLocation.Parse(app.Database), notNetPath, CancellationToken.None)))
                .Message.ShouldContain("never overwrites");
        }
        (await File.ReadAllTextAsync(notNetPath)).ShouldBe("not a database");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task PostgreSQL_is_sent_to_pg_dump()
    {
        var location = DatabaseLocation.Parse("Host=127.0.0.1;Database=netpath;Username=netpath");
        (await Should.ThrowAsync<BackupException>(() => Backup.CreateAsync(location, "/tmp/never.db", CancellationToken.None))).Message.ShouldContain("pg_dump");
        (await Should.ThrowAsync<BackupException>(() => Backup.RestoreAsync("/tmp/never.db", location, replace: true, CancellationToken.None))).Message.ShouldContain("pg_restore");
    }

    [Fact]
    public async Task A_database_of_the_previous_release_is_upgraded_at_start_with_its_records_and_accounts_intact()
    {
        var folder = Directory.CreateTempSubdirectory("netpath-upgrade");
        var database = Path.Combine(folder.FullName, "netpath.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "previous-release", "netpath-previous-release.db"), database);

        using (var app = new NetPathFactory(Backends.Sqlite) { Database = database })
        {
            var client = app.Client();
            // The previous release's demo account and password still sign in.
            (await client.PostAsJsonAsync("/api/auth/signin", new { userName = "demo-clinician", password = "demo-only-not-for-patients" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync(Hosting.Deployment.ReadinessPath)).StatusCode.ShouldBe(HttpStatusCode.OK);

            var page = JsonDocument.Parse(await client.GetStringAsync("/api/patients")).RootElement.GetProperty("items");
            page.EnumerateArray().Select(p => p.GetProperty("displayName").GetString()).ShouldBe(["Demo Patient A", "Demo Patient B", "Demo Patient C", "Demo Patient D"]);
            page.EnumerateArray().Select(p => p.GetProperty("summary").GetProperty("site").GetString()).ShouldBe(["pancreas", "ileum", "rectum", "ileum"]);

            var patientA = page[0].GetProperty("id").GetGuid();
            var assessments = JsonDocument.Parse(await client.GetStringAsync($"/api/patients/{patientA}/assessments")).RootElement;
            assessments.GetArrayLength().ShouldBeGreaterThan(0);
            assessments.EnumerateArray().ShouldAllBe(a => a.GetProperty("knowledgeVersion").GetString() == "2026.11.1");

            var board = JsonDocument.Parse(await client.GetStringAsync("/api/board")).RootElement;
            board.EnumerateArray().Select(i => i.GetProperty("question").GetString()).ShouldContain("Candidate for PRRT after progression on somatostatin analogue?");

            // And it takes new writes under the new schema.
            (await client.CreatePatientAsync("After The Upgrade")).Id.ShouldNotBe(Guid.Empty);
            var versions = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_version ORDER BY version").ToListAsync());
            versions.ShouldBe(Migrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Version).ToList());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
