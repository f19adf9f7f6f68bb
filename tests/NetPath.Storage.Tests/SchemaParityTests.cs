using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace NetPath.Storage.Tests;

/// <summary>
/// The schema is hand-written twice, once per dialect (decision 0400); EF Core reads and writes it
/// through one model. This builds each database from its migrations and compares its catalogue
/// (tables, columns, types, nullability, primary keys, indexes, foreign keys) with the model, so a
/// column added to one dialect only, or typed differently from what EF sends, fails here and not
/// in production (issue 16).
/// </summary>
public sealed class SchemaParityTests
{
    public static TheoryData<string> Backends => StorageTests.Backends;

    /// <summary>The migrator's own bookkeeping: no entity maps it.</summary>
    private const string MigratorTable = "schema_version";

    /// <summary>
    /// Columns, their types and nullability, and primary keys must equal the model's exactly; the
    /// indexes and foreign keys the model declares must exist. The scripts hold more indexes and
    /// foreign keys than the model names (EF never needs them to query), so those are compared
    /// between the two dialects: PostgreSQL's must equal SQLite's.
    /// </summary>
    [Theory, MemberData(nameof(Backends))]
    public async Task The_migrated_schema_matches_the_EF_model(string backend)
    {
        var (expected, actual) = await CataloguesAsync(backend);

        Structure(actual).Except(Structure(expected)).ShouldBeEmpty("columns or keys in the database but not in the model");
        Structure(expected).Except(Structure(actual)).ShouldBeEmpty("columns or keys in the model but not in the database");
        Constraints(expected).Except(Constraints(actual)).ShouldBeEmpty("indexes or foreign keys in the model but not in the database");
        Structure(expected).Count.ShouldBeGreaterThan(40); // the model was read, not an empty list compared with another

        if (backend == "postgres")
        {
            var (_, sqlite) = await CataloguesAsync("sqlite");
            Constraints(actual).ShouldBe(Constraints(sqlite), "the PostgreSQL scripts' indexes and foreign keys differ from the SQLite scripts'");
            Constraints(actual).Count.ShouldBeGreaterThan(10);
        }
    }

    private static List<string> Structure(IEnumerable<string> lines) => [.. lines.Where(l => !IsConstraint(l))];

    private static List<string> Constraints(IEnumerable<string> lines) => [.. lines.Where(IsConstraint)];

    private static bool IsConstraint(string line) => line.Contains(" index (", StringComparison.Ordinal) || line.Contains(" foreign key (", StringComparison.Ordinal);

    private static async Task<(List<string> Model, List<string> Database)> CataloguesAsync(string backend)
    {
        var location = backend == "sqlite"
            ? DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "netpath-storage-tests", $"{Guid.NewGuid():N}.db"))
            : DatabaseLocation.Parse(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("NETPATH_TEST_POSTGRES")
                ?? throw new InvalidOperationException("NETPATH_TEST_POSTGRES is not set: run `eval \"$(scripts/postgres-test-server.sh)\"`.")) { Database = $"netpath_schema_{Guid.NewGuid():N}" }.ConnectionString);
        await using var db = StorageServices.Open(location);
        await Migrator.MigrateAsync(db, location.Provider, TimeProvider.System, CancellationToken.None);
        await using var keyRing = StorageServices.OpenKeyRing(location);

        var model = Describe(db.Model).Concat(Describe(keyRing.Model)).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        var database = (backend == "sqlite" ? await SqliteCatalogueAsync(connection) : await PostgresCatalogueAsync(connection))
            .Where(line => !line.StartsWith(MigratorTable + " ", StringComparison.Ordinal) && !line.StartsWith(MigratorTable + ".", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        return (model, database);
    }

    /// <summary>One line per column ("table.column type null|not null"), primary key, index and foreign key of the model.</summary>
    private static IEnumerable<string> Describe(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var p in entity.GetProperties())
                yield return $"{table}.{p.GetColumnName(id)} {Normalize(p.GetColumnType())} {(p.IsColumnNullable(id) ? "null" : "not null")}";
            if (entity.FindPrimaryKey() is { } pk)
                yield return $"{table} primary key ({Columns(pk.Properties, id)})";
            foreach (var index in entity.GetIndexes())
                yield return $"{table} {(index.IsUnique ? "unique index" : "index")} ({Columns(index.Properties, id)})";
            foreach (var key in entity.GetKeys().Where(k => !k.IsPrimaryKey()))
                yield return $"{table} unique index ({Columns(key.Properties, id)})";
            foreach (var fk in entity.GetForeignKeys())
                yield return $"{table} foreign key ({Columns(fk.Properties, id)}) references {fk.PrincipalEntityType.GetTableName()} on delete {OnDelete(fk.DeleteBehavior)}";
        }
    }

    private static string Columns(IEnumerable<IProperty> properties, StoreObjectIdentifier id) => string.Join(", ", properties.Select(p => p.GetColumnName(id)));

    private static string Normalize(string type) => type.Trim().ToLowerInvariant();

    private static async Task<List<string>> SqliteCatalogueAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')", r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1, Pk: r.GetInt64(3)));
            // SQLite lets a primary-key column hold NULL unless declared otherwise; an INTEGER PRIMARY KEY is the rowid and never null.
            lines.AddRange(columns.Select(c => $"{table}.{c.Name} {Normalize(c.Type)} {(c.NotNull || (c.Pk > 0 && Normalize(c.Type) == "integer") ? "not null" : "null")}"));
            var pk = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            if (pk.Count > 0) lines.Add($"{table} primary key ({string.Join(", ", pk)})");
            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')", r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2)));
            foreach (var index in indexes.Where(i => i.Origin != "pk"))
            {
                var cols = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"{table} {(index.Unique ? "unique index" : "index")} ({string.Join(", ", cols)})");
            }
            var fks = await QueryAsync(connection, $"SELECT id, \"table\", \"from\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq", r => (Id: r.GetInt64(0), Table: r.GetString(1), From: r.GetString(2), OnDelete: r.GetString(3)));
            foreach (var fk in fks.GroupBy(f => f.Id))
                lines.Add($"{table} foreign key ({string.Join(", ", fk.Select(f => f.From))}) references {fk.First().Table} on delete {OnDelete(fk.First().OnDelete)}");
        }
        return lines;
    }

    private static async Task<List<string>> PostgresCatalogueAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection, """
            SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """, r => Normalize(r.GetString(0))));
        lines.AddRange(await QueryAsync(connection, """
            SELECT t.relname, i.indisprimary, i.indisunique,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema()
            """, r => $"{r.GetString(0)} {(r.GetBoolean(1) ? "primary key" : r.GetBoolean(2) ? "unique index" : "index")} ({r.GetString(3)})"));
        lines.AddRange(await QueryAsync(connection, """
            SELECT t.relname, p.relname, c.confdeltype::text,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            """, r => $"{r.GetString(0)} foreign key ({r.GetString(3)}) references {r.GetString(1)} on delete {r.GetString(2) switch { "c" => "cascade", "n" => "setnull", "r" => "restrict", _ => "noaction" }}"));
        return lines;
    }

    /// <summary>What the database must do for EF's delete behaviour; the client-side ones leave the database to do nothing.</summary>
    private static string OnDelete(DeleteBehavior behavior) => behavior switch
    {
        DeleteBehavior.Cascade => "cascade",
        DeleteBehavior.SetNull => "setnull",
        DeleteBehavior.Restrict => "restrict",
        _ => "noaction",
    };

    private static string OnDelete(string action) => action.ToUpperInvariant() switch
    {
        "CASCADE" => "cascade",
        "SET NULL" => "setnull",
        "RESTRICT" => "restrict",
        _ => "noaction",
    };

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }
}
