using Microsoft.Data.Sqlite;

namespace NetPath.Storage;

/// <summary>
/// `netpath admin backup` and `restore` for a SQLite database (decision 0421). The backup is
/// SQLite's online backup: a consistent copy while the server keeps writing. PostgreSQL is backed
/// up with its own tools (pg_dump, docs/deploy.md), which this refuses to imitate.
/// </summary>
public static class Backup
{
    public static async Task CreateAsync(DatabaseLocation source, string destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        RequireSqlite(source, "backup");
        var target = Path.GetFullPath(destination);
        if (File.Exists(target)) throw new BackupException($"'{target}' exists; a backup never overwrites a file.");
        if (!File.Exists(DataSource(source))) throw new BackupException($"There is no database at '{DataSource(source)}'.");
        var written = false;
        try
        {
            using var from = new SqliteConnection(source.ConnectionString);
            using var to = new SqliteConnection(FileConnection(target, SqliteOpenMode.ReadWriteCreate));
            await from.OpenAsync(ct).ConfigureAwait(false);
            await to.OpenAsync(ct).ConfigureAwait(false);
            written = true;
            from.BackupDatabase(to);
            // One self-contained file: no -wal beside it to lose when it is copied elsewhere.
            Execute(to, "PRAGMA journal_mode=DELETE;");
            await CheckAsync(to, target, ct).ConfigureAwait(false);
        }
        catch when (written)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(target);
            throw;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Replaces the database's contents with the backup's. The server must be stopped: a running
    /// one would keep answering from what it had read. The next start migrates an older backup.
    /// </summary>
    public static async Task RestoreAsync(string backup, DatabaseLocation target, bool replace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireSqlite(target, "restore");
        var source = Path.GetFullPath(backup);
        if (!File.Exists(source)) throw new BackupException($"There is no backup at '{source}'.");
        if (File.Exists(DataSource(target)) && !replace)
            throw new BackupException($"'{DataSource(target)}' exists; give --replace to overwrite it with the backup.");
        try
        {
            using (var check = new SqliteConnection(FileConnection(source, SqliteOpenMode.ReadOnly)))
            {
                await check.OpenAsync(ct).ConfigureAwait(false);
                await CheckAsync(check, source, ct).ConfigureAwait(false);
                using var to = new SqliteConnection(target.ConnectionString);
                await to.OpenAsync(ct).ConfigureAwait(false);
                check.BackupDatabase(to);
                // The copy carries the backup's journal mode; the server's is WAL (decision 0400).
                Execute(to, "PRAGMA journal_mode=WAL;");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>A NetPath database, whole: SQLite's integrity check passes and it has a schema version.</summary>
    private static async Task CheckAsync(SqliteConnection connection, string path, CancellationToken ct)
    {
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check;";
        try
        {
            var result = (string?)await integrity.ExecuteScalarAsync(ct).ConfigureAwait(false);
            if (result != "ok") throw new BackupException($"'{path}' fails SQLite's integrity check: {result}");
            using var version = connection.CreateCommand();
            version.CommandText = "SELECT MAX(version) FROM schema_version;";
            if (await version.ExecuteScalarAsync(ct).ConfigureAwait(false) is not long)
                throw new BackupException($"'{path}' is not a NetPath database (no schema version).");
        }
        catch (SqliteException e)
        {
            throw new BackupException($"'{path}' is not a NetPath database: {e.Message}");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant text
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static void RequireSqlite(DatabaseLocation location, string what)
    {
        if (location.Provider != DatabaseProvider.Sqlite)
            throw new BackupException($"netpath admin {what} is for SQLite. For PostgreSQL use pg_dump and pg_restore (docs/deploy.md, \"Backup and restore\").");
    }

    private static string DataSource(DatabaseLocation location) => new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;

    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}

/// <summary>A backup or restore that cannot be done, with the reason a person can act on.</summary>
public sealed class BackupException(string message) : Exception(message);
