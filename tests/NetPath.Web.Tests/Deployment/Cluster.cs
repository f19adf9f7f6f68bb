using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests.Deployment;

/// <summary>
/// Two published `netpath serve` instances over one throw-away PostgreSQL database, started
/// together, and nginx in front of them with the committed deploy/nginx configuration.
/// Requests go through the proxy; <see cref="PinTo"/> gives the affinity cookie value that nginx
/// sends to one instance, so a test can say "this request on instance 0, that one on instance 1".
/// Each request carries its cookies by hand (<see cref="Request"/>): a session cookie copied from
/// one instance to the other is exactly what the tests are about. Checks that need state shared
/// through the database (a sign-out revoking the session on the other instance, failed sign-ins
/// counted towards one lockout on both) take the same shape: act with <c>PinTo(0)</c>, observe
/// with <c>PinTo(1)</c>.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    public const string UserName = "cluster-clinician";
    public const string Password = "cluster-test-password";

    private readonly Dictionary<int, string> pins = [];

    public string Database { get; private set; } = "";
    public IReadOnlyList<Instance> Instances { get; private set; } = [];
    public Proxy Proxy { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var binary = await PublishedBuild.NetpathAsync();
        Database = Backends.NewDatabase(Backends.Postgres);
        var environment = new Dictionary<string, string>
        {
            // What docs/deploy.md tells an operator to set behind nginx on the same machine.
            ["NetPath__ForwardedHeaders__KnownProxies"] = "127.0.0.1",
            ["NetPath__SignInPermitsPerMinute"] = "1000",
        };
        Instances = [new Instance(binary, Database, environment), new Instance(binary, Database, environment)];
        // Together, over an empty database: the migration and key-ring locks decide who goes first.
        foreach (var instance in Instances) instance.Start();
        await Task.WhenAll(Instances.Select(i => i.WaitReadyAsync()));

        var location = DatabaseLocation.Parse(Database);
        await using (var db = StorageServices.Open(location))
            await new Accounts(db, TimeProvider.System).CreateAsync(UserName, Password, Roles.Clinician, null, CancellationToken.None);

        Proxy = new Proxy([.. Instances.Select(i => i.Port)]);
        await Proxy.StartAsync();
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 32 }) { BaseAddress = Proxy.Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>An affinity cookie value that nginx hashes to the given instance.</summary>
    public async Task<string> PinTo(int instance)
    {
        if (pins.TryGetValue(instance, out var known)) return known;
        for (var i = 0; i < 200; i++)
        {
            var value = $"pin{i}";
            using var probe = Request(HttpMethod.Get, "/health/live", session: null, affinity: value);
            (await Client.SendAsync(probe)).EnsureSuccessStatusCode();
            var port = Proxy.Served()[^1].Port;
            var index = Instances.ToList().FindIndex(x => x.Port == port);
            pins.TryAdd(index, value);
            if (pins.TryGetValue(instance, out var found)) return found;
        }
        throw new InvalidOperationException($"no affinity value reaches instance {instance}");
    }

    /// <summary>A request through the proxy with the session cookie and, when given, the affinity cookie.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? session, string? affinity = null, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-NetPath-Request", "1");
        var cookies = new List<string>();
        if (session is not null) cookies.Add(session);
        if (affinity is not null) cookies.Add($"netpath_affinity={affinity}");
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies));
        if (json is not null) request.Content = JsonContent.Create(json);
        return request;
    }

    /// <summary>Signs in through the proxy (on the given instance when pinned); returns the session cookie as "name=value".</summary>
    public async Task<string> SignInAsync(string? affinity = null, string userName = UserName, string password = Password)
    {
        using var request = Request(HttpMethod.Post, "/api/auth/signin", null, affinity, new { userName, password });
        var response = await Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("netpath.session=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? session, string? affinity = null, object? json = null, Action<HttpRequestMessage>? headers = null)
    {
        using var request = Request(method, path, session, affinity, json);
        headers?.Invoke(request);
        return await Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.JsonAsync();

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Proxy is not null) await Proxy.DisposeAsync();
        foreach (var instance in Instances) await instance.DisposeAsync();
    }
}

/// <summary>
/// A fact that needs PostgreSQL and nginx: skipped on a developer machine without them, run (and
/// failing if they are missing) when NETPATH_REQUIRE_POSTGRES=1, as in scripts/test.sh and CI.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (Backends.RequirePostgres) return;
        if (string.IsNullOrEmpty(Backends.PostgresConnection)) Skip = "needs PostgreSQL: eval \"$(scripts/postgres-test-server.sh)\"";
        else if (Proxy.Nginx is null) Skip = "needs nginx (apt-get install nginx)";
    }
}
