using System.Security.Claims;
using NetPath.Storage;
using NetPath.Web.Components;
using NetPath.Web.Security;

namespace NetPath.Web.Application;

/// <summary>
/// The permission half of every use case, for the API and the pages alike: the policy of the
/// permission matrix, then role patient only on its own record. A refusal is audited as
/// <c>denied</c> under the use case's action and logged (ids only), wherever it came from.
/// </summary>
internal static class Access
{
    public static bool Holds(ClaimsPrincipal user, string policy) =>
        user.Identity?.IsAuthenticated == true && Permissions.Of(policy).Roles.Any(user.IsInRole);

    /// <summary><see cref="OutcomeKind.Denied"/> (audited and logged) when the caller may not act on the record, else null.</summary>
    public static async Task<OutcomeKind?> RefuseAsync(ClaimsPrincipal user, string? policy, string action, Guid? patientId, AuditTrail audit, ILogger log, CancellationToken ct, PageReads? visit = null)
    {
        var actor = user.ToActor();
        var allowed = (policy is null || Holds(user, policy)) && (patientId is not { } id || actor.MaySee(id));
        if (allowed) return null;
        await RecordAsync(audit, actor, action, patientId, AuditOutcomes.Denied, visit, ct).ConfigureAwait(false);
        Log.Denied(log, user.UserId(), action, patientId);
        return OutcomeKind.Denied;
    }

    /// <summary>
    /// Records a read's event, unless <paramref name="visit"/> (a page visit) already recorded the
    /// same read in its prerender: one visit, one event (decision 0542). Null for the API.
    /// </summary>
    public static Task RecordAsync(AuditTrail audit, Actor actor, string action, Guid? patientId, string outcome, PageReads? visit, CancellationToken ct) =>
        visit?.AuditedInPrerender(actor, action, patientId, outcome) == true ? Task.CompletedTask : audit.RecordAsync(actor, action, patientId, outcome, ct);
}
