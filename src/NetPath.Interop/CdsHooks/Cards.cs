using System.Text.Json.Serialization;

namespace NetPath.Interop.CdsHooks;

// The CDS Hooks 2.0 card, as the specification names its members (cds-hooks.hl7.org/2.0/#card-attributes).

public sealed record CdsSource(string Label, string? Url = null, string? Icon = null);

public sealed record CdsLink(string Label, string Url, string Type, string? AppContext = null);

public sealed record CdsAction(string Type, string Description, object? Resource = null, string? ResourceId = null);

public sealed record CdsSuggestion(string Label, string Uuid, bool? IsRecommended, IReadOnlyList<CdsAction> Actions);

/// <summary>One card. <see cref="Summary"/> is under 140 characters (the specification's limit); <see cref="Detail"/> is Markdown.</summary>
public sealed record CdsCard(
    string Uuid,
    string Summary,
    string Indicator,
    CdsSource Source,
    string? Detail = null,
    IReadOnlyList<CdsSuggestion>? Suggestions = null,
    IReadOnlyList<CdsLink>? Links = null,
    string? SelectionBehavior = null);

/// <summary>The answer to a hook call: <c>{"cards": []}</c> when there is nothing to say.</summary>
public sealed record CdsResponse(IReadOnlyList<CdsCard> Cards);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CdsResponse))]
public sealed partial class CdsJsonContext : JsonSerializerContext;

/// <summary>The card indicators of CDS Hooks 2.0.</summary>
public static class Indicators
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";
}
