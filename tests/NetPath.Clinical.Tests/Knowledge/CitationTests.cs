using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Tests.Knowledge;

/// <summary>
/// Every citation resolves inside the repository (docs/decisions/0013): each source a version cites
/// is an entry of knowledge/sources.json, each section of the project's own documents it names
/// exists, and the registry and the release ledger only ever grow.
/// </summary>
public sealed partial class CitationTests
{
    public static TheoryData<string> Versions => [.. KnowledgeSource.EmbeddedVersions()];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_source_a_version_cites_is_in_the_registry(string version) =>
        KnowledgeChecks.CheckCitations(KnowledgeSource.Embedded(version), SourceRegistry.Embedded).ShouldBeEmpty();

    [Fact]
    public void A_citation_the_registry_does_not_know_fails()
    {
        var child = KnowledgeSource.FromFiles("2099.01", new Dictionary<string, byte[]>
        {
            ["manifest.json"] = """{ "version": "2099.01", "parent": "2026.11.1", "status": "draft" }"""u8.ToArray(),
            ["pathways/ppgl.json"] = """{ "rules": [ { "id": "ppgl.z", "code": "systemic.sunitinib", "strength": "consider", "intent": "disease-control", "when": ["family:ppgl"], "rationale": "z", "evidence": [{ "source": "Smith et al., Journal of Guesses 2031", "kind": "study" }] } ] }"""u8.ToArray(),
        }, KnowledgeSource.Embedded("2026.11.1"));

        KnowledgeChecks.CheckCitations(child, SourceRegistry.Embedded)
            .ShouldHaveSingleItem().ShouldContain("'Smith et al., Journal of Guesses 2031' is not in knowledge/sources.json");
    }

    [Fact]
    public void Every_registry_entry_has_a_link_and_says_what_was_checked()
    {
        SourceRegistry.Embedded.Entries.Count.ShouldBeGreaterThan(50);
        foreach (var e in SourceRegistry.Embedded.Entries)
        {
            (e.Doi ?? e.Pmid ?? e.Url).ShouldNotBeNullOrWhiteSpace(e.Id);
            e.Checked.ShouldNotBeNullOrWhiteSpace(e.Id);
            if (e.Doi is { } doi) doi.ShouldStartWith("10.", customMessage: e.Id);
        }
    }

    [Fact]
    public void Every_section_of_the_projects_own_documents_that_knowledge_cites_exists()
    {
        var root = GoldenRecordTests.RepoRoot();
        var headings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["NetPath conventions"] = Sections(Path.Combine(root, "docs", "clinical", "conventions.md")),
            ["reference.md"] = Sections(Path.Combine(root, "docs", "clinical", "reference.md")),
            ["verification.md"] = Sections(Path.Combine(root, "docs", "clinical", "verification.md")),
        };
        var missing = new List<string>();
        foreach (var version in KnowledgeSource.EmbeddedVersions())
        {
            var source = KnowledgeSource.Embedded(version);
            foreach (var name in source.FileNames.Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
            {
                using var doc = JsonDocument.Parse(source.Read(name).ToArray());
                foreach (var cited in KnowledgeChecks.CitedSources(doc.RootElement))
                {
                    foreach (var (document, sections) in headings)
                    {
                        foreach (Match m in SectionsCited(document).Matches(cited))
                        {
                            foreach (var section in m.Groups["s"].Value.Split([" and ", "-"], StringSplitOptions.RemoveEmptyEntries).Select(x => x.Trim().TrimStart('§')))
                            {
                                if (!sections.Contains(section)) missing.Add($"{version}/{name}: {document} §{section}");
                            }
                        }
                    }
                    foreach (Match d in Decision().Matches(cited))
                    {
                        if (Directory.GetFiles(Path.Combine(root, "docs", "decisions"), d.Groups["n"].Value + "-*.md").Length == 0) missing.Add($"{version}/{name}: docs/decisions/{d.Groups["n"].Value}");
                    }
                }
            }
        }
        missing.Distinct().ShouldBeEmpty();
    }

    /// <summary>The section numbers of a document's headings: "## 4. Treatment" gives 4, "### 2.3 Jejunum" gives 2.3.</summary>
    private static HashSet<string> Sections(string path) =>
        [.. File.ReadLines(path).Select(l => HeadingNumber().Match(l)).Where(m => m.Success).Select(m => m.Groups["n"].Value)];

    private static Regex SectionsCited(string document) =>
        new(Regex.Escape(document) + @" §(?<s>\d+(\.\d+)?(-\d+(\.\d+)?)?( and §?\d+(\.\d+)?)?)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^#{2,3} (?<n>\d+(\.\d+)?)\.? ", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"docs/decisions/(?<n>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Decision();

    /// <summary>
    /// Append-only, checked against history: every entry releases.json or sources.json ever held in
    /// a commit is still there, unchanged. Needs the git history (a shallow clone has one commit,
    /// which this reduces to comparing the file with itself); without it the content-hash cross-check
    /// of <see cref="KnowledgeChecks.CheckLedger"/> still holds the ledger.
    /// </summary>
    [Theory]
    [InlineData("knowledge/releases.json")]
    [InlineData("knowledge/sources.json")]
    public void No_entry_of_the_ledger_or_the_registry_ever_changes_or_vanishes(string file)
    {
        var root = GoldenRecordTests.RepoRoot();
        var now = Entries(File.ReadAllBytes(Path.Combine(root, file)), file);
        var commits = Git(root, "log", "--format=%H", "--", file);
        if (commits is null) return;
        foreach (var commit in commits.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var then = Git(root, "show", $"{commit}:{file}");
            if (then is null) continue;
            foreach (var (key, value) in Entries(Encoding.UTF8.GetBytes(then), file))
            {
                if (AmendedBeforeTheLedgerWasAppendOnly.Contains(key + " " + value)) continue;
                now.ShouldContainKey(key, $"{file}: {key} was in commit {commit[..8]} and is gone");
                now[key].ShouldBe(value, $"{file}: {key} changed since commit {commit[..8]}");
            }
        }
    }

    /// <summary>
    /// The one amendment made before this check existed (commit 1447e16 re-recorded the hash of
    /// 2026.11.1 after its release; docs/decisions/0014): the value it replaced. Nothing may join this list.
    /// </summary>
    private static readonly HashSet<string> AmendedBeforeTheLedgerWasAppendOnly =
        ["2026.11.1 2026-11-23 a5c5f4892eaa790f28af1027b059b16066c986cf311d2938ba26f19a32201c27"];

    private static Dictionary<string, string> Entries(byte[] json, string file)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.EndsWith("releases.json", StringComparison.Ordinal))
        {
            foreach (var e in KnowledgeChecks.ParseLedger(json)) result[e.Version] = e.Released + " " + e.ContentHash;
        }
        else
        {
            // An entry may gain aliases (a released text newly resolved); nothing else of it may change.
            foreach (var e in doc.RootElement.GetProperty("sources").EnumerateArray())
                result[e.GetProperty("id").GetString()!] = string.Join("|", e.EnumerateObject().Where(p => p.Name is not ("aliases" or "$comment")).Select(p => p.Name + "=" + p.Value.GetRawText()));
        }
        return result;
    }

    private static string? Git(string root, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
