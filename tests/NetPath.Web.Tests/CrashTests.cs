using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>
/// The real server process on a temp SQLite file, killed with SIGKILL in the middle of a burst of
/// writes, then restarted: every write it acknowledged (201) is there, and no write is half there.
/// </summary>
public sealed class CrashTests
{
    private const string UserName = "crash-clinician";
    private const string Password = "crash-test-password";

    public static TheoryData<string> Backends => Infrastructure.Backends.All;

    [Theory, MemberData(nameof(Backends))]
    public async Task Acknowledged_writes_survive_SIGKILL_and_nothing_is_left_half_written(string backend)
    {
        var folder = Directory.CreateTempSubdirectory("netpath-crash");
        var database = backend == Infrastructure.Backends.Sqlite ? Path.Combine(folder.FullName, "crash.db") : Infrastructure.Backends.NewDatabase(backend);
        var location = DatabaseLocation.Parse(database);
        await using (var db = StorageServices.Open(location))
        {
            await Migrator.MigrateAsync(db, location.Provider, TimeProvider.System, CancellationToken.None);
            await new Accounts(db, TimeProvider.System).CreateAsync(UserName, Password, Roles.Clinician, null, CancellationToken.None);
        }

        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var acknowledgedCases = new ConcurrentDictionary<Guid, int>();
        var port = FreePort();
        using (var server = Start(database, port))
        {
            using var client = await SignInAsync(port);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var name = $"Crash {w}-{i}";
                        var created = await client.PostAsJsonAsync("/api/patients", new { displayName = name }, stop.Token);
                        if (created.StatusCode != HttpStatusCode.Created) continue;
                        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(stop.Token)).RootElement.GetProperty("id").GetGuid();
                        acknowledged[id] = name;
                        using var add = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{id}/cases") { Content = Http.JsonBody(Repo.Case("01-rectal-small")) };
                        add.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
                        var response = await client.SendAsync(add, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created) acknowledgedCases[id] = 1;
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        if (stop.IsCancellationRequested) return;
                        await Task.Delay(5, CancellationToken.None);
                    }
                }
            })).ToList();

            // Kill mid-burst: once a fair number of writes are acknowledged and more are in flight.
            while (acknowledged.Count < 60 && !stop.IsCancellationRequested) await Task.Delay(10);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(60);

        var port2 = FreePort();
        using (var server = Start(database, port2))
        {
            using var client = await SignInAsync(port2);
            foreach (var (id, name) in acknowledged)
            {
                var response = await client.GetAsync($"/api/patients/{id}");
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"acknowledged patient {id} lost");
                JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("displayName").GetString().ShouldBe(name);
            }
            foreach (var id in acknowledgedCases.Keys)
                JsonDocument.Parse(await client.GetStringAsync($"/api/patients/{id}/cases")).RootElement.GetArrayLength().ShouldBe(1, $"acknowledged case of {id} lost");
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        // No partial write: each write is one transaction of its rows, its version bump and its audit event.
        await using (var db = StorageServices.Open(location))
        {
            var patients = await db.Patients.ToListAsync();
            var cases = await db.CaseVersions.ToListAsync();
            var audit = await db.AuditEvents.ToListAsync();
            foreach (var p in patients)
            {
                var caseCount = cases.Count(c => c.PatientId == p.Id);
                p.Version.ShouldBe(1 + caseCount, $"patient {p.Id} version does not match its case versions");
                audit.Count(a => a.PatientId == p.Id && a.Action == "patient.create").ShouldBe(1);
                audit.Count(a => a.PatientId == p.Id && a.Action == "case.create").ShouldBe(caseCount);
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static Process Start(string database, int port)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name; // bin/<configuration>/net10.0/
        var dll = Path.Combine(Repo.Root, "src", "NetPath.Web", "bin", configuration, "net10.0", "NetPath.Web.dll");
        File.Exists(dll).ShouldBeTrue($"build src/NetPath.Web first ({dll})");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "exec", dll, "--urls", $"http://127.0.0.1:{port}", "--database", database, "--no-demo" }) info.ArgumentList.Add(a);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpClient> SignInAsync(int port)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 16 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(20),
        };
        client.DefaultRequestHeaders.Add("X-NetPath-Request", "1");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
            }
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the server did not become healthy");
            await Task.Delay(100);
        }
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = UserName, password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
