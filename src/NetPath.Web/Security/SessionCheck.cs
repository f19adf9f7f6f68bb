using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NetPath.Storage;

namespace NetPath.Web.Security;

/// <summary>
/// A session cookie carries the role and linked record it was issued with, for up to 30 minutes
/// (sliding). The account is looked up again at most once a minute, for API calls and pages alike:
/// a deleted account, a changed role or patient link, or a lockout ends the session there.
/// </summary>
internal static class SessionCheck
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const string CheckedAt = ".netpath.checked";

    /// <summary>The one rule, for the cookie and for interactive pages (SessionRevalidation): the account is looked up again.</summary>
    public static async Task<bool> StillHoldsAsync(Accounts accounts, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        if (user.UserId() is not { } id) return false;
        var account = await accounts.FindAsync(id, ct).ConfigureAwait(false);
        return account is not null
            && account.Role == user.FindFirstValue(ClaimTypes.Role)
            && account.PatientId == user.ToActor().PatientId
            && (account.LockedUntil is null || account.LockedUntil <= now.UtcDateTime);
    }

    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < Interval && now >= checkedAt)
            return;

        var user = context.Principal!;
        if (!await StillHoldsAsync(services.GetRequiredService<Accounts>(), user, now, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            Log.SessionEnded(services.GetRequiredService<ILoggerFactory>().CreateLogger("NetPath.Web.Auth"), user.UserId());
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return;
        }
        context.Properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
