using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NetPath.Storage;

/// <summary>
/// Every SQLite connection runs with synchronous=FULL: in WAL mode the default (NORMAL) can
/// lose the last commits on power loss, and an acknowledged write must never be lost.
/// busy_timeout lets concurrent writers wait for the single write lock instead of failing.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
