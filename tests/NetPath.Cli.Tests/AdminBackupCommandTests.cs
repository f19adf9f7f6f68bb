using NetPath.Storage;

namespace NetPath.Cli.Tests;

/// <summary>`netpath admin backup` and `restore` (decision 0421): exit codes and messages a person acts on.</summary>
public sealed class AdminBackupCommandTests
{
    [Fact]
    public async Task Backup_then_restore_round_trips_a_SQLite_database_and_never_overwrites_by_accident()
    {
        var folder = Directory.CreateTempSubdirectory("netpath-cli-backup");
        var database = Path.Combine(folder.FullName, "netpath.db");
        var backup = Path.Combine(folder.FullName, "backup.db");
        var restored = Path.Combine(folder.FullName, "restored.db");
        var location = DatabaseLocation.Parse(database);
        await using (var db = StorageServices.Open(location))
        {
            await Migrator.MigrateAsync(db, location.Provider, TimeProvider.System, CancellationToken.None);
            await new Accounts(db, TimeProvider.System).CreateAsync("backed-up-admin", "backed-up-password", Roles.Admin, null, CancellationToken.None);
        }

        var made = CliRunner.Run("admin", "backup", "--database", database, "--to", backup);
        made.ExitCode.ShouldBe(0, made.Stderr);
        made.Stderr.ShouldContain($"Backed up to {backup}");
        var twice = CliRunner.Run("admin", "backup", "--database", database, "--to", backup);
        twice.ExitCode.ShouldBe(2);
        twice.Stderr.ShouldContain("never overwrites");

        var restore = CliRunner.Run("admin", "restore", "--from", backup, "--database", restored);
        restore.ExitCode.ShouldBe(0, restore.Stderr);
        var over = CliRunner.Run("admin", "restore", "--from", backup, "--database", restored);
        over.ExitCode.ShouldBe(2);
        over.Stderr.ShouldContain("--replace");
        CliRunner.Run("admin", "restore", "--from", backup, "--database", restored, "--replace").ExitCode.ShouldBe(0);

        var back = DatabaseLocation.Parse(restored);
        await using (var db = StorageServices.Open(back))
            (await new Accounts(db, TimeProvider.System).ExistsAsync("backed-up-admin", CancellationToken.None)).ShouldBeTrue();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public void A_PostgreSQL_database_is_sent_to_pg_dump()
    {
        var result = CliRunner.Run("admin", "backup", "--database", "Host=127.0.0.1;Database=netpath;Username=netpath", "--to", Path.Combine(Path.GetTempPath(), "never.db"));
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("pg_dump");
    }
}
