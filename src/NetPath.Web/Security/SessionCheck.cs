using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NetPath.Storage;

namespace NetPath.Web.Security;

/// <summary>
/// A session cookie names a server-side session (the sessions table) and carries the role and
/// linked record it was issued with. Every request reads the session and its account: a signed-out
/// or revoked session, a deleted or locked account, or a changed role or patient link ends it at
/// once, on every instance (decision 0410). A session that no longer holds is revoked in the
/// database too, so undoing the change does not bring it back, and it is never renewed.
/// </summary>
internal static class SessionCheck
{
    /// <summary>How often interactive pages look again, and how often a live session's expiry is moved on.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The one rule, for the cookie and for interactive pages (SessionRevalidation).</summary>
    public static bool Holds(SessionState? state, ClaimsPrincipal user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (state is null) return false;
        var (session, account) = (state.Session, state.User);
        return session.RevokedAt is null
            && session.ExpiresAt > now
            && account.Role == user.FindFirstValue(ClaimTypes.Role)
            && account.PatientId == user.ToActor().PatientId
            && (account.LockedUntil is null || account.LockedUntil <= now);
    }

    /// <summary>Reads the session the principal names and applies the rule; a session that fails it is revoked.</summary>
    public static async Task<SessionState?> StillHoldsAsync(Accounts accounts, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (user.SessionId() is not { } id || user.UserId() is not { } userId) return null;
        var state = await accounts.FindSessionAsync(id, ct).ConfigureAwait(false);
        if (state is not null && state.User.Id == userId && Holds(state, user, now.UtcDateTime)) return state;
        if (state is not null) await accounts.RevokeSessionAsync(id, ct).ConfigureAwait(false);
        return null;
    }

    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var accounts = services.GetRequiredService<Accounts>();
        var user = context.Principal!;
        var state = await StillHoldsAsync(accounts, user, now, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (state is null)
        {
            Log.SessionEnded(services.GetRequiredService<ILoggerFactory>().CreateLogger("NetPath.Web.Auth"), user.UserId());
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return;
        }
        // A write at most once a minute per session, not one per request.
        if (state.Session.ExpiresAt - now.UtcDateTime < Accounts.SessionLifetime - Interval
            && await accounts.RenewSessionAsync(state.Session.Id, context.HttpContext.RequestAborted).ConfigureAwait(false))
            context.ShouldRenew = true;
    }

    /// <summary>Sign-out, from the API or the page: the session ends in the database, not only in this browser.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.SessionId() is { } id)
            await http.RequestServices.GetRequiredService<Accounts>().RevokeSessionAsync(id, http.RequestAborted).ConfigureAwait(false);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
    }
}
