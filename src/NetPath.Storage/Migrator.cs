using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NetPath.Storage;

/// <summary>
/// Brings a database to the newest schema: runs each embedded script
/// <c>migrations/{provider}/NNNN_name.sql</c> not yet recorded in <c>schema_version</c>, in
/// order, each in its own transaction with its schema_version row (decision 0400).
/// </summary>
public static class Migrator
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var prefix = $"migrations/{folder}/";
        var assembly = typeof(Migrator).Assembly;
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            scripts.Add(new Script(version, name, Read(assembly, resource)));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        return scripts;
    }

    /// <summary>Applies the missing scripts; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NetPathDb db, DatabaseProvider provider, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var database = db.Database;
        if (provider == DatabaseProvider.Sqlite)
        {
            // WAL is a property of the file, set once; readers then never block the writer.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await EnsurePostgresDatabaseAsync(database.GetConnectionString()!, cancellationToken).ConfigureAwait(false);
        }

        await database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
            cancellationToken).ConfigureAwait(false);

        var applied = new List<int>();
        foreach (var script in Scripts(provider))
        {
            var strategy = database.CreateExecutionStrategy();
            var done = await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await BeginExclusiveAsync(db, provider, cancellationToken).ConfigureAwait(false);
                var already = await database.SqlQueryRaw<int>(
                    "SELECT COUNT(*) AS \"Value\" FROM schema_version WHERE version = {0}", script.Version)
                    .SingleAsync(cancellationToken).ConfigureAwait(false);
                if (already > 0) return false;
                await database.ExecuteSqlRawAsync(script.Sql, cancellationToken).ConfigureAwait(false);
                await database.ExecuteSqlRawAsync(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES ({0}, {1}, {2})",
                    [script.Version, script.Name, time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)],
                    cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            if (done) applied.Add(script.Version);
        }
        // Case folding is .NET's, not the database's (decision 0510): rows from before 0002 get their keys here.
        await PatientSearch.FillMissingAsync(db, cancellationToken).ConfigureAwait(false);
        await Accounts.FillMissingKeysAsync(db, cancellationToken).ConfigureAwait(false);
        await Accounts.PurgeEndedSessionsAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        await Idempotent.PurgeExpiredAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private static async Task<IDbContextTransaction> BeginExclusiveAsync(NetPathDb db, DatabaseProvider provider, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (provider == DatabaseProvider.Postgres)
        {
            // Two servers starting at once must not both run a script.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4004)", ct).ConfigureAwait(false);
        }
        return tx;
    }

    /// <summary>Creates the PostgreSQL database named in the connection string if the server lacks it.</summary>
    private static async Task EnsurePostgresDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database;
        if (string.IsNullOrEmpty(name)) return;
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            if (await ScalarAsync(connection, "SELECT 1 FROM pg_database WHERE datname = @n", name, ct).ConfigureAwait(false) is not null) return;
            var create = connection.CreateCommand();
            await using (create.ConfigureAwait(false))
            {
                // The name cannot be a parameter here; it is quoted as an identifier.
#pragma warning disable CA2100
                create.CommandText = $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
#pragma warning restore CA2100
                try
                {
                    await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState is "42P04" or "23505")
                {
                    // Created by a concurrent starter: fine. Two CREATE DATABASE racing each other can
                    // also end in a unique violation on pg_database's name index rather than 42P04
                    // (seen when two instances start together over an empty server).
                }
            }
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, string value, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            var p = command.CreateParameter();
            p.ParameterName = "n";
            p.Value = value;
            command.Parameters.Add(p);
            return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
