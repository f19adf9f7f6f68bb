using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace NetPath.E2E.Tests;

/// <summary>
/// The real NetPath server (its built NetPath.Web.dll as a process, on a free loopback port, with a
/// fresh SQLite file and the demo data) and one headless Chromium, shared by the browser tests.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string DemoUser = "demo-clinician";
    public const string DemoPassword = "demo-only-not-for-patients";

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "netpath-e2e-" + Guid.NewGuid().ToString("N"));
    private Process? server;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public string DatabasePath => Path.Combine(dataDir, "e2e.db");
    public IBrowser Browser { get; private set; } = null!;
    public static string RepoRoot { get; } = FindRepoRoot();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var dll = Path.Combine(RepoRoot, "src", "NetPath.Web", "bin", Configuration(), "net10.0", "NetPath.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build src/NetPath.Web first.", dll);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The browser tests sign in more often per minute, from one address, than the production limit
        // allows; the limit itself is tested in NetPath.Web.Tests (RateLimitTests).
        foreach (var a in new[] { "exec", dll, $"--urls={BaseUrl}", $"--database={DatabasePath}", "--NetPath:SignInPermitsPerMinute=1000" }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        server = Process.Start(start)!;
        // Drained so that a chatty server never blocks on a full pipe.
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitHealthyAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        server?.Dispose();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Signs in through the page's form, as a person would, and waits to leave the sign-in page.</summary>
    public async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync(BaseUrl + "/signin");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Until the answer sets the session cookie, a next navigation would still be signed out. The
        // redirect's commit is the moment the cookie is stored; waiting for the home page's load
        // event as well made sign-in fail on a busy CI machine without telling anything about it.
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        (await page.Context.CookiesAsync([BaseUrl])).ShouldContain(c => c.Name == "netpath.session", "the sign-in set no session cookie");
    }

    /// <summary>
    /// Runs a test in a fresh browser context; fails on browser console errors (a CSP refusal, a
    /// script failure); on failure saves a full-page screenshot to artifacts/e2e/ before rethrowing.
    /// </summary>
    public async Task WithPageAsync(string name, Func<IPage, Task> test)
    {
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add($"{m.Text} at {m.Location}"); };
        try
        {
            await test(page);
            consoleErrors.ShouldBeEmpty("the browser console reported errors (a CSP refusal, a script failure)");
        }
        catch
        {
            var dir = Path.Combine(RepoRoot, "artifacts", "e2e");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            throw;
        }
    }

    /// <summary>
    /// A screenshot of a main page, taken on the way to a passing test: into artifacts/e2e/pages, and
    /// into docs/screenshots (the README's) only with NETPATH_UPDATE_SCREENSHOTS=1, so that a test
    /// run never leaves the committed images changed.
    /// </summary>
    public static async Task ShotAsync(IPage page, string name, bool fullPage = false)
    {
        var dir = Environment.GetEnvironmentVariable("NETPATH_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoRoot, "docs", "screenshots")
            : Path.Combine(RepoRoot, "artifacts", "e2e", "pages");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = fullPage });
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server!.HasExited) throw new InvalidOperationException($"The server exited with code {server.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The server did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Debug or Release: the configuration this test assembly was built in, so the server is the same build.</summary>
    private static string Configuration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetPath.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("NetPath.slnx not found above the test output.");
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserGroup : ICollectionFixture<ServerFixture>;
