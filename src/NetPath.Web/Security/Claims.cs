using System.Globalization;
using System.Security.Claims;
using NetPath.Storage;

namespace NetPath.Web.Security;

/// <summary>The claims a NetPath session carries and how they become a storage <see cref="Actor"/>.</summary>
internal static class NetPathClaims
{
    public const string PatientId = "netpath:patient_id";
    /// <summary>The server-side session (sessions table) the cookie stands for.</summary>
    public const string SessionIdClaim = "netpath:session_id";

    public static ClaimsPrincipal For(UserAccount user, Guid sessionId, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(SessionIdClaim, sessionId.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role),
        };
        if (user.PatientId is { } p) claims.Add(new Claim(PatientId, p.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous",
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        Guid.TryParse(user.FindFirstValue(PatientId), CultureInfo.InvariantCulture, out var p) ? p : null);

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionIdClaim), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Role patient may see only the record it is linked to; every other role holding the policy may see any.</summary>
    public static bool MaySee(this Actor actor, Guid patientId) =>
        actor.Role != Roles.Patient || actor.PatientId == patientId;
}
