using Npgsql;

namespace NetPath.Web.Tests.Infrastructure;

/// <summary>
/// The databases every integration test runs against: SQLite always; PostgreSQL when
/// NETPATH_TEST_POSTGRES holds a connection string (scripts/postgres-test-server.sh prints one).
/// Without it the PostgreSQL cases are left out, unless NETPATH_REQUIRE_POSTGRES=1: then they
/// run and fail, so CI cannot pass by silently not testing PostgreSQL.
/// </summary>
public static class Backends
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable("NETPATH_TEST_POSTGRES");

    public static bool RequirePostgres => Environment.GetEnvironmentVariable("NETPATH_REQUIRE_POSTGRES") == "1";

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (!string.IsNullOrEmpty(PostgresConnection) || RequirePostgres) data.Add(Postgres);
            return data;
        }
    }

    /// <summary>A fresh, empty database of the given kind, as a --database value.</summary>
    public static string NewDatabase(string backend)
    {
        if (backend == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "netpath-tests");
            Directory.CreateDirectory(folder);
            return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        }
        var cs = PostgresConnection;
        if (string.IsNullOrEmpty(cs))
            throw new InvalidOperationException("NETPATH_REQUIRE_POSTGRES=1 but NETPATH_TEST_POSTGRES is not set: run `eval \"$(scripts/postgres-test-server.sh)\"` first.");
        return new NpgsqlConnectionStringBuilder(cs) { Database = $"netpath_test_{Guid.NewGuid():N}" }.ConnectionString;
    }
}

/// <summary>A clock the tests set: the API must take its date from the injected TimeProvider.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => now += by;
}

public static class Repo
{
    /// <summary>The repository root (the folder holding NetPath.slnx).</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetPath.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("NetPath.slnx not found above the test folder.");
        }
    }

    public static string Case(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "cases", name + ".json"));
}
