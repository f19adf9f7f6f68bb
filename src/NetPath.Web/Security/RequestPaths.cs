namespace NetPath.Web.Security;

/// <summary>
/// The one place that decides what kind of request a path is. Routing matches paths ignoring
/// case, so every policy tied to a path does too: <c>/API/patients</c> reaches the same endpoint
/// as <c>/api/patients</c> and must meet the same rules (CSRF header, no-store, the API's CSP,
/// 401/403 instead of redirects, audited refusals).
/// </summary>
internal static class RequestPaths
{
    private const StringComparison Segments = StringComparison.OrdinalIgnoreCase;

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", Segments);

    /// <summary>The interactive pages' circuit: like the API it answers a refused call with a status, not a redirect.</summary>
    public static bool IsCircuit(PathString path) => path.StartsWithSegments("/_blazor", Segments);

    /// <summary>A page for a browser (not the API, the OpenAPI document or the health check).</summary>
    public static bool IsPage(PathString path) =>
        !IsApi(path) && !path.StartsWithSegments("/openapi", Segments) && !path.StartsWithSegments("/health", Segments);

    public static bool Is(PathString path, string exact) => path.Equals(exact, Segments);

    /// <summary>
    /// Routes that reach patient data, as API calls or as pages: a refusal there is an attempted
    /// access and is audited. The patient's id is the route's <c>id</c> on record routes; board routes name an item, not a patient.
    /// </summary>
    public static bool AuditsRefusals(PathString path, out bool namesPatient)
    {
        namesPatient = path.StartsWithSegments("/api/patients", Segments) || path.StartsWithSegments("/patients", Segments);
        return namesPatient || path.StartsWithSegments("/api/board", Segments) || path.StartsWithSegments("/my-diary", Segments);
    }
}
