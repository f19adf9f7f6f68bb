using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests.Deployment;

/// <summary>
/// NetPath as a clinic network runs it (docs/deploy.md): two published instances over one
/// PostgreSQL behind nginx. Every check goes through the proxy.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterTests(Cluster cluster) : IClassFixture<Cluster>
{
    [ClusterFact]
    public async Task The_published_build_serves_a_page_and_its_static_assets_through_the_proxy()
    {
        var page = await cluster.SendAsync(HttpMethod.Get, "/signin", null);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<form");
        html.ShouldContain("_framework/blazor.web.js");

        foreach (var (path, type) in new[] { ("/css/app.css", "text/css"), ("/_framework/blazor.web.js", "text/javascript"), ("/js/netpath.js", "text/javascript") })
        {
            for (var instance = 0; instance < 2; instance++)
            {
                var asset = await cluster.SendAsync(HttpMethod.Get, path, null, await cluster.PinTo(instance));
                asset.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path} on instance {instance}");
                asset.Content.Headers.ContentType!.MediaType.ShouldBe(type);
                (await asset.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
            }
        }
    }

    [ClusterFact]
    public async Task A_session_cookie_from_one_instance_is_honoured_by_the_other_and_requests_reach_both()
    {
        var session = await cluster.SignInAsync(await cluster.PinTo(0));
        var me = await cluster.SendAsync(HttpMethod.Get, "/api/auth/me", session, await cluster.PinTo(1));
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.JsonAsync()).GetProperty("userName").GetString().ShouldBe(Cluster.UserName);

        // Callers without the affinity cookie are spread over both instances, all signed in.
        var before = cluster.Proxy.Served().Count;
        for (var i = 0; i < 40; i++)
            (await cluster.SendAsync(HttpMethod.Get, "/api/auth/me", session)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var served = cluster.Proxy.Served().Skip(before).Where(s => s.Path == "/api/auth/me").ToList();
        served.Count.ShouldBe(40);
        served.Select(s => s.Port).Distinct().Order().ShouldBe(cluster.Instances.Select(i => (int?)i.Port).Order());
    }

    [ClusterFact]
    public async Task Signing_out_on_one_instance_ends_the_session_on_the_other_at_once()
    {
        var session = await cluster.SignInAsync(await cluster.PinTo(0));
        (await cluster.SendAsync(HttpMethod.Get, "/api/auth/me", session, await cluster.PinTo(1))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await cluster.SendAsync(HttpMethod.Post, "/api/auth/signout", session, await cluster.PinTo(0))).IsSuccessStatusCode.ShouldBeTrue();

        // A kept copy of the cookie is refused by the instance that did not sign out, and not renewed.
        var copy = await cluster.SendAsync(HttpMethod.Get, "/api/auth/me", session, await cluster.PinTo(1));
        copy.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // The answer may clear the cookie; it never sets a live session again.
        copy.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Where(c => c.StartsWith("netpath.session=", StringComparison.Ordinal) && !c.StartsWith("netpath.session=;", StringComparison.Ordinal)).ShouldBeEmpty();
        (await cluster.SendAsync(HttpMethod.Get, "/api/auth/me", session, await cluster.PinTo(0))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [ClusterFact]
    public async Task Failed_sign_ins_spread_over_both_instances_lock_the_account_for_both()
    {
        const string userName = "cluster-lockout";
        const string password = "cluster-lockout-password";
        await using (var db = StorageServices.Open(DatabaseLocation.Parse(cluster.Database)))
            await new Accounts(db, TimeProvider.System).CreateAsync(userName, password, Roles.Clinician, null, CancellationToken.None);
        var pins = new[] { await cluster.PinTo(0), await cluster.PinTo(1) };

        // As many wrong passwords as the limit allows, sent at once and split between the instances:
        // each is counted by the database, whichever instance took it.
        var attempts = Enumerable.Range(0, Accounts.MaxFailedSignIns).Select(i =>
            cluster.SendAsync(HttpMethod.Post, "/api/auth/signin", null, pins[i % 2], new { userName, password = $"wrong-password-{i}" }));
        // Each is refused: as a wrong password, or (the one that reaches the limit) as the lock it sets.
        foreach (var refused in await Task.WhenAll(attempts)) refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Locked);

        // The right password is now refused on both instances.
        foreach (var pin in pins)
        {
            var right = await cluster.SendAsync(HttpMethod.Post, "/api/auth/signin", null, pin, new { userName, password });
            right.StatusCode.ShouldBe(HttpStatusCode.Locked, $"the right password on {pin}");
            right.Headers.TryGetValues("Set-Cookie", out var cookies);
            (cookies ?? []).ShouldNotContain(c => c.StartsWith("netpath.session=", StringComparison.Ordinal) && !c.StartsWith("netpath.session=;", StringComparison.Ordinal));
        }
    }

    [ClusterFact]
    public async Task An_Idempotency_Key_is_honoured_across_instances()
    {
        var session = await cluster.SignInAsync();
        var key = Guid.NewGuid().ToString();
        var name = $"Idempotent {key[..8]}";
        var responses = new List<HttpResponseMessage>();
        for (var instance = 0; instance < 2; instance++)
        {
            responses.Add(await cluster.SendAsync(HttpMethod.Post, "/api/patients", session, await cluster.PinTo(instance),
                new { displayName = name }, r => r.Headers.Add("Idempotency-Key", key)));
        }
        responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created]);
        var ids = new List<Guid>();
        foreach (var r in responses) ids.Add((await r.JsonAsync()).GetProperty("id").GetGuid());
        ids.Distinct().Count().ShouldBe(1, "the retry on the other instance created a second patient");
        var found = await cluster.SendAsync(HttpMethod.Get, $"/api/patients?search={Uri.EscapeDataString(name)}", session);
        (await found.JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [ClusterFact]
    public async Task An_edit_with_a_stale_ETag_is_refused_whichever_instance_took_the_newer_edit()
    {
        var session = await cluster.SignInAsync();
        var created = await cluster.SendAsync(HttpMethod.Post, "/api/patients", session, await cluster.PinTo(0), new { displayName = "ETag Across" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.ToString();

        var first = await cluster.SendAsync(HttpMethod.Put, $"/api/patients/{id}", session, await cluster.PinTo(1),
            new { displayName = "ETag Across (edited on 1)" }, r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await cluster.SendAsync(HttpMethod.Put, $"/api/patients/{id}", session, await cluster.PinTo(0),
            new { displayName = "ETag Across (edited on 0)" }, r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        second.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var stored = await cluster.SendAsync(HttpMethod.Get, $"/api/patients/{id}", session, await cluster.PinTo(0));
        (await stored.JsonAsync()).GetProperty("displayName").GetString().ShouldBe("ETag Across (edited on 1)");
    }

    [ClusterFact]
    public async Task A_Blazor_circuit_connects_through_the_proxy_on_the_instance_its_affinity_names()
    {
        var pin = await cluster.PinTo(1);
        var session = await cluster.SignInAsync(pin);
        var token = await OpenCircuitConnectionAsync(session, pin);

        // Why the proxy keeps affinity: the other instance does not know this connection.
        using var elsewhere = new ClientWebSocket();
        elsewhere.Options.SetRequestHeader("Cookie", $"{session}; netpath_affinity={await cluster.PinTo(0)}");
        await Should.ThrowAsync<WebSocketException>(() => elsewhere.ConnectAsync(new Uri($"ws://127.0.0.1:{cluster.Proxy.Port}/_blazor?id={token}"), CancellationToken.None));
    }

    /// <summary>The two steps a page takes to open its circuit (negotiate, then the WebSocket), through the proxy; returns the connection token.</summary>
    private async Task<string> OpenCircuitConnectionAsync(string session, string pin)
    {
        var negotiate = await cluster.SendAsync(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1", session, pin);
        negotiate.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await negotiate.JsonAsync()).GetProperty("connectionToken").GetString()!;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", $"{session}; netpath_affinity={pin}");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{cluster.Proxy.Port}/_blazor?id={token}"), CancellationToken.None);
        socket.State.ShouldBe(WebSocketState.Open);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return token;
    }

    [ClusterFact]
    public async Task An_instance_killed_mid_burst_loses_no_acknowledged_write_and_the_proxy_fails_over()
    {
        var session = await cluster.SignInAsync();
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var acknowledgedAfterKill = 0;
        var killed = false;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var name = $"Burst {w}-{i}";
                    var response = await cluster.SendAsync(HttpMethod.Post, "/api/patients", session, json: new { displayName = name });
                    if (response.StatusCode != HttpStatusCode.Created) continue;
                    acknowledged[(await response.JsonAsync()).GetProperty("id").GetGuid()] = name;
                    if (Volatile.Read(ref killed)) Interlocked.Increment(ref acknowledgedAfterKill);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                {
                    if (stop.IsCancellationRequested) return;
                }
            }
        })).ToList();

        while (acknowledged.Count < 60 && !stop.IsCancellationRequested) await Task.Delay(10);
        var victim = cluster.Instances[0];
        await victim.KillAsync();
        Volatile.Write(ref killed, true);
        // Requests the victim finished just before it died are logged around now; count from after.
        await Task.Delay(300);
        var servedAfterKill = cluster.Proxy.Served().Count;
        while (Volatile.Read(ref acknowledgedAfterKill) < 60 && !stop.IsCancellationRequested) await Task.Delay(10);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(60);
        acknowledgedAfterKill.ShouldBeGreaterThanOrEqualTo(60, "the proxy did not move the writes to the surviving instance");
        // After the kill every write nginx answered 201 was served by the survivor.
        cluster.Proxy.Served().Skip(servedAfterKill).Where(s => s.Status == 201).ShouldAllBe(s => s.Port == cluster.Instances[1].Port);

        // Every acknowledged write is there, read through the proxy while one instance is down.
        foreach (var (id, name) in acknowledged)
        {
            var read = await cluster.SendAsync(HttpMethod.Get, $"/api/patients/{id}", session);
            read.StatusCode.ShouldBe(HttpStatusCode.OK, $"acknowledged patient {id} lost");
            (await read.JsonAsync()).GetProperty("displayName").GetString().ShouldBe(name);
        }

        // The killed instance comes back on its port and takes requests again, the session intact.
        victim.Start();
        await victim.WaitReadyAsync();
        // nginx retries a failed instance once its fail_timeout (5 s) has passed.
        var pin = await cluster.PinTo(0);
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var back = await cluster.SendAsync(HttpMethod.Get, "/api/auth/me", session, pin);
            back.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (cluster.Proxy.Served()[^1].Port == victim.Port) break;
            waiting.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the restarted instance gets no requests");
            await Task.Delay(500);
        }
        // A page whose circuit was there opens a new one on it (Blazor reloads when its old circuit is gone).
        await OpenCircuitConnectionAsync(session, pin);
        cluster.Proxy.Served()[^1].Port.ShouldBe(victim.Port);
    }
}
