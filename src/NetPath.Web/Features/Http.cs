using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using NetPath.Clinical.Assessments;
using NetPath.Storage;

namespace NetPath.Web.Features;

internal static class RequestBody
{
    /// <summary>The largest body accepted: a case is a few kilobytes.</summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > MaxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static IResult TooLarge() =>
        Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body is larger than {MaxBytes} bytes.");

    /// <summary>
    /// The Idempotency-Key with the hash of what it protects (route and body): the same key with
    /// another request is refused, never silently answered with the first request's result.
    /// </summary>
    public static (Idempotency? Key, IResult? Problem) Idempotency(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0) return (null, null);
        if (key.Length > 200 || key.Any(char.IsControl))
            return (null, Problems.Invalid("invalid-idempotency-key", "header:Idempotency-Key", "An Idempotency-Key is 1 to 200 printable characters."));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Path.Value ?? ""));
        hash.AppendData([0]);
        hash.AppendData(body);
        return (new Idempotency(key, Convert.ToHexString(hash.GetHashAndReset())), null);
    }

    /// <summary>The Idempotency-Key for a use case, which refuses a malformed one at its own point of the use case.</summary>
    public static Application.IdempotencyInput KeyOf(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var (key, problem) = Idempotency(request, body);
        return new(key, problem is not null);
    }
}

/// <summary>
/// 200 with an <see cref="Assessment"/> written by the engine's own source-generated context, so
/// the API answers exactly what contracts/assessment.md and the CLI produce.
/// </summary>
internal sealed class AssessmentResult(Assessment assessment) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, assessment, AssessmentJsonContext.Default.Assessment, httpContext.RequestAborted).ConfigureAwait(false);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Assessment), ["application/json"]));
    }
}
