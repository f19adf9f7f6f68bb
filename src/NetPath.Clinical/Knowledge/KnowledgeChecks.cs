using System.Text.Json;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// `netpath knowledge validate`: every embedded version loads, passes the checks of each part
/// (grading scales, staging tables, pathway rules), and a released version still has the
/// content hash recorded when it was released: released knowledge is never edited in place.
/// </summary>
public static class KnowledgeChecks
{
    public static IReadOnlyList<KnowledgeReport> ValidateEmbedded()
    {
        var releases = ReleasedHashes();
        var reports = new List<KnowledgeReport>();
        foreach (var version in KnowledgeSource.EmbeddedVersions())
        {
            var source = KnowledgeSource.Embedded(version);
            var problems = new List<string>(Validate(source));
            problems.AddRange(CheckRelease(source, releases));
            if (releases.ContainsKey(version) && problems.Count == 0) problems.AddRange(CheckGoldenRecord(source));
            reports.Add(new KnowledgeReport(version, source.ContentHash, releases.ContainsKey(version), problems));
        }
        return reports;
    }

    /// <summary>The problems of one version; empty when it is sound.</summary>
    public static IReadOnlyList<string> Validate(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        KnowledgeSet set;
        try
        {
            set = KnowledgeSet.Load(source);
        }
        catch (KnowledgeException ex)
        {
            return [ex.Message];
        }
        var problems = new List<string>();
        problems.AddRange(set.Staging.Check());
        return problems;
    }

    /// <summary>A released version must still hash to what it was released with.</summary>
    public static IReadOnlyList<string> CheckRelease(KnowledgeSource source, IReadOnlyDictionary<string, string> releases)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(releases);
        return releases.TryGetValue(source.Version, out var released) && released != source.ContentHash
            ? [$"knowledge {source.Version} was released with content hash {released} but now hashes to {source.ContentHash}: released knowledge is never edited in place; put the change in a new version."]
            : [];
    }

    /// <summary>A released version replays its golden record (knowledge/records/&lt;version&gt;.json) answer for answer.</summary>
    public static IReadOnlyList<string> CheckGoldenRecord(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var stream = typeof(KnowledgeChecks).Assembly.GetManifestResourceStream("knowledge/records/" + source.Version + ".json");
        if (stream is null) return [$"knowledge {source.Version} is released but has no golden record (knowledge/records/{source.Version}.json)."];
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return GoldenRecord.Check(KnowledgeSet.Load(source), buffer.ToArray());
    }

    /// <summary>knowledge/releases.json: version to the content hash it was released with.</summary>
    public static IReadOnlyDictionary<string, string> ReleasedHashes()
    {
        using var stream = typeof(KnowledgeChecks).Assembly.GetManifestResourceStream("knowledge/releases.json");
        if (stream is null) return new Dictionary<string, string>();
        using var doc = JsonDocument.Parse(stream);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("contentHash", out var h))
                result[p.Name] = h.GetString() ?? "";
        }
        return result;
    }
}

/// <param name="Version">The knowledge version, e.g. 2026.11.</param>
/// <param name="ContentHash">SHA-256 of its files.</param>
/// <param name="Released">Whether knowledge/releases.json records it (then it may never change).</param>
/// <param name="Problems">What is wrong; empty when sound.</param>
public sealed record KnowledgeReport(string Version, string ContentHash, bool Released, IReadOnlyList<string> Problems);
