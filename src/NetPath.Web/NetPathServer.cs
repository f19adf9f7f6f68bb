using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetPath.Clinical.Engine;
using NetPath.Storage;
using NetPath.Web.Features;
using NetPath.Web.Hosting;
using NetPath.Web.Security;

namespace NetPath.Web;

/// <summary>How to run the server: listen URLs, database (SQLite path, or a PostgreSQL connection string with Host=), and whether to seed demo data.</summary>
public sealed record NetPathServerOptions(string? Urls = null, string? Database = null, bool NoDemo = false);

/// <summary>
/// The web server's entry point, for its own Program and for <c>netpath serve</c>. Arguments:
/// <c>--urls</c> (default http://127.0.0.1:5080), <c>--database</c> (default the user's data
/// folder), <c>--no-demo</c>; any other ASP.NET Core configuration key too.
/// </summary>
public static class NetPathServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string DatabaseKey = "database";
    public const string NoDemoKey = "no-demo";
    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public const string SignInPermitsKey = "NetPath:SignInPermitsPerMinute";

    public static Task<int> RunAsync(NetPathServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string>();
        if (options.Urls is not null) args.Add($"--urls={options.Urls}");
        if (options.Database is not null) args.Add($"--{DatabaseKey}={options.Database}");
        if (options.NoDemo) args.Add($"--{NoDemoKey}=true");
        return RunAsync([.. args], cancellationToken);
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build(args);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>Flags without a value (<c>--no-demo</c>) become <c>--no-demo=true</c> for the configuration reader.</summary>
    internal static string[] Normalize(string[] args) =>
        [.. args.Select(a => a == $"--{NoDemoKey}" ? $"--{NoDemoKey}=true" : a)];

    public static WebApplication Build(string[] args)
    {
        // The application is NetPath.Web whoever hosts it (its own Program, `netpath serve`, a test):
        // the static web assets manifests are found by this name.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = Normalize(args ?? []),
            ApplicationName = typeof(NetPathServer).Assembly.GetName().Name,
            ContentRootPath = PublishedContentRoot(args ?? []),
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        // Serves the framework's and the app's static web assets when run from the build output
        // (tests, `dotnet run`); a no-op for a published app, whose assets sit in wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = RequestBody.MaxBytes;
        });
        // EF Core's command log repeats SQL text on every request; warnings and errors are enough.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // The request log line carries the query string, and GET /api/patients?search= may hold a
        // name or record number: no request lines below Warning (decision 0510).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // A person starting `netpath serve` reads the address and the demo sign-in (printed framed once
        // the server listens), not lines of routine information: warnings and errors only, unless
        // Logging:LogLevel:Default (Logging__LogLevel__Default=Information) asks for more.
        if (string.IsNullOrEmpty(builder.Configuration["Logging:LogLevel:Default"])) builder.Logging.SetMinimumLevel(LogLevel.Warning);
        AddServices(builder.Services);
        builder.Services.AddDeployment(builder.Configuration);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>
    /// A published folder carries the pages' assets in wwwroot beside the binary; `netpath serve`
    /// runs from any working directory, so the content root is the binary's folder there (unless
    /// given). Elsewhere (build output, tests) null keeps the default and the assets come from the
    /// static web assets manifest.
    /// </summary>
    private static string? PublishedContentRoot(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return !given && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // NetPath:Knowledge names the knowledge version to apply (a draft only when named); default: the newest released.
        services.AddSingleton(sp => NetPathEngine.ForVersion(sp.GetRequiredService<IConfiguration>()["NetPath:Knowledge"]));
        services.AddSingleton<Assessor>();
        services.AddNetPathStorage(sp => DatabaseLocation.Parse(sp.GetRequiredService<IConfiguration>()[DatabaseKey]));
        services.AddHostedService<StartupTasks>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, RecordsJsonContext.Default);
        });
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "NetPath API";
            doc.Info.Description = "Clinical decision support for neuroendocrine tumours: assessments, patient records, audit. See docs/security.md for who may call what.";
            // The document is committed and compared byte for byte: no host-dependent servers.
            doc.Servers?.Clear();
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["session"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "netpath.session",
                Description = "Session cookie from POST /api/auth/signin. State-changing /api calls also need the header X-NetPath-Request (docs/security.md).",
            };
            return Task.CompletedTask;
        }));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "netpath.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over HTTPS; plain HTTP only on the loopback default.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            // An API answers 401/403; it never redirects to a login page. Pages send the browser to sign in.
            o.LoginPath = Components.Account.AccountEndpoints.SignInPath;
            o.AccessDeniedPath = Components.Account.AccountEndpoints.AccessDeniedPath;
            o.Events.OnRedirectToLogin = c => Components.Account.AccountEndpoints.Challenge(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Components.Account.AccountEndpoints.Challenge(c, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
        });
        services.AddAuthorization(o =>
        {
            foreach (var p in Permissions.Matrix)
                o.AddPolicy(p.Policy, policy => policy.RequireAuthenticatedUser().RequireRole(p.Roles));
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorization>();
        services.AddScoped<Application.CaseVersions>();
        services.AddScoped<Application.DiaryUseCases>();
        services.AddScoped<Application.RecordReads>();
        services.AddScoped<Components.Clinic>();
        services.AddScoped<Components.PageReads>();
        services.AddRazorComponents().AddInteractiveServerComponents()
            .RegisterPersistentService<Components.PageReads>(Microsoft.AspNetCore.Components.Web.RenderMode.InteractiveServer);
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, Components.Account.SessionRevalidation>();
        services.AddAntiforgery(o => { o.Cookie.Name = "netpath.antiforgery"; o.Cookie.SameSite = SameSiteMode.Strict; });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The sign-in form gets its page back with the reason; API callers keep the bare 429.
            o.OnRejected = (context, _) => Components.Account.AccountEndpoints.RateLimited(context.HttpContext);
            o.AddPolicy(AuthEndpoints.SignInRateLimit, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(SignInPermitsKey, 10);
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
    }

    private static void Configure(WebApplication app)
    {
        // First: the scheme (Secure cookies) and the client address (rate limits) behind a proxy.
        if (Deployment.BehindProxy(app.Configuration)) app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(Hardening.Apply);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(QueryParameters.Check);
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
        app.MapGet("/health", Health).AllowAnonymous().WithTags("Health").WithName("Health");
        Deployment.MapHealth(app);
        AuthEndpoints.Map(app);
        AssessEndpoints.Map(app);
        PatientEndpoints.Map(app);
        DiaryEndpoints.Map(app);
        BoardEndpoints.Map(app);
        ResearchEndpoints.Map(app);
        AdminEndpoints.Map(app);

        app.MapStaticAssets();
        Components.Account.AccountEndpoints.Map(app);
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
    }

    private static async Task<Results<Ok<HealthView>, ProblemHttpResult>> Health(NetPathDb db, NetPathEngine engine, CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct).ConfigureAwait(false)
            ? TypedResults.Ok(new HealthView("healthy", engine.Knowledge.Version))
            : Problems.Result(StatusCodes.Status503ServiceUnavailable, "database-unavailable", "The database cannot be reached.");
}

/// <summary>For <c>netpath admin create</c>: create an admin account in a database, migrating it first.</summary>
public static class AdminAccounts
{
    public static async Task CreateAsync(string? database, string username, string password, CancellationToken cancellationToken)
    {
        var location = DatabaseLocation.Parse(database);
        var db = StorageServices.Open(location);
        await using (db.ConfigureAwait(false))
        {
            await Migrator.MigrateAsync(db, location.Provider, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            var accounts = new Accounts(db, TimeProvider.System);
            if (await accounts.ExistsAsync(username, cancellationToken).ConfigureAwait(false))
                throw new InvalidOperationException($"An account named '{username}' exists.");
            await accounts.CreateAsync(username, password, Roles.Admin, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
