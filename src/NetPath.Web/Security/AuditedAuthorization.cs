using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NetPath.Storage;

namespace NetPath.Web.Security;

/// <summary>
/// A signed-in user refused by policy on a patient route, API or page, is an attempted access to
/// patient data: it is audited (outcome denied) before the 403 (or the page's refusal) goes out.
/// </summary>
internal sealed class AuditedAuthorization(ILogger<AuditedAuthorization> log) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && RequestPaths.AuditsRefusals(context.Request.Path, out var namesPatient))
        {
            Guid? patientId = namesPatient && Guid.TryParse(context.GetRouteValue("id") as string, out var id) ? id : null;
            var action = context.GetEndpoint()?.Metadata.GetMetadata<Features.AuditActionAttribute>()?.Name ?? context.Request.Method;
            var audit = context.RequestServices.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(context.User.ToActor(), action, patientId, AuditOutcomes.Denied, context.RequestAborted).ConfigureAwait(false);
            Log.Denied(log, context.User.UserId(), action, patientId);
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
