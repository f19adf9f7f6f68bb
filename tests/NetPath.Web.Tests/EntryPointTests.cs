using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>The entry points the CLI calls: NetPathServer.RunAsync (netpath serve) and AdminAccounts.CreateAsync (netpath admin create).</summary>
public sealed class EntryPointTests
{
    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    [Fact]
    public async Task RunAsync_serves_on_the_given_url_seeds_synthetic_demo_data_and_stops_on_cancellation()
    {
        var database = Infrastructure.Backends.NewDatabase(Infrastructure.Backends.Sqlite);
        var port = FreePort();
        using var cts = new CancellationTokenSource();
        var run = NetPathServer.RunAsync(new NetPathServerOptions($"http://127.0.0.1:{port}", database, NoDemo: false), cts.Token);

        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add("X-NetPath-Request", "1");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
                run.IsCompleted.ShouldBeFalse();
            }
            await Task.Delay(100);
        }
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = "demo-clinician", password = "demo-only-not-for-patients" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = JsonDocument.Parse(await client.GetStringAsync("/api/patients")).RootElement;
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()).ShouldBe(["Demo Patient A", "Demo Patient B", "Demo Patient C", "Demo Patient D"]);
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("summary").GetProperty("site").GetString()).ShouldBe(["pancreas", "ileum", "rectum", "ileum"]);

        await cts.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task AdminAccounts_creates_an_admin_who_can_read_the_audit_trail(string backend)
    {
        using var app = new NetPathFactory(backend);
        await AdminAccounts.CreateAsync(app.Database, "first-admin", "first-admin-password", CancellationToken.None);
        await Should.ThrowAsync<InvalidOperationException>(() => AdminAccounts.CreateAsync(app.Database, "first-admin", "first-admin-password", CancellationToken.None));

        var client = app.Client();
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = "first-admin", password = "first-admin-password" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/auth/me")).RootElement;
        me.GetProperty("role").GetString().ShouldBe(Roles.Admin);
    }

    [Fact]
    public async Task Demo_data_is_never_seeded_into_a_database_that_has_accounts()
    {
        using var app = new NetPathFactory(Infrastructure.Backends.Sqlite);
        await app.CreateUserAsync(Roles.Clinician);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var seeded = await Hosting.DemoData.SeedAsync(sp.GetRequiredService<Accounts>(), sp.GetRequiredService<PatientRecords>(), sp.GetRequiredService<Features.Assessor>(), CancellationToken.None);
        seeded.ShouldBe(0);
        (await sp.GetRequiredService<Accounts>().ExistsAsync(Hosting.DemoData.UserName, CancellationToken.None)).ShouldBeFalse();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
