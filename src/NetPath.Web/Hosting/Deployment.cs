using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetPath.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NetPath.Web.Hosting;

/// <summary>
/// What lets identical instances share one database behind a reverse proxy (decision 0420,
/// docs/deploy.md): the Data Protection key ring in the database, forwarded headers from
/// configured proxies only, readiness, and OpenTelemetry when asked for.
/// </summary>
public static class Deployment
{
    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, comma-separated.</summary>
    public const string KnownProxiesKey = "NetPath:ForwardedHeaders:KnownProxies";
    /// <summary>Networks (CIDR, comma-separated) of trusted reverse proxies.</summary>
    public const string KnownNetworksKey = "NetPath:ForwardedHeaders:KnownNetworks";
    /// <summary>Traces and metrics on without an OTLP endpoint (for an exporter added in code, as the tests do).</summary>
    public const string TelemetryKey = "NetPath:Telemetry:Enabled";
    /// <summary>The OpenTelemetry standard variable; when set, traces and metrics are exported there by OTLP.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /// <summary>
    /// The key ring's application name: every instance, wherever installed, must use the same one,
    /// or each would isolate its cookies from the others (the default is the content root path).
    /// </summary>
    public const string KeyRingApplicationName = "NetPath";

    public const string LivenessPath = "/health/live";
    public const string ReadinessPath = "/health/ready";

    internal static void AddDeployment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName(KeyRingApplicationName).PersistKeysToDbContext<KeyRingDb>();

        var proxies = List(configuration[KnownProxiesKey]).Select(v => IPAddress.TryParse(v, out var a) ? a
            : throw new InvalidOperationException($"{KnownProxiesKey}: '{v}' is not an IP address.")).ToList();
        var networks = List(configuration[KnownNetworksKey]).Select(v => System.Net.IPNetwork.TryParse(v, out var n) ? n
            : throw new InvalidOperationException($"{KnownNetworksKey}: '{v}' is not a network (address/prefix, e.g. 10.0.8.0/24).")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the operator names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });

        services.AddSingleton<NetPathMetrics>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("database")
            .AddCheck<KnowledgeReadiness>("knowledge")
            .AddCheck<ShutdownReadiness>("accepting");

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        if (otlp || configuration.GetValue<bool>(TelemetryKey))
        {
            var telemetry = services.AddOpenTelemetry()
                .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsHealthProbe(http.Request.Path)).AddSource("Npgsql"))
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(NetPathMetrics.MeterName));
            if (otlp) telemetry.UseOtlpExporter();
        }
    }

    /// <summary>True when the operator named at least one trusted proxy.</summary>
    internal static bool BehindProxy(IConfiguration configuration) =>
        List(configuration[KnownProxiesKey]).Length > 0 || List(configuration[KnownNetworksKey]).Length > 0;

    internal static void MapHealth(WebApplication app)
    {
        // Liveness: the process answers. Readiness: it can serve (database, knowledge, not stopping).
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static bool IsHealthProbe(PathString path) => path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static string[] List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        var view = new ReadinessView(
            report.Status == HealthStatus.Healthy ? "ready" : "not-ready",
            report.Entries.ToDictionary(e => e.Key, e => new ReadinessCheckView(e.Value.Status == HealthStatus.Healthy ? "ok" : "failing", e.Value.Description)));
        return http.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(view, WebJsonContext.Default.ReadinessView), http.RequestAborted);
    }
}

/// <summary>The database answers and carries the newest schema this build knows.</summary>
internal sealed class DatabaseReadiness(NetPathDb db, DatabaseLocation location) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var expected = Migrator.Scripts(location.Provider)[^1].Version;
            var current = await db.Database.SqlQueryRaw<int>("SELECT COALESCE(MAX(version), 0) AS \"Value\" FROM schema_version")
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            return current == expected
                ? HealthCheckResult.Healthy($"schema {current}")
                : HealthCheckResult.Unhealthy($"schema {current}, this build needs {expected}");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the database cannot be reached");
        }
    }
}

/// <summary>The guideline knowledge the engine applies loaded and passes its own checks (once per content: it is embedded and never changes).</summary>
internal sealed class KnowledgeReadiness(NetPath.Clinical.Engine.NetPathEngine engine) : IHealthCheck
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Checked = new();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = Checked.GetOrAdd(engine.Knowledge.ContentHash, _ => NetPath.Clinical.Knowledge.KnowledgeChecks.Validate(engine.Knowledge.Source));
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"knowledge {engine.Knowledge.Version}")
            : HealthCheckResult.Unhealthy($"knowledge {engine.Knowledge.Version}: {problems.Count} problem(s)"));
    }
}

/// <summary>Not ready once stopping: the proxy moves new requests to the other instances while this one drains.</summary>
internal sealed class ShutdownReadiness(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("stopping")
            : HealthCheckResult.Healthy("accepting requests"));
}

public sealed record ReadinessView(string Status, IReadOnlyDictionary<string, ReadinessCheckView> Checks);

public sealed record ReadinessCheckView(string Status, string? Detail);
