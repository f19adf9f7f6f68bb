using System.Net;
using System.Text.RegularExpressions;

namespace NetPath.E2E.Tests;

/// <summary>The sign-in form's guards, over plain HTTP against the running server.</summary>
[Collection("browser")]
public sealed partial class SignInFormTests(ServerFixture server)
{
    [Fact]
    public async Task A_post_without_the_anti_forgery_token_signs_nobody_in()
    {
        using var http = Client(out _);
        var response = await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = ServerFixture.DemoUser,
            ["password"] = ServerFixture.DemoPassword,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/signin?error=expired");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task After_sign_in_only_a_local_return_address_is_followed()
    {
        using var http = Client(out var cookies);
        var form = await http.GetStringAsync("/signin");
        var token = TokenRegex().Match(form).Groups[1].Value;
        token.ShouldNotBeEmpty();
        var response = await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = ServerFixture.DemoUser,
            ["password"] = ServerFixture.DemoPassword,
            ["returnUrl"] = "//elsewhere.example/steal",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        cookies.GetCookies(new Uri(server.BaseUrl)).Any(c => c.Name == "netpath.session").ShouldBeTrue();
    }

    [Fact]
    public async Task Pages_send_strangers_to_sign_in_while_the_API_still_answers_401()
    {
        using var http = Client(out _);
        var page = await http.GetAsync("/patients");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/signin");
        (await http.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private HttpClient Client(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(server.BaseUrl) };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
