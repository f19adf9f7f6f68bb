using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NetPath.Interop.CdsHooks;

/// <summary>A trusted CDS client: its <c>iss</c> and the keys it signs with (its JWKS, fetched by the host).</summary>
public sealed record TrustedIssuer(string Issuer, JsonWebKeySet Keys);

/// <summary>The outcome of checking a CDS Hooks caller's token: valid, or the reason it is refused (for a 401).</summary>
public sealed record CdsCallerResult(bool IsValid, string? Issuer, string? Reason)
{
    public static CdsCallerResult Refused(string reason) => new(false, null, reason);
}

/// <summary>Remembers the <c>jti</c> of every accepted token until it expires, so a token is accepted once.</summary>
public interface IJtiReplayCache
{
    /// <summary>Records the id; false when it was seen before and has not expired.</summary>
    bool TryAdd(string issuer, string jti, DateTimeOffset expires);
}

/// <summary>An in-process replay cache (one server); several servers share one in the database instead.</summary>
public sealed class InMemoryJtiReplayCache(TimeProvider time) : IJtiReplayCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    public bool TryAdd(string issuer, string jti, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        foreach (var (key, until) in seen)
        {
            if (until < now) seen.TryRemove(key, out _);
        }
        return seen.TryAdd(issuer + "\n" + jti, expires);
    }
}

/// <summary>
/// Checks the bearer JWT a CDS client sends with each hook call (CDS Hooks 2.0, "Trusting CDS
/// Clients"; decision 0705): signed with an asymmetric key of an allow-listed issuer (ES384 or
/// RS384 only: <c>none</c> and HMAC are refused), <c>aud</c> equal to the called service URL,
/// not expired, and a <c>jti</c> never seen before. Every refusal says why.
/// </summary>
public sealed class CdsJwtValidator
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384];
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, TrustedIssuer> issuers;
    private readonly IJtiReplayCache replay;
    private readonly TimeProvider time;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public CdsJwtValidator(IEnumerable<TrustedIssuer> trusted, IJtiReplayCache replay, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        issuers = trusted.ToDictionary(t => t.Issuer, StringComparer.Ordinal);
        this.replay = replay ?? throw new ArgumentNullException(nameof(replay));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <param name="authorization">The Authorization header ("Bearer eyJ...").</param>
    /// <param name="serviceUrl">The URL the client called: the token's audience must be exactly this.</param>
    public async Task<CdsCallerResult> ValidateAsync(string? authorization, Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return CdsCallerResult.Refused("No bearer token: a CDS client signs every call with a JWT.");
        var token = authorization["Bearer ".Length..].Trim();
        JsonWebToken jwt;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return CdsCallerResult.Refused("The bearer token is not a JWT.");
        }
        if (!Algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
            return CdsCallerResult.Refused($"Algorithm '{jwt.Alg}' is not accepted: only ES384 and RS384 (asymmetric) signatures are.");
        if (string.IsNullOrEmpty(jwt.Issuer) || !issuers.TryGetValue(jwt.Issuer, out var issuer))
            return CdsCallerResult.Refused($"Issuer '{jwt.Issuer}' is not a trusted CDS client.");
        if (!jwt.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti))
            return CdsCallerResult.Refused("The token has no jti: replay cannot be checked.");

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = serviceUrl.AbsoluteUri,
            IssuerSigningKeys = issuer.Keys.GetSigningKeys(),
            ValidAlgorithms = Algorithms,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            ClockSkew = Skew,
            TryAllIssuerSigningKeys = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } e && e + Skew >= now && (notBefore is not { } nb || nb - Skew <= now);
            },
        };
        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return CdsCallerResult.Refused(result.Exception switch
            {
                SecurityTokenInvalidAudienceException => $"The token's audience is not this service ({serviceUrl.AbsoluteUri}).",
                SecurityTokenNoExpirationException => "The token has no expiry (exp).",
                SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => "The token has expired.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The signature does not verify with the issuer's keys.",
                SecurityTokenInvalidAlgorithmException => "The signature algorithm is not accepted: only ES384 and RS384 are.",
                _ => "The token is not valid: " + result.Exception?.GetType().Name,
            });
        }
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (!replay.TryAdd(issuer.Issuer, jti, expires))
            return CdsCallerResult.Refused("The token was already used (jti seen before): a replay is refused.");
        return new CdsCallerResult(true, issuer.Issuer, null);
    }
}
