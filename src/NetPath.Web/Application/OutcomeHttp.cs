using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Web.Application;

namespace NetPath.Web;

/// <summary>The HTTP edge of <see cref="Outcome{T}"/>: every failure kind to its one RFC 9457 problem document (decision 0430).</summary>
internal static class OutcomeHttp
{
    public static ProblemHttpResult Problem<T>(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            OutcomeKind.Invalid => Problems.InvalidFields(outcome.Errors),
            OutcomeKind.InvalidCase => Problems.InvalidCase(outcome.Errors),
            OutcomeKind.StoredCaseInvalid => Problems.InvalidCase(outcome.Errors, StatusCodes.Status422UnprocessableEntity),
            OutcomeKind.NotFound => Problems.NotFound(),
            OutcomeKind.PreconditionFailed => Problems.PreconditionFailed(outcome.CurrentVersion),
            OutcomeKind.PreconditionRequired => Problems.PreconditionRequired(),
            OutcomeKind.NoCase => Problems.Result(StatusCodes.Status409Conflict, "no-case", "The patient has no case version to assess yet."),
            OutcomeKind.BadIdempotencyKey => Problems.Invalid("invalid-idempotency-key", "header:Idempotency-Key", "An Idempotency-Key is 1 to 200 printable characters."),
            OutcomeKind.KeyReused => Problems.KeyReused(),
            OutcomeKind.TooLarge => Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large."),
            OutcomeKind.Denied => Problems.Forbidden(),
            OutcomeKind.Conflict => Problems.Conflict(),
            _ => throw new InvalidOperationException($"{outcome.Kind} is not a failure."),
        };
    }
}
