using Microsoft.AspNetCore.DataProtection;
using NetPath.Storage;

namespace NetPath.Web.Hosting;

/// <summary>
/// Makes the shared Data Protection key ring exist before the first request. Instances started
/// together over an empty PostgreSQL would each create a key of their own and refuse each other's
/// cookies until their rings next refresh; an advisory lock lets the first create it and the
/// others read it.
/// </summary>
internal static class KeyRing
{
    private const long LockId = 4420;

    public static async Task EnsureAsync(IServiceProvider services, DatabaseLocation location, CancellationToken ct)
    {
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("NetPath.Startup");
        if (location.Provider != DatabaseProvider.Postgres)
        {
            protector.Protect("key ring ready"u8.ToArray());
            return;
        }
        var connection = new Npgsql.NpgsqlConnection(location.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockId})", ct).ConfigureAwait(false);
            try
            {
                protector.Protect("key ring ready"u8.ToArray());
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockId})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(Npgsql.NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // constant text
            command.CommandText = sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
