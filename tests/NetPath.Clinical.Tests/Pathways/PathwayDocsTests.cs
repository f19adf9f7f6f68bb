using NetPath.Clinical.Knowledge;
using NetPath.Clinical.Pathways;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>docs/clinical/pathway-*.md are generated from the rule files and must not drift from them.</summary>
public class PathwayDocsTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetPath.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NetPath.slnx not found above the test output folder.");
    }

    [Fact]
    public void Committed_pathway_pages_match_the_rules()
    {
        var knowledge = KnowledgeSet.Current;
        var pages = PathwayDocs.Render(knowledge.Pathways);
        var folder = Path.Combine(RepoRoot(), "docs", "clinical");
        if (Environment.GetEnvironmentVariable("NETPATH_WRITE_DOCS") == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.GetFiles(folder, "pathway-*.md")) File.Delete(stale);
            foreach (var (name, text) in pages) File.WriteAllText(Path.Combine(folder, name), text);
        }
        foreach (var (name, text) in pages)
        {
            var path = Path.Combine(folder, name);
            File.Exists(path).ShouldBeTrue($"docs/clinical/{name} is missing. Regenerate: NETPATH_WRITE_DOCS=1 dotnet test tests/NetPath.Clinical.Tests --filter PathwayDocsTests");
            File.ReadAllText(path).ShouldBe(text, $"docs/clinical/{name} is out of date with the rule files. Regenerate: NETPATH_WRITE_DOCS=1 dotnet test tests/NetPath.Clinical.Tests --filter PathwayDocsTests");
        }
        Directory.GetFiles(folder, "pathway-*.md").Select(Path.GetFileName).Where(n => !pages.ContainsKey(n!))
            .ShouldBeEmpty("Pages without a rule file; regenerate to remove them.");
    }

    [Fact]
    public void There_is_a_page_per_rule_file_plus_index_and_vocabulary()
    {
        var knowledge = KnowledgeSet.Current;
        var pages = PathwayDocs.Render(knowledge.Pathways);
        pages.Count.ShouldBe(knowledge.Pathways.Files.Count + 2);
        pages.Keys.ShouldContain("pathway-pancreas.md");
        pages.Keys.ShouldContain("pathway-safety-prrt.md");
    }
}
