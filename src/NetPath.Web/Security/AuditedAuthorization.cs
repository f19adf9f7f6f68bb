using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NetPath.Storage;

namespace NetPath.Web.Security;

/// <summary>
/// A signed-in user refused by policy on a patient route is an attempted access to patient
/// data: it is audited (outcome denied) before the 403 goes out.
/// </summary>
internal sealed class AuditedAuthorization(ILogger<AuditedAuthorization> log) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && (context.Request.Path.StartsWithSegments("/api/patients", StringComparison.Ordinal)
            || context.Request.Path.StartsWithSegments("/api/board", StringComparison.Ordinal)))
        {
            // Board routes name an item, not a patient: those refusals are audited without a record id.
            Guid? patientId = context.Request.Path.StartsWithSegments("/api/patients", StringComparison.Ordinal)
                && Guid.TryParse(context.GetRouteValue("id") as string, out var id) ? id : null;
            var action = context.GetEndpoint()?.Metadata.GetMetadata<Features.AuditAction>()?.Name ?? context.Request.Method;
            var audit = context.RequestServices.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(context.User.ToActor(), action, patientId, AuditOutcomes.Denied, context.RequestAborted).ConfigureAwait(false);
            Log.Denied(log, context.User.UserId(), action, patientId);
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
