using Microsoft.Data.Sqlite;

namespace NetPath.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the records live. A value containing <c>Host=</c> is a PostgreSQL connection string;
/// one containing <c>Data Source=</c> is a SQLite connection string; anything else is a SQLite
/// file path. Nothing given means the file netpath.db in the user's local data folder.
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "NetPath", "netpath.db");

    public static DatabaseLocation Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Sqlite(DefaultSqlitePath);
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return new DatabaseLocation(DatabaseProvider.Postgres, value);
        if (value.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            return new DatabaseLocation(DatabaseProvider.Sqlite, value);
        return Sqlite(value);
    }

    public static DatabaseLocation Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        return new DatabaseLocation(DatabaseProvider.Sqlite, cs.ToString());
    }

    /// <summary>The location with any password removed, for logs and messages.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Host}";
}
