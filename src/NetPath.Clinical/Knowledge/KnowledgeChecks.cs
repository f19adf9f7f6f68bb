using System.Text.Json;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// `netpath knowledge validate`: every embedded version loads with its chain, passes the checks of
/// each part (grading scales, staging tables, pathway rules, citations), is either released or a
/// draft; a released version still has the content hash recorded when it was released and still
/// gives the answers of its golden record: released knowledge is never edited in place.
/// </summary>
public static class KnowledgeChecks
{
    public static IReadOnlyList<KnowledgeReport> ValidateEmbedded()
    {
        var ledger = Ledger();
        var releases = ReleasedHashes();
        var reports = new List<KnowledgeReport>();
        var versions = KnowledgeSource.EmbeddedVersions();
        foreach (var version in versions)
        {
            KnowledgeSource source;
            try
            {
                source = KnowledgeSource.Embedded(version);
            }
            catch (KnowledgeException ex)
            {
                reports.Add(new KnowledgeReport(version, "", releases.ContainsKey(version), [ex.Message]));
                continue;
            }
            var problems = new List<string>(Validate(source));
            problems.AddRange(CheckCitations(source, SourceRegistry.Embedded));
            problems.AddRange(CheckVersionWrittenOnce(source));
            problems.AddRange(CheckRelease(source, releases));
            problems.AddRange(CheckStatus(source, releases));
            if (releases.ContainsKey(version) && problems.Count == 0) problems.AddRange(CheckGoldenRecord(source));
            reports.Add(new KnowledgeReport(version, source.ContentHash, releases.ContainsKey(version), problems));
        }
        var ledgerProblems = CheckLedger(ledger, versions);
        if (ledgerProblems.Count > 0) reports.Add(new KnowledgeReport("releases.json", "", true, ledgerProblems));
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

    /// <summary>
    /// Every source a version cites (each "source" of its files: rules' evidence, staging tables,
    /// grading thresholds) resolves to an entry of knowledge/sources.json.
    /// </summary>
    public static IReadOnlyList<string> CheckCitations(KnowledgeSource source, SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<string>();
        foreach (var name in source.FileNames.Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var doc = JsonDocument.Parse(source.Read(name).ToArray());
            foreach (var cited in CitedSources(doc.RootElement).Distinct(StringComparer.Ordinal))
            {
                foreach (var (part, entry) in registry.Resolve(cited))
                {
                    if (entry is null) problems.Add($"knowledge {source.Version}, {name}: the source '{part}' is not in knowledge/sources.json.");
                }
            }
        }
        return problems;
    }

    /// <summary>Every string under a "source" key (and each string of a "source" list).</summary>
    public static IEnumerable<string> CitedSources(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name == "source" && p.Value.ValueKind == JsonValueKind.String) yield return p.Value.GetString()!;
                    else if (p.Name == "source" && p.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var s in p.Value.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String)) yield return s.GetString()!;
                    }
                    else
                    {
                        foreach (var s in CitedSources(p.Value)) yield return s;
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in CitedSources(item)) yield return s;
                }
                break;
        }
    }

    /// <summary>
    /// The versions released before a version was written only in its folder and manifest: their
    /// files' notes still name them, and released files are never edited (docs/decisions/0014).
    /// </summary>
    public static readonly IReadOnlySet<string> WrittenBeforeVersionOnce = new HashSet<string>(["2026.11", "2026.11.1"], StringComparer.Ordinal);

    /// <summary>A version's number is written in its folder name and its manifest, nowhere else among its files.</summary>
    public static IReadOnlyList<string> CheckVersionWrittenOnce(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (WrittenBeforeVersionOnce.Contains(source.Version)) return [];
        var needle = System.Text.Encoding.UTF8.GetBytes(source.Version);
        return [.. source.OwnFileNames
            .Where(n => n != KnowledgeSource.ManifestName && source.OwnFile(n)!.AsSpan().IndexOf(needle) >= 0)
            .Select(n => $"knowledge {source.Version}: {n} names the version; it is written once, in the folder name and manifest.json.")];
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

    /// <summary>A version is released (in releases.json, not a draft) or a draft (manifest status: draft, not in releases.json); a released version's chain is released.</summary>
    public static IReadOnlyList<string> CheckStatus(KnowledgeSource source, IReadOnlyDictionary<string, string> releases)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(releases);
        var released = releases.ContainsKey(source.Version);
        if (released && source.IsDraft) return [$"knowledge {source.Version} is listed in releases.json but its manifest says status: draft."];
        if (!released && !source.IsDraft) return [$"knowledge {source.Version} is neither listed in releases.json nor a draft (manifest status: draft): a version is released or a draft."];
        if (released && source.Parent is { } parent && !releases.ContainsKey(parent.Version))
            return [$"knowledge {source.Version} is released but changes {parent.Version}, which is not."];
        return [];
    }

    /// <summary>A released version replays its golden record (knowledge/records/&lt;version&gt;.json) answer for answer.</summary>
    public static IReadOnlyList<string> CheckGoldenRecord(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var record = KnowledgeSource.EmbeddedFile("knowledge/records/" + source.Version + ".json");
        if (record is null) return [$"knowledge {source.Version} is released but has no golden record (knowledge/records/{source.Version}.json)."];
        return GoldenRecord.Check(KnowledgeSet.Load(source), record);
    }

    /// <summary>
    /// The ledger itself: entries in release order (versions and dates rising), each naming an
    /// embedded version. That no entry changes or vanishes is held by the content hash each golden
    /// record carries and, where the history is at hand, by the tests against earlier commits.
    /// </summary>
    public static IReadOnlyList<string> CheckLedger(IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<string> embedded)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(embedded);
        var problems = new List<string>();
        for (var i = 0; i < ledger.Count; i++)
        {
            var e = ledger[i];
            if (!embedded.Contains(e.Version, StringComparer.Ordinal)) problems.Add($"releases.json lists {e.Version}, which is not in knowledge/: a released version is never removed.");
            if (!System.Version.TryParse(e.Version, out var v)) problems.Add($"releases.json: '{e.Version}' is not a version number.");
            else if (i > 0 && System.Version.TryParse(ledger[i - 1].Version, out var before) && v <= before) problems.Add($"releases.json: {e.Version} comes after {ledger[i - 1].Version}: entries are appended in release order.");
            if (i > 0 && string.CompareOrdinal(e.Released, ledger[i - 1].Released) < 0) problems.Add($"releases.json: {e.Version} is dated before the release above it.");
            if (e.ContentHash.Length != 64) problems.Add($"releases.json: {e.Version} has no SHA-256 content hash.");
            var record = KnowledgeSource.EmbeddedFile("knowledge/records/" + e.Version + ".json");
            if (record is not null && !System.Text.Encoding.UTF8.GetString(record).Contains($"\"contentHash\": \"{e.ContentHash}\"", StringComparison.Ordinal))
                problems.Add($"releases.json: {e.Version}'s content hash is not the one its golden record was made with: a release entry never changes.");
        }
        return problems;
    }

    /// <summary>knowledge/releases.json: version to the content hash it was released with.</summary>
    public static IReadOnlyDictionary<string, string> ReleasedHashes() =>
        Ledger().ToDictionary(e => e.Version, e => e.ContentHash, StringComparer.Ordinal);

    /// <summary>The entries of knowledge/releases.json in the order they were appended.</summary>
    public static IReadOnlyList<LedgerEntry> Ledger() => ParseLedger(KnowledgeSource.EmbeddedFile("knowledge/releases.json"));

    public static IReadOnlyList<LedgerEntry> ParseLedger(byte[]? releasesJson)
    {
        if (releasesJson is null) return [];
        using var doc = JsonDocument.Parse(releasesJson);
        var result = new List<LedgerEntry>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Object) continue;
            var hash = p.Value.TryGetProperty("contentHash", out var h) ? h.GetString() ?? "" : "";
            var released = p.Value.TryGetProperty("released", out var r) ? r.GetString() ?? "" : "";
            result.Add(new LedgerEntry(p.Name, released, hash));
        }
        return result;
    }
}

/// <param name="Version">The knowledge version, e.g. 2026.11.</param>
/// <param name="ContentHash">SHA-256 of its files (with its parent's hash for a version that changes another).</param>
/// <param name="Released">Whether knowledge/releases.json records it (then it may never change).</param>
/// <param name="Problems">What is wrong; empty when sound.</param>
public sealed record KnowledgeReport(string Version, string ContentHash, bool Released, IReadOnlyList<string> Problems);

/// <summary>One entry of knowledge/releases.json.</summary>
public sealed record LedgerEntry(string Version, string Released, string ContentHash);
