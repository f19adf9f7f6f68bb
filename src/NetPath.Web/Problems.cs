using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NetPath.Clinical.Validation;

namespace NetPath.Web;

/// <summary>
/// RFC 9457 problem documents. <c>type</c> is a stable URN per problem (tests and clients match
/// it, never the title); invalid cases list every error with its code and JSON path.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:netpath:problem:";

    public static ProblemHttpResult Result(int status, string code, string title, Action<ProblemDetails>? extend = null)
    {
        var problem = new ProblemDetails { Status = status, Type = TypePrefix + code, Title = title };
        extend?.Invoke(problem);
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult InvalidCase(IReadOnlyList<ValidationError> errors, int status = StatusCodes.Status400BadRequest) =>
        Result(status, "invalid-case", "The case is not valid.", p =>
            p.Extensions["errors"] = errors.Select(e => new ProblemError(e.Code, "$." + e.Path, e.Message, e.Allowed)).ToList());

    public static ProblemHttpResult Invalid(string code, string path, string message) =>
        Result(StatusCodes.Status400BadRequest, "invalid-request", "The request is not valid.", p =>
            p.Extensions["errors"] = new List<ProblemError> { new(code, path, message, null) });

    /// <summary>A request that broke field rules: every error, each with its JSON path (<c>$.wellbeing</c>).</summary>
    public static ProblemHttpResult InvalidFields(IReadOnlyList<ValidationError> errors) =>
        Result(StatusCodes.Status400BadRequest, "invalid-request", "The request is not valid.", p =>
            p.Extensions["errors"] = errors.Select(e => new ProblemError(e.Code, e.Path.Length == 0 ? "$" : "$." + e.Path, e.Message, e.Allowed)).ToList());

    public static ProblemHttpResult NotFound() => Result(StatusCodes.Status404NotFound, "not-found", "No such record.");

    public static ProblemHttpResult Forbidden() => Result(StatusCodes.Status403Forbidden, "forbidden", "This account may not see this record.");

    public static ProblemHttpResult PreconditionRequired() =>
        Result(StatusCodes.Status428PreconditionRequired, "precondition-required", "Send If-Match with the ETag of the record you edited.");

    public static ProblemHttpResult PreconditionFailed(int? current) =>
        Result(StatusCodes.Status412PreconditionFailed, "stale-version", "The record changed since you read it; read it again and reapply your edit.",
            p => p.Extensions["currentETag"] = current is { } v ? ETags.Of(v) : null);

    public static ProblemHttpResult Conflict() =>
        Result(StatusCodes.Status409Conflict, "edit-conflict", "Another edit to this record was saved at the same moment; read it again and reapply your edit.");

    public static ProblemHttpResult KeyReused() =>
        Result(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "This Idempotency-Key was used before with a different request.");
}

/// <summary>One error in a problem document: stable code, JSON path (<c>$.tumour.ki67Percent</c>), message, allowed values.</summary>
public sealed record ProblemError(string Code, string Path, string Message, string? Allowed);

/// <summary>Weak-free, quoted ETags over the record version: <c>"v3"</c>.</summary>
internal static class ETags
{
    public static string Of(int version) => $"\"v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by If-Match, or null when the header is absent or not one of ours.</summary>
    public static int? FromIfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length < 4 || value[0] != '"' || value[1] != 'v' || value[^1] != '"') return null;
        return int.TryParse(value.AsSpan(2, value.Length - 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
