using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NetPath.Storage;
using NetPath.Web.Features;

namespace NetPath.Web.Tests.Infrastructure;

/// <summary>The real app (NetPathServer.Build) on a fresh database of one backend, with a manual clock and no demo data.</summary>
public sealed class NetPathFactory : WebApplicationFactory<Assessor>
{
    public const string Password = "correct-horse-battery";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly int signInPermits;

    private readonly bool ownsDatabase;

    // database: an existing one (another instance of the app over it); by default a fresh one, deleted afterwards.
    public NetPathFactory(string backend, int signInPermits = 100_000, string? database = null)
    {
        Backend = backend;
        Database = database ?? Backends.NewDatabase(backend);
        ownsDatabase = database is null;
        this.signInPermits = signInPermits;
    }

    public string Backend { get; }
    /// <summary>The database; another factory's, to run a second instance over the same records.</summary>
    public string Database { get; init; }

    /// <summary>More host settings for one test (configuration keys, test services).</summary>
    public Action<IWebHostBuilder>? Host { get; init; }
    public ManualTime Time { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(NetPathServer.DatabaseKey, Database);
        builder.UseSetting(NetPathServer.NoDemoKey, "true");
        builder.UseSetting(NetPathServer.SignInPermitsKey, signInPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Time));
        Host?.Invoke(builder);
    }

    public async Task<UserAccount> CreateUserAsync(string role, Guid? patientId = null, string? name = null)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        return await accounts.CreateAsync(name ?? $"{role}-{Guid.NewGuid():N}", Password, role, patientId, CancellationToken.None);
    }

    /// <summary>A client with cookies and the API request header, signed in as a new account of <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string role, Guid? patientId = null)
    {
        var user = await CreateUserAsync(role, patientId);
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient Client()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-NetPath-Request", "1");
        return client;
    }

    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(Guid? patientId = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().ListAsync(patientId, null, 10_000, CancellationToken.None);
    }

    public async Task<T> WithDbAsync<T>(Func<NetPathDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<NetPathDb>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase && Backend == Backends.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(Database + suffix); } catch (IOException) { }
            }
        }
    }
}
