using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Assessments;

/// <summary>
/// The controlled vocabulary of contracts/codes.md: what the system recommends, asks for or warns
/// against. The codes are declared by the knowledge (knowledge/codes.json for the first versions,
/// then each version's own codes.json); this is every code this build knows, across its versions,
/// for what does not depend on one version: reading a case's prior therapies, the case form.
/// A code means the same thing everywhere; new codes may be added, none may change meaning.
/// </summary>
public static class CareCodes
{
    private static readonly Lazy<CareVocabulary> Known = new(KnownToThisBuild);

    /// <summary>Every code with its category and meaning: the first versions' codes in the order of codes.md, then each later version's additions.</summary>
    public static IReadOnlyList<CareCode> All => Known.Value.All;

    public static bool TryGet(string code, out CareCode careCode) => Known.Value.TryGet(code, out careCode);

    public static CareCode Get(string code) => TryGet(code, out var c) ? c : throw new ArgumentException($"Unknown care code {code}.", nameof(code));

    /// <summary>Codes a patient can have received (everything but work-up, team and follow-up codes).</summary>
    public static bool IsTreatment(string code) => TryGet(code, out var c) && CareVocabulary.IsTreatmentCategory(c.Category);

    /// <summary>The position of a code in <see cref="All"/>; -1 when unknown. Stable for a build: every version indexes its codes this way.</summary>
    internal static int IndexOf(string code) => Known.Value.IndexOf(code);

    private static CareVocabulary KnownToThisBuild()
    {
        var vocabulary = CareVocabulary.Base();
        foreach (var version in KnowledgeSource.EmbeddedVersions())
        {
            vocabulary = vocabulary.With(KnowledgeSource.EmbeddedFile($"knowledge/{version}/{CareVocabulary.FileName}"), version);
        }
        return vocabulary;
    }
}

/// <param name="Code">The stable identifier, e.g. <c>systemic.prrt</c>.</param>
/// <param name="Category">The contract category: workup, surveillance, surgery, liver-directed, systemic, ...</param>
/// <param name="Meaning">What the code stands for, from codes.md (its label).</param>
public sealed record CareCode(string Code, string Category, string Meaning);

/// <summary>
/// The care codes one knowledge version declares: the frozen first vocabulary (knowledge/codes.json)
/// and the codes each version of its chain adds in its own codes.json, in that order.
/// </summary>
public sealed class CareVocabulary
{
    public const string FileName = "codes.json";

    /// <summary>The categories of contracts/codes.md; a new code belongs to one of them.</summary>
    public static readonly FrozenSet<string> Categories = FrozenSet.ToFrozenSet(
        ["workup", "surveillance", "surgery", "liver-directed", "systemic", "radiation", "symptom", "cardiac", "nutrition", "supportive", "team", "trial", "follow-up"], StringComparer.Ordinal);

    private static readonly Lazy<CareVocabulary> First = new(() => new CareVocabulary([], FrozenDictionary<string, int>.Empty, FrozenDictionary<string, string>.Empty)
        .With(KnowledgeSource.EmbeddedFile("knowledge/" + FileName), "knowledge/codes.json"));

    private readonly CareCode[] codes;
    private readonly FrozenDictionary<string, int> index;

    private CareVocabulary(CareCode[] codes, FrozenDictionary<string, int> index, FrozenDictionary<string, string> patientWords)
    {
        this.codes = codes;
        this.index = index;
        PatientWords = patientWords;
    }

    public IReadOnlyList<CareCode> All => codes;

    /// <summary>Plain words for patients that the codes files give with the codes they add.</summary>
    public IReadOnlyDictionary<string, string> PatientWords { get; }

    internal static CareVocabulary Base() => First.Value;

    internal static bool IsTreatmentCategory(string category) => category is not ("workup" or "team" or "follow-up");

    public bool TryGet(string code, out CareCode careCode)
    {
        if (index.TryGetValue(code, out var i))
        {
            careCode = codes[i];
            return true;
        }
        careCode = null!;
        return false;
    }

    public bool Contains(string code) => index.ContainsKey(code);

    /// <summary>The position in this list; for the build's whole vocabulary (<see cref="CareCodes"/>) that is the index every version uses.</summary>
    internal int IndexOf(string code) => index.TryGetValue(code, out var i) ? i : -1;

    /// <summary>
    /// This vocabulary with the codes of one codes.json added (none when <paramref name="file"/> is null).
    /// A code already declared must be declared the same: a code never changes meaning.
    /// </summary>
    internal CareVocabulary With(byte[]? file, string where)
    {
        if (file is null) return this;
        CodesFileDto dto;
        try
        {
            dto = JsonSerializer.Deserialize(file, CodesJsonContext.Default.CodesFileDto) ?? throw new KnowledgeException($"{where}: {FileName} is empty.");
        }
        catch (JsonException ex)
        {
            throw new KnowledgeException($"{where}: {FileName} does not load: {ex.Message}", ex);
        }
        var list = new List<CareCode>(codes);
        var byCode = new Dictionary<string, int>(index, StringComparer.Ordinal);
        var words = new Dictionary<string, string>(PatientWords, StringComparer.Ordinal);
        foreach (var c in dto.Codes)
        {
            if (string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Label) || c.Code.Split('.').Length != 2)
                throw new KnowledgeException($"{where}: {FileName}: every code needs a code (category.name) and a label.");
            if (!Categories.Contains(c.Category ?? ""))
                throw new KnowledgeException($"{where}: {FileName}: code {c.Code}: '{c.Category}' is not a category of codes.md ({string.Join(", ", Categories.Order(StringComparer.Ordinal))}).");
            var code = new CareCode(c.Code, c.Category!, c.Label);
            if (byCode.TryGetValue(c.Code, out var at))
            {
                if (list[at] != code) throw new KnowledgeException($"{where}: {FileName}: code {c.Code} is declared again with another category or label; a code never changes meaning.");
            }
            else
            {
                byCode[c.Code] = list.Count;
                list.Add(code);
            }
            if (c.Patient is { } patient)
            {
                if (string.IsNullOrWhiteSpace(patient)) throw new KnowledgeException($"{where}: {FileName}: code {c.Code}: the patient words are empty.");
                words[c.Code] = patient;
            }
        }
        return new CareVocabulary([.. list], byCode.ToFrozenDictionary(StringComparer.Ordinal), words.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The codes <paramref name="source"/> declares: the first vocabulary and the additions of every version of its chain.</summary>
    internal static CareVocabulary Of(KnowledgeSource source)
    {
        var vocabulary = Base();
        foreach (var layer in source.Layers)
        {
            vocabulary = vocabulary.With(layer.OwnFile(FileName), $"knowledge {layer.Version}");
        }
        return vocabulary;
    }
}

internal sealed record CodesFileDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public required List<CodeDto> Codes { get; init; }
}

internal sealed record CodeDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public string? Code { get; init; }
    public string? Category { get; init; }
    public string? Label { get; init; }
    /// <summary>Plain words for patients, for <c>--format patient</c> and the patient's plan.</summary>
    public string? Patient { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CodesFileDto))]
internal sealed partial class CodesJsonContext : JsonSerializerContext;
