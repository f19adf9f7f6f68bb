using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Assessments;

/// <summary>
/// Source-generated JSON for the assessment output and for validation errors. Enums are written
/// as their explicit wire codes; absent values are written as null so that every contract field
/// is always present.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(Assessment))]
[JsonSerializable(typeof(ValidationError))]
[JsonSerializable(typeof(IReadOnlyList<ValidationError>))]
public sealed partial class AssessmentJsonContext : JsonSerializerContext
{
    private static AssessmentJsonContext? indented;

    /// <summary>The same context, writing indented JSON (for people and golden files).</summary>
    public static AssessmentJsonContext Indented => indented ??= new AssessmentJsonContext(new JsonSerializerOptions(Default.Options) { WriteIndented = true });
}
