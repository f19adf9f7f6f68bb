using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Storage;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

internal static class AuthEndpoints
{
    public const string SignInRateLimit = "signin";

    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/signin", SignIn).AllowAnonymous().RequireRateLimiting(SignInRateLimit).WithName("SignIn")
            .Accepts<SignInRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/signout", (Delegate)SignOut).AllowAnonymous().WithName("SignOut");
        auth.MapGet("/me", Me).RequireAuthorization().WithName("CurrentSession");
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> SignIn(
        Accounts accounts, HttpContext http, ILoggerFactory loggers, CancellationToken ct)
    {
        var log = loggers.CreateLogger("NetPath.Web.Auth");
        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large.");
        var (request, error) = JsonRequest.Read(body, WebJsonContext.Default.SignInRequest);
        if (error is not null) return Problems.InvalidFields([error]);
        if (string.IsNullOrEmpty(request!.UserName) || request.UserName.Length > Accounts.MaxUserNameLength)
            return Problems.Invalid("required", "$.userName", $"userName is required (1 to {Accounts.MaxUserNameLength} characters).");
        if (request.Password is null || request.Password.Length > Accounts.MaxPasswordLength)
            return Problems.Invalid("required", "$.password", $"password is required (at most {Accounts.MaxPasswordLength} characters).");
        var result = await accounts.SignInAsync(request.UserName, request.Password, ct).ConfigureAwait(false);
        if (result.Status != SignInStatus.Success)
        {
            Log.SignInFailed(log, result.Status.ToString());
            http.RequestServices.GetRequiredService<Hosting.NetPathMetrics>().SignInFailed(result.Status.ToString());
            // Locked and wrong password look alike from outside except for the code, so a
            // user is told to wait; the name's existence is not revealed either way.
            return result.Status == SignInStatus.LockedOut
                ? Problems.Result(StatusCodes.Status423Locked, "locked-out", "Too many failed sign-ins; the account is locked for a while.")
                : Problems.Result(StatusCodes.Status401Unauthorized, "bad-credentials", "User name or password is wrong.");
        }
        var user = result.User!;
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, NetPathClaims.For(user, result.SessionId!.Value, CookieAuthenticationDefaults.AuthenticationScheme)).ConfigureAwait(false);
        Log.SignedIn(log, user.Id);
        return TypedResults.Ok(new SessionView(user.Id, user.UserName, user.Role, user.PatientId));
    }

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await SessionCheck.SignOutAsync(http).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static Ok<SessionView> Me(HttpContext http)
    {
        var actor = http.User.ToActor();
        return TypedResults.Ok(new SessionView(http.User.UserId() ?? Guid.Empty, actor.UserName, actor.Role, actor.PatientId));
    }
}
