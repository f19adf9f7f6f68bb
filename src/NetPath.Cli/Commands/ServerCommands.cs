using System.CommandLine;
using NetPath.Web;

namespace NetPath.Cli.Commands;

/// <summary>
/// `netpath serve` and `netpath admin create`: thin wrappers over the web host's entry points, kept
/// in their own class so that `netpath assess` never loads ASP.NET Core.
/// </summary>
internal static class ServerCommands
{
    public static Command Serve()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {NetPathServer.DefaultUrl})." };
        var database = new Option<string?>("--database") { Description = "A SQLite file path, or a PostgreSQL connection string (Host=...). Default: a file in your data folder." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Start empty: no synthetic demo patients or demo account." };
        var command = new Command("serve", "Run the NetPath web server (API and pages) on localhost.") { urls, database, noDemo };
        command.SetAction((parse, ct) => NetPathServer.RunAsync(
            new NetPathServerOptions(parse.GetValue(urls), parse.GetValue(database), parse.GetValue(noDemo)), ct));
        return command;
    }

    public static Command Admin(CliIo io)
    {
        var username = new Option<string>("--username") { Description = "The new administrator's user name.", Required = true };
        var password = new Option<string?>("--password") { Description = "The password; read from standard input when absent (keeps it out of the shell history)." };
        var database = new Option<string?>("--database") { Description = "A SQLite file path, or a PostgreSQL connection string. Default: the file `serve` uses." };
        var create = new Command("create", "Create an administrator account (the first one, or another).") { username, password, database };
        create.SetAction(async (parse, ct) =>
        {
            var secret = parse.GetValue(password);
            if (secret is null)
            {
                using var reader = new StreamReader(io.Stdin());
                secret = (await reader.ReadLineAsync(ct).ConfigureAwait(false))?.Trim();
            }
            if (string.IsNullOrEmpty(secret) || secret.Length < NetPath.Storage.Accounts.MinPasswordLength)
            {
                await io.Stderr.WriteLineAsync($"netpath: a password of at least {NetPath.Storage.Accounts.MinPasswordLength} characters is needed.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            try
            {
                await AdminAccounts.CreateAsync(parse.GetValue(database), parse.GetValue(username)!, secret, ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                await io.Stderr.WriteLineAsync("netpath: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            await io.Stderr.WriteLineAsync($"Administrator '{parse.GetValue(username)}' created.").ConfigureAwait(false);
            return ExitCodes.Assessed;
        });
        return new Command("admin", "Accounts, backup and restore.") { create, BackupCommand(io), RestoreCommand(io) };
    }

    private static Command BackupCommand(CliIo io)
    {
        var database = new Option<string?>("--database") { Description = "The SQLite file to back up. Default: the file `serve` uses." };
        var to = new Option<string>("--to") { Description = "The backup file to write (never overwritten).", Required = true };
        var command = new Command("backup", "Copy a SQLite database while the server runs (SQLite's online backup). PostgreSQL: pg_dump, see docs/deploy.md.") { database, to };
        command.SetAction((parse, ct) => Run(io, () => NetPath.Storage.Backup.CreateAsync(
            NetPath.Storage.DatabaseLocation.Parse(parse.GetValue(database)), parse.GetValue(to)!, ct), $"Backed up to {parse.GetValue(to)}."));
        return command;
    }

    private static Command RestoreCommand(CliIo io)
    {
        var database = new Option<string?>("--database") { Description = "The SQLite file to restore into. Default: the file `serve` uses." };
        var from = new Option<string>("--from") { Description = "The backup file.", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Overwrite an existing database. Stop the server first." };
        var command = new Command("restore", "Put a backup in place of a SQLite database (the server stopped); the next start brings an older backup up to the current schema.") { database, from, replace };
        command.SetAction((parse, ct) => Run(io, () => NetPath.Storage.Backup.RestoreAsync(
            parse.GetValue(from)!, NetPath.Storage.DatabaseLocation.Parse(parse.GetValue(database)), parse.GetValue(replace), ct), $"Restored from {parse.GetValue(from)}."));
        return command;
    }

    private static async Task<int> Run(CliIo io, Func<Task> work, string done)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (NetPath.Storage.BackupException ex)
        {
            await io.Stderr.WriteLineAsync("netpath: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        await io.Stderr.WriteLineAsync(done).ConfigureAwait(false);
        return ExitCodes.Assessed;
    }
}
