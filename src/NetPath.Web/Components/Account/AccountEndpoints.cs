using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NetPath.Storage;
using NetPath.Web.Features;
using NetPath.Web.Security;

namespace NetPath.Web.Components.Account;

/// <summary>
/// Sign-in and sign-out for the pages: HTML form posts with an anti-forgery token, the same
/// account check, lockout and per-address rate limit as POST /api/auth/signin, the same cookie.
/// The outcome goes back to the sign-in page as a code in the query, never the user name.
/// </summary>
internal static class AccountEndpoints
{
    public const string SignInPath = "/signin";
    public const string AccessDeniedPath = "/denied";
    public const string SignInPost = "/account/signin";
    public const string SignOutPost = "/account/signout";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPost, SignIn).AllowAnonymous().RequireRateLimiting(AuthEndpoints.SignInRateLimit).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(SignOutPost, SignOut).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>The cookie's challenge: API calls get the status code, pages a redirect to sign-in (or the refusal page).</summary>
    public static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        var path = context.Request.Path;
        if (RequestPaths.IsApi(path) || RequestPaths.IsCircuit(path))
            context.Response.StatusCode = apiStatus;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static ValueTask RateLimited(HttpContext http)
    {
        if (RequestPaths.Is(http.Request.Path, SignInPost))
            http.Response.Redirect(SignInPath + "?error=rate-limited");
        return ValueTask.CompletedTask;
    }

    // Anti-forgery is checked here rather than by the middleware so that a bad token gets the
    // sign-in page with a message instead of a bare 400.
    private static async Task<IResult> SignIn(HttpContext http, IAntiforgery antiforgery, Accounts accounts, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            return Back("expired", null);
        var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var userName = form["userName"].ToString();
        var password = form["password"].ToString();
        var returnUrl = LocalOrHome(form["returnUrl"].ToString());
        if (userName.Length == 0 || password.Length == 0) return Back("required", returnUrl);

        var log = loggers.CreateLogger("NetPath.Web.Auth");
        var result = await accounts.SignInAsync(userName, password, ct).ConfigureAwait(false);
        if (result.Status != SignInStatus.Success)
        {
            Log.SignInFailed(log, result.Status.ToString());
            http.RequestServices.GetRequiredService<Hosting.NetPathMetrics>().SignInFailed(result.Status.ToString());
            return Back(result.Status == SignInStatus.LockedOut ? "locked-out" : "bad-credentials", returnUrl);
        }
        var user = result.User!;
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, NetPathClaims.For(user, result.SessionId!.Value, CookieAuthenticationDefaults.AuthenticationScheme)).ConfigureAwait(false);
        Log.SignedIn(log, user.Id);
        return Results.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery)
    {
        // A forged sign-out is harmless, but the token is checked anyway for one rule on every form.
        if (http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            await SessionCheck.SignOutAsync(http).ConfigureAwait(false);
        return Results.LocalRedirect(SignInPath + "?signedOut=1");
    }

    private static IResult Back(string error, string? returnUrl) =>
        Results.LocalRedirect($"{SignInPath}?error={Uri.EscapeDataString(error)}" + (returnUrl is null or "/" ? "" : $"&returnUrl={Uri.EscapeDataString(returnUrl)}"));

    /// <summary>Only local paths are followed after sign-in (no open redirect).</summary>
    internal static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";
}
