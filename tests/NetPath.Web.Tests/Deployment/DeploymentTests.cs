using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NetPath.Web.Tests.Deployment;

/// <summary>
/// What several instances behind a proxy rely on, in one process: the key ring in the database,
/// forwarded headers from configured proxies only, readiness, telemetry (decision 0420).
/// </summary>
public sealed class DeploymentTests
{
    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    private const string ProxyAddress = "10.20.30.40";

    [Theory, MemberData(nameof(Backends))]
    public async Task A_session_cookie_from_one_instance_is_read_by_another_over_the_same_database_with_one_key_ring(string backend)
    {
        using var first = new NetPathFactory(backend);
        using var second = new NetPathFactory(backend) { Database = first.Database };
        var user = await first.CreateUserAsync(Roles.Clinician);
        var cookie = await SignInCookieAsync(first, user.UserName);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
        var me = await second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(request);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.JsonAsync()).GetProperty("userName").GetString().ShouldBe(user.UserName);

        // One key, stored in the database, known to both.
        var stored = await first.WithDbAsync(async _ =>
        {
            await using var keys = StorageServices.OpenKeyRing(DatabaseLocation.Parse(first.Database));
            return await keys.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        });
        stored.Count.ShouldBe(1);
        foreach (var app in new[] { first, second })
        {
            var ids = app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId.ToString()).ToList();
            ids.Count.ShouldBe(1);
            stored[0].ShouldNotBeNull().ShouldContain(ids[0]);
        }
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_forwarded_scheme_makes_the_session_cookie_Secure()
    {
        using var app = BehindProxy(trusted: true);
        var user = await app.CreateUserAsync(Roles.Clinician);
        (await SignInCookieAsync(app, user.UserName, forwardedProto: "https")).ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unconfigured_proxy_are_ignored()
    {
        using var app = BehindProxy(trusted: false);
        var user = await app.CreateUserAsync(Roles.Clinician);
        (await SignInCookieAsync(app, user.UserName, forwardedProto: "https")).ShouldNotContain("secure", Case.Insensitive);
    }

    [Theory]
    [InlineData(true, new[] { 401, 401, 429, 401 })]
    [InlineData(false, new[] { 401, 401, 429, 429 })]
    public async Task Sign_in_rate_limits_count_per_client_address_only_when_the_proxy_is_trusted(bool trusted, int[] expected)
    {
        using var app = BehindProxy(trusted, signInPermits: 2);
        var user = await app.CreateUserAsync(Roles.Clinician);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var codes = new List<int>();
        foreach (var from in new[] { "198.51.100.7", "198.51.100.7", "198.51.100.7", "198.51.100.8" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signin") { Content = JsonContent.Create(new { userName = user.UserName, password = "wrong-password!" }) };
            request.Headers.Add("X-NetPath-Request", "1");
            request.Headers.Add("X-Forwarded-For", from);
            codes.Add((int)(await client.SendAsync(request)).StatusCode);
        }
        codes.ShouldBe(expected);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Readiness_checks_the_database_schema_and_the_knowledge_beside_liveness(string backend)
    {
        using var app = new NetPathFactory(backend);
        var client = app.Client();
        var ready = await client.GetAsync(Hosting.Deployment.ReadinessPath);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ready.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("ready");
        var checks = body.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("ok");
        checks.GetProperty("knowledge").GetProperty("status").GetString().ShouldBe("ok");
        checks.GetProperty("knowledge").GetProperty("detail").GetString().ShouldBe($"knowledge {NetPath.Clinical.Engine.NetPathEngine.Current.Knowledge.Version}");
        (await client.GetAsync(Hosting.Deployment.LivenessPath)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A database left at an older schema (say, restored from an old backup under a running
        // instance) is not ready: the proxy must not send it requests. The process still lives.
        var newest = Migrator.Scripts(DatabaseLocation.Parse(app.Database).Provider)[^1].Version;
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM schema_version WHERE version = {newest}"));
        var stale = await client.GetAsync(Hosting.Deployment.ReadinessPath);
        stale.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var staleBody = await stale.JsonAsync();
        staleBody.GetProperty("status").GetString().ShouldBe("not-ready");
        staleBody.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("failing");
        (await client.GetAsync(Hosting.Deployment.LivenessPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Traces_and_metrics_carry_request_latency_assessments_and_sign_in_failures()
    {
        var metrics = new List<MetricSnapshot>();
        var activities = new List<Activity>();
        using var app = new NetPathFactory(Infrastructure.Backends.Sqlite)
        {
            Host = b =>
            {
                b.UseSetting(Hosting.Deployment.TelemetryKey, "true");
                b.ConfigureTestServices(s =>
                {
                    s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
                    s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(activities));
                });
            },
        };
        var user = await app.CreateUserAsync(Roles.Clinician);
        var client = app.Client();
        for (var i = 0; i < 2; i++)
            (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = "wrong-password!" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = NetPathFactory.Password })).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
            (await client.PostAsync("/api/assessments", Http.JsonBody(Repo.Case("01-rectal-small")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();

        // Other tests' servers run in this process too: at least this test's own counts.
        Sum(metrics, "netpath.assessments", "netpath.assessment.kind", "ad-hoc").ShouldBeGreaterThanOrEqualTo(3);
        Sum(metrics, "netpath.signin.failures", "netpath.signin.reason", "Failed").ShouldBeGreaterThanOrEqualTo(2);
        var durations = metrics.Where(m => m.Name == "http.server.request.duration").SelectMany(m => m.MetricPoints)
            .Where(p => Tag(p, "http.route") == "/api/assessments" && Tag(p, "http.request.method") == "POST").ToList();
        durations.Sum(p => p.GetHistogramCount()).ShouldBeGreaterThanOrEqualTo(3);
        lock (activities)
            activities.Count(a => a.DisplayName == "POST /api/assessments").ShouldBeGreaterThanOrEqualTo(3);
    }

    private static long Sum(List<MetricSnapshot> metrics, string name, string tag, string value) =>
        metrics.Where(m => m.Name == name).Select(m => m.MetricPoints.Where(p => Tag(p, tag) == value).Sum(p => p.GetSumLong())).DefaultIfEmpty(0).Max();

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var t in point.Tags)
            if (t.Key == key) return t.Value?.ToString();
        return null;
    }

    private static NetPathFactory BehindProxy(bool trusted, int signInPermits = 100_000) => new(Infrastructure.Backends.Sqlite, signInPermits)
    {
        Host = b =>
        {
            if (trusted) b.UseSetting(Hosting.Deployment.KnownProxiesKey, ProxyAddress);
            // The test server has no socket: every request arrives as if from the proxy's address.
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse(ProxyAddress))));
        },
    };

    private static async Task<string> SignInCookieAsync(NetPathFactory app, string userName, string? forwardedProto = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signin") { Content = JsonContent.Create(new { userName, password = NetPathFactory.Password }) };
        request.Headers.Add("X-NetPath-Request", "1");
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("netpath.session=", StringComparison.Ordinal));
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
