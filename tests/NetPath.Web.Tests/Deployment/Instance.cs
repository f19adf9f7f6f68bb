using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetPath.Web.Tests.Deployment;

/// <summary>
/// One published `netpath serve` process on a loopback port, with a home folder of its own: two
/// instances share nothing but the database, as on two machines (no common ~/.aspnet key folder).
/// </summary>
public sealed class Instance : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly string binary;
    private readonly string database;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    public Instance(string binary, string database, IReadOnlyDictionary<string, string>? environment = null)
    {
        this.binary = binary;
        this.database = database;
        this.environment = environment ?? new Dictionary<string, string>();
        Port = FreePort();
        Home = Directory.CreateTempSubdirectory("netpath-instance").FullName;
    }

    public int Port { get; }
    public string Home { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}");
    public bool Running => process is { HasExited: false };

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public void Start()
    {
        var info = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Home };
        foreach (var a in new[] { "serve", "--urls", Url.ToString().TrimEnd('/'), "--database", database, "--no-demo" }) info.ArgumentList.Add(a);
        info.Environment["HOME"] = Home;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Waits until the instance says it is ready (GET /health/ready is 200).</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            process!.HasExited.ShouldBeFalse($"instance on port {Port} exited at start:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            deadline.Elapsed.ShouldBeLessThan(timeout ?? TimeSpan.FromSeconds(90), $"instance on port {Port} never became ready:\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, nothing finished.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
