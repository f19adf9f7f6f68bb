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
        return new Command("admin", "Accounts.") { create };
    }
}
