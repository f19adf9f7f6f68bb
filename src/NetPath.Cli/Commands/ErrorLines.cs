using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Clinical.Validation;

namespace NetPath.Cli.Commands;

/// <summary>One input error as a line of JSON on stderr: which input, which case, which field, what is allowed.</summary>
internal sealed record ErrorLine(string Input, string? CaseId, string Code, string Path, string Message, string? Allowed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorLine))]
[JsonSerializable(typeof(FhirIssueLine))]
[JsonSerializable(typeof(ImportedLine))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Writes µ, ², quotes and apostrophes as themselves: this JSON goes to terminals and programs, never into HTML.</summary>
    public static CliJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

internal static class ErrorLines
{
    public static void Write(TextWriter stderr, string input, CaseReadResult result)
    {
        foreach (var e in result.Errors)
        {
            stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(input, result.CaseId, e.Code, e.Path, e.Message, e.Allowed), CliJsonContext.Readable.ErrorLine));
        }
    }
}
