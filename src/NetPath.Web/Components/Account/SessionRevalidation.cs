using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using NetPath.Storage;
using NetPath.Web.Security;

namespace NetPath.Web.Components.Account;

/// <summary>
/// An interactive page keeps the user it was opened with for as long as the circuit lives, long
/// after the request that authorized it. Every minute its session and account are looked up again: a
/// signed-out session, a deleted account, or one whose role or linked record changed, or one now
/// locked out, loses the page (the router then sends it to sign in). The rule is SessionCheck's, which also guards the cookie.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => SessionCheck.Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopes.CreateAsyncScope();
        return await SessionCheck.StillHoldsAsync(scope.ServiceProvider.GetRequiredService<Accounts>(), authenticationState.User, time.GetUtcNow(), cancellationToken) is not null;
    }
}
