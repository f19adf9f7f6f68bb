
namespace NetPath.Web.Security;

/// <summary>
/// Response headers for an API that serves patient data, and the cross-site request guard:
/// every unsafe /api request must carry <see cref="RequestHeader"/>. A cross-site HTML form
/// cannot set a custom header, and a cross-site script cannot without a CORS preflight this
/// server never approves (docs/decisions/0402-csrf.md).
/// </summary>
internal static class Hardening
{
    public const string RequestHeader = "X-NetPath-Request";

    public const string PageContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static async Task Apply(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // API answers never need to load anything; the pages load only their own scripts, styles
        // and the Blazor circuit's WebSocket, from this origin (docs/security.md, "Response headers").
        headers.ContentSecurityPolicy = RequestPaths.IsPage(context.Request.Path) ? PageContentSecurityPolicy : "default-src 'none'; frame-ancestors 'none'";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (RequestPaths.IsApi(context.Request.Path))
        {
            headers.CacheControl = "no-store";
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && !HttpMethods.IsOptions(context.Request.Method)
                && !context.Request.Headers.ContainsKey(RequestHeader))
            {
                await Problems.Result(StatusCodes.Status403Forbidden, "missing-request-header",
                    $"State-changing API requests must carry the {RequestHeader} header.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }
}
