using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NetPath.Storage;
using NetPath.Web.Features;

namespace NetPath.Web.Hosting;

/// <summary>Before the server takes requests: migrate the database, seed demo data unless told not to. After: say where it listens.</summary>
internal sealed class StartupTasks(IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime, IServer server, ILogger<StartupTasks> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var location = sp.GetRequiredService<DatabaseLocation>();
        var applied = await sp.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        Log.DatabaseReady(log, location.Provider.ToString(), applied.Count == 0 ? "none" : string.Join(",", applied));
        await KeyRing.EnsureAsync(sp, location, cancellationToken).ConfigureAwait(false);
        var demo = !configuration.GetValue<bool>(NetPathServer.NoDemoKey);
        if (demo)
        {
            var seeded = await DemoData.SeedAsync(sp.GetRequiredService<Accounts>(), sp.GetRequiredService<PatientRecords>(), sp.GetRequiredService<Assessor>(), cancellationToken).ConfigureAwait(false);
            if (seeded > 0) Log.DemoSeeded(log, seeded);
            demo = await sp.GetRequiredService<Accounts>().ExistsAsync(DemoData.UserName, cancellationToken).ConfigureAwait(false);
        }
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0) return;
            // Console, not the log: this is what a person starting `netpath serve` reads, last and framed
            // so that it is not lost among what the server wrote while starting.
            List<string> lines = [$"NetPath is listening on {string.Join(", ", addresses)}", $"Data: {location.Describe()}"];
            if (demo) lines.Add($"Demo sign-in (synthetic data only): {DemoData.UserName} / {DemoData.Password}");
            Console.WriteLine(Framed(lines));
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lines in a plain-text box (ASCII, so that any terminal or log file shows it).</summary>
    internal static string Framed(IReadOnlyList<string> lines)
    {
        var width = lines.Max(l => l.Length);
        var rule = "+" + new string('-', width + 2) + "+";
        var text = new System.Text.StringBuilder().AppendLine().AppendLine(rule);
        foreach (var line in lines) text.Append("| ").Append(line.PadRight(width)).AppendLine(" |");
        return text.Append(rule).ToString();
    }
}
