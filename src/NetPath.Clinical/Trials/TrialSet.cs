using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetPath.Clinical.Trials;

/// <summary>
/// A normalised set of trials as <c>netpath trials import</c> writes it (decision 0603): the
/// trials with their sentences, criteria and provenance, so that a coordinator can read and
/// correct a criterion by its id, and matching does not parse the registry text again.
/// </summary>
public sealed record TrialSet
{
    public const string SchemaName = "netpath.trial-set";
    public const string CurrentVersion = "1";

    public string Schema { get; init; } = SchemaName;
    public string Version { get; init; } = CurrentVersion;
    /// <summary>What the set was imported from (files), for provenance.</summary>
    public IReadOnlyList<string> ImportedFrom { get; init; } = [];
    public IReadOnlyList<Trial> Trials { get; init; } = [];

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, TrialJsonContext.Indented.TrialSet);

    /// <summary>Whether the JSON is a trial set file (rather than registry records to import).</summary>
    public static bool IsTrialSet(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("schema"))
                    return reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(SchemaName);
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return false;
    }

    /// <summary>Reads a trial set file; errors name the source and the field.</summary>
    public static TrialImportResult Read(ReadOnlySpan<byte> utf8Json, string source)
    {
        TrialSet? set;
        try
        {
            set = JsonSerializer.Deserialize(utf8Json, TrialJsonContext.Default.TrialSet);
        }
        catch (JsonException ex)
        {
            return new([], [new(source, ex.Path ?? "$", "Not a readable trial set: " + ex.Message)]);
        }
        if (set is null) return new([], [new(source, "$", "The trial set is null.")]);
        if (set.Version != CurrentVersion)
            return new([], [new(source, "$.version", $"Trial set version '{set.Version}' is not one this build reads ({CurrentVersion}).")]);
        var errors = new List<TrialImportError>();
        for (var i = 0; i < set.Trials.Count; i++)
        {
            var t = set.Trials[i];
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < t.Criteria.Count; j++)
            {
                if (!ids.Add(t.Criteria[j].Id))
                    errors.Add(new(source, $"$.trials[{i}].criteria[{j}].id", $"{t.NctId} has criterion '{t.Criteria[j].Id}' twice."));
            }
        }
        return errors.Count > 0 ? new([], errors) : TrialImporter.Combine([new TrialImportResult(set.Trials, [])]);
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TrialSet))]
[JsonSerializable(typeof(TrialCorrections))]
public sealed partial class TrialJsonContext : JsonSerializerContext
{
    private static TrialJsonContext? indented;

    /// <summary>Indented, with ≥, µ and quotes written as themselves: the file is read by coordinators.</summary>
    public static TrialJsonContext Indented => indented ??= new TrialJsonContext(new JsonSerializerOptions(Default.Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>The shipped demo set (samples/trials/net-trials.json, embedded): 28 real NET trials with dated statuses and paraphrased criteria.</summary>
public static class ShippedTrials
{
    public const string ResourceName = "trials/net-trials.json";

    private static readonly Lazy<IReadOnlyList<Trial>> Loaded = new(() =>
    {
        using var stream = typeof(ShippedTrials).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build does not embed {ResourceName}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var result = TrialImporter.Read(buffer.ToArray(), "net-trials.json (shipped)");
        return result.IsValid ? result.Trials
            : throw new InvalidOperationException("The shipped trial set does not import: " + string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
    });

    public static IReadOnlyList<Trial> All => Loaded.Value;
}
