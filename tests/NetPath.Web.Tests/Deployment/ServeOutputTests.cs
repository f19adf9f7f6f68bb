using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetPath.Web.Tests.Deployment;

/// <summary>
/// What a person sees after `netpath serve` (the published build, default settings): the address and
/// the demo sign-in last, in a frame, and no line of routine information for each request.
/// </summary>
public sealed class ServeOutputTests
{
    [Fact]
    public async Task Serve_prints_the_address_and_the_demo_sign_in_framed_and_no_line_per_request()
    {
        var binary = await PublishedBuild.NetpathAsync();
        var home = Directory.CreateTempSubdirectory("netpath-serve-").FullName;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        var info = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home };
        foreach (var a in new[] { "serve", "--urls", $"http://127.0.0.1:{port}", "--database", Path.Combine(home, "netpath.db") }) info.ArgumentList.Add(a);
        info.Environment["HOME"] = home;
        info.Environment.Remove("Logging__LogLevel__Default");
        var output = new System.Text.StringBuilder();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var started = Stopwatch.StartNew();
            while (!Said(output, "Demo sign-in"))
            {
                process.HasExited.ShouldBeFalse(Said(output));
                started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), Said(output));
                await Task.Delay(200);
            }
            var afterStart = Said(output).Length;
            for (var i = 0; i < 5; i++) (await client.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            await Task.Delay(500);

            var text = Said(output);
            text[afterStart..].Trim().ShouldBeEmpty("requests wrote to the console");
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // The frame closes the output: rule, the address, the data, the demo sign-in, rule.
            lines[^1].ShouldStartWith("+-");
            lines[^2].ShouldContain("Demo sign-in (synthetic data only):");
            lines[^4].ShouldContain($"NetPath is listening on http://127.0.0.1:{port}");
            lines[^5].ShouldStartWith("+-");
            lines.ShouldNotContain(l => l.StartsWith("info:", StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    private static string Said(System.Text.StringBuilder output) { lock (output) return output.ToString(); }

    private static bool Said(System.Text.StringBuilder output, string what) => Said(output).Contains(what, StringComparison.Ordinal);
}
