using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>
/// A session cookie outlives changes to its account unless the account is looked up again: it is,
/// at most a minute after the last look (SessionCheck), for the API as for pages.
/// </summary>
public sealed class SessionCheckTests
{
    private static async Task<(NetPathFactory App, HttpClient Client, Guid UserId)> SignedInClinicianAsync()
    {
        var app = new NetPathFactory(Backends.Sqlite);
        var user = await app.CreateUserAsync(Roles.Clinician);
        var client = app.Client();
        (await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = NetPathFactory.Password })).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (app, client, user.Id);
    }

    private static Task<int> ChangeAsync(NetPathFactory app, Guid userId, Action<UserAccount> change) => app.WithDbAsync(async db =>
    {
        var account = await db.Users.AsTracking().SingleAsync(u => u.Id == userId);
        change(account);
        return await db.SaveChangesAsync();
    });

    public static TheoryData<string> Changes() => ["locked", "role", "deleted"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_locked_changed_or_deleted_account_loses_its_session_within_a_minute(string change)
    {
        var (app, client, userId) = await SignedInClinicianAsync();
        using (app)
        {
            if (change == "deleted")
                await app.WithDbAsync(async db => await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync());
            else
                await ChangeAsync(app, userId, a =>
                {
                    if (change == "locked") a.LockedUntil = NetPathFactory.Start.UtcDateTime.AddHours(1);
                    else a.Role = Roles.Patient;
                });

            app.Time.Advance(SessionCheckInterval + TimeSpan.FromSeconds(1));
            (await client.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            if (change == "deleted") return;
            // The cookie was withdrawn, not just refused once: undoing the change does not bring it back.
            await ChangeAsync(app, userId, a => { a.LockedUntil = null; a.Role = Roles.Clinician; });
            (await client.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task An_unchanged_account_keeps_its_session_across_checks()
    {
        var (app, client, _) = await SignedInClinicianAsync();
        using (app)
        {
            for (var i = 0; i < 5; i++)
            {
                app.Time.Advance(SessionCheckInterval + TimeSpan.FromSeconds(1));
                (await client.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
    }

    private static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);
}
