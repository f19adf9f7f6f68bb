using System.Net;
using System.Net.Http.Json;
using NetPath.Storage;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        using var app = new NetPathFactory(Backends.Sqlite, signInPermits: 3);
        var user = await app.CreateUserAsync(Roles.Clinician);
        var client = app.Client();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            codes.Add((await client.PostAsJsonAsync("/api/auth/signin", new { userName = user.UserName, password = "wrong-password!" })).StatusCode);
        codes.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
    }
}
