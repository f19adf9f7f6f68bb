using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests.Deployment;

/// <summary>
/// nginx in front of the instances, run from the committed deploy/nginx files: the upstream file
/// with the instance ports put in, and the proxy rules included as they are, in a loopback server
/// block. The access log names the instance that served each request.
/// </summary>
public sealed partial class Proxy : IAsyncDisposable
{
    private readonly string folder;
    private readonly StringBuilder output = new();
    private Process? process;

    public Proxy(IReadOnlyList<int> instancePorts)
    {
        folder = Directory.CreateTempSubdirectory("netpath-nginx").FullName;
        Port = Instance.FreePort();
        var deploy = Path.Combine(Repo.Root, "deploy", "nginx");
        var upstream = File.ReadAllText(Path.Combine(deploy, "netpath-upstream.conf"));
        var servers = ServerLine().Matches(upstream);
        servers.Count.ShouldBe(2, "deploy/nginx/netpath-upstream.conf should list two example instances");
        var lines = string.Join("\n", instancePorts.Select(p => servers[0].Value.Replace(servers[0].Groups["port"].Value, p.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        upstream = upstream.Replace(servers[0].Value, lines, StringComparison.Ordinal).Replace(servers[1].Value, "", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "netpath-upstream.conf"), upstream);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(folder, temp));
            // nginx workers run as an unprivileged user when the test runs as root.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir.FullName, (UnixFileMode)0x1FF);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            error_log {{folder}}/error.log warn;
            pid {{folder}}/nginx.pid;
            events { worker_connections 1024; }
            http {
                log_format upstream '$upstream_addr $status $request_method $uri';
                access_log {{folder}}/access.log upstream;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/netpath-upstream.conf;
                server {
                    listen 127.0.0.1:{{Port}};
                    include {{deploy}}/netpath-proxy.conf;
                }
            }
            """);
    }

    public int Port { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}");

    public static string? Nginx =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Nginx!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" }) info.ArgumentList.Add(a);
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            process.HasExited.ShouldBeFalse($"nginx exited: {Output}");
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }
        }
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                var error = Path.Combine(folder, "error.log");
                return output + (File.Exists(error) ? File.ReadAllText(error) : "");
            }
        }
    }

    /// <summary>The access log: which instance port served each request (the last one tried when nginx moved on).</summary>
    public IReadOnlyList<(int? Port, int Status, string Method, string Path)> Served()
    {
        var log = Path.Combine(folder, "access.log");
        if (!File.Exists(log)) return [];
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(line =>
        {
            var parts = line.Split(' ');
            // "$upstream_addr" is "127.0.0.1:A, 127.0.0.1:B" when nginx tried more than one; the last served.
            var upstream = parts[..^3].LastOrDefault()?.TrimEnd(',') ?? "-";
            int? port = upstream.Contains(':', StringComparison.Ordinal) ? int.Parse(upstream[(upstream.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) : null;
            return (port, int.Parse(parts[^3], System.Globalization.CultureInfo.InvariantCulture), parts[^2], parts[^1]);
        })];
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"^\s*server 127\.0\.0\.1:(?<port>\d+)[^\n]*;", RegexOptions.Multiline)]
    private static partial Regex ServerLine();
}
