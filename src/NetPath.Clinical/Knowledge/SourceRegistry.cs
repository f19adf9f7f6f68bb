using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// knowledge/sources.json: every source the knowledge cites, with its full citation, DOI, PMID or
/// URL, what part was checked and when. A rule cites a source by id with a locator (page, table,
/// section); what a person sees is the full citation with its link, never the id. The free-text
/// sources of versions released before the registry resolve through each entry's aliases
/// (docs/decisions/0013-sources-registry.md).
/// </summary>
public sealed class SourceRegistry
{
    private static readonly Lazy<SourceRegistry> EmbeddedRegistry = new(() => Parse(KnowledgeSource.EmbeddedFile("knowledge/sources.json")));

    private readonly Dictionary<string, SourceEntry> byId;
    private readonly Dictionary<string, SourceEntry> byAlias;

    private SourceRegistry(IReadOnlyList<SourceEntry> entries)
    {
        Entries = entries;
        byId = new Dictionary<string, SourceEntry>(StringComparer.Ordinal);
        byAlias = new Dictionary<string, SourceEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!byId.TryAdd(e.Id, e)) throw new KnowledgeException($"sources.json: id {e.Id} is used twice.");
            foreach (var a in e.Aliases)
            {
                if (!byAlias.TryAdd(a, e)) throw new KnowledgeException($"sources.json: the alias '{a}' is given to two sources.");
            }
        }
    }

    /// <summary>The registry embedded in this build.</summary>
    public static SourceRegistry Embedded => EmbeddedRegistry.Value;

    public IReadOnlyList<SourceEntry> Entries { get; }

    /// <summary>Whether a cited source is written as a registry id rather than free text.</summary>
    public static bool LooksLikeId(string source) =>
        source.Length > 0 && source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public bool TryGet(string id, out SourceEntry entry) => byId.TryGetValue(id, out entry!);

    /// <summary>
    /// The entries a cited text stands for, one per top-level part ("A (x; y); B" has the parts A
    /// and B): a part is an id, a citation this registry formatted, or begins with an alias (the
    /// longest that fits). A null in the list is a part that resolves to nothing.
    /// </summary>
    public IReadOnlyList<(string Part, SourceEntry? Entry)> Resolve(string cited)
    {
        ArgumentNullException.ThrowIfNull(cited);
        if (byId.TryGetValue(cited, out var e)) return [(cited, e)];
        if (Entries.FirstOrDefault(x => cited.StartsWith(x.Citation, StringComparison.Ordinal)) is { } formatted) return [(cited, formatted)];
        var parts = new List<(string, SourceEntry?)>();
        foreach (var part in TopLevelParts(cited))
        {
            SourceEntry? best = null;
            var bestLength = 0;
            foreach (var (alias, entry) in byAlias)
            {
                if (alias.Length > bestLength && part.StartsWith(alias, StringComparison.Ordinal))
                {
                    best = entry;
                    bestLength = alias.Length;
                }
            }
            parts.Add((part, best));
        }
        return parts;
    }

    private static List<string> TopLevelParts(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            // "2014;21:405" is one citation: parts are separated by a semicolon and a space.
            else if (depth == 0 && text[i] == ';' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(text[start..].Trim());
        return parts;
    }

    /// <summary>What a person reads: the full citation, the locator, and the link (DOI first).</summary>
    public static string Cite(SourceEntry entry, string locator)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var link = entry.Doi is { } doi ? "https://doi.org/" + doi
            : entry.Pmid is { } pmid ? "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/"
            : entry.Url;
        return $"{entry.Citation} ({locator}){(link is null ? "" : " " + link)}";
    }

    public static SourceRegistry Parse(byte[]? json)
    {
        if (json is null) return new SourceRegistry([]);
        SourcesFileDto dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, SourcesJsonContext.Default.SourcesFileDto) ?? throw new KnowledgeException("sources.json is empty.");
        }
        catch (JsonException ex)
        {
            throw new KnowledgeException($"sources.json does not load: {ex.Message}", ex);
        }
        var entries = new List<SourceEntry>();
        foreach (var s in dto.Sources)
        {
            if (string.IsNullOrWhiteSpace(s.Id) || !LooksLikeId(s.Id)) throw new KnowledgeException($"sources.json: '{s.Id}' is not an id (lower-case letters, digits and hyphens).");
            if (string.IsNullOrWhiteSpace(s.Citation)) throw new KnowledgeException($"sources.json: {s.Id} has no citation.");
            if (s.Doi is null && s.Pmid is null && s.Url is null && s.Document is null) throw new KnowledgeException($"sources.json: {s.Id} has no DOI, PMID, URL or document in the repository.");
            if (string.IsNullOrWhiteSpace(s.Checked) || string.IsNullOrWhiteSpace(s.DateChecked)) throw new KnowledgeException($"sources.json: {s.Id} does not say what was checked, and when.");
            entries.Add(new SourceEntry(s.Id, s.Citation, s.Doi, s.Pmid, s.Url ?? s.Document, s.Checked, s.DateChecked, s.Aliases ?? []));
        }
        return new SourceRegistry(entries);
    }
}

/// <summary>One source of knowledge/sources.json. <c>Url</c> is a web address, or for the project's own documents their path in the repository (docs/clinical/conventions.md).</summary>
public sealed record SourceEntry(string Id, string Citation, string? Doi, string? Pmid, string? Url, string Checked, string DateChecked, IReadOnlyList<string> Aliases);

internal sealed record SourcesFileDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public required List<SourceDto> Sources { get; init; }
}

internal sealed record SourceDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public string? Id { get; init; }
    public string? Citation { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Url { get; init; }
    /// <summary>A document of this repository (docs/clinical/conventions.md), for the project's own conventions.</summary>
    public string? Document { get; init; }
    public string? Checked { get; init; }
    public string? DateChecked { get; init; }
    public List<string>? Aliases { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SourcesFileDto))]
internal sealed partial class SourcesJsonContext : JsonSerializerContext;
