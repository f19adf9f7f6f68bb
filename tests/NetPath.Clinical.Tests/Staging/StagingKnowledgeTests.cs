using System.Text;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Knowledge;
using NetPath.Clinical.Staging;

namespace NetPath.Clinical.Tests.Staging;

public sealed class StagingKnowledgeTests
{
    private static StagingKnowledge Embedded => NetPathEngine.Current.Knowledge.Staging;

    [Fact]
    public void The_embedded_staging_knowledge_has_no_problems() => Embedded.Check().ShouldBeEmpty();

    [Fact]
    public void Every_chapter_the_contract_names_is_present()
    {
        var ids = Embedded.Chapters.Select(c => c.Id).ToList();
        ids.ShouldBe(["ajcc8-adrenal", "ajcc8-appendix", "ajcc8-colon-rectum", "ajcc8-duodenum-ampulla", "ajcc8-jejunum-ileum",
            "ajcc8-lung", "ajcc8-pancreas", "ajcc8-stomach", "enets-appendix", "enets-colon-rectum", "enets-pancreas"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("\"gt\": 10", "\"gt\": 10, \"colour\": \"red\"")]
    [InlineData("\"category\": \"T4\"", "\"category\": \"T9\"")]
    [InlineData("\"serosa\"", "\"serosal\"")]
    [InlineData("\"group\": \"III\"", "\"group\": \"three\"")]
    [InlineData("{", "[")]
    public void A_malformed_chapter_file_fails_to_load_with_the_file_named(string find, string replace)
    {
        var files = EmbeddedFiles();
        var text = Encoding.UTF8.GetString(files["staging/ajcc8-stomach.json"]);
        text.ShouldContain(find);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        files["staging/ajcc8-stomach.json"] = Encoding.UTF8.GetBytes(text[..index] + replace + text[(index + find.Length)..]);
        var ex = Should.Throw<KnowledgeException>(() => StagingKnowledge.Load(KnowledgeSource.FromFiles("test", files)));
        ex.Message.ShouldContain("staging/ajcc8-stomach.json");
    }

    [Fact]
    public void Check_reports_an_uncovered_combination_and_a_missing_source()
    {
        var files = EmbeddedFiles();
        var chapter = System.Text.Json.Nodes.JsonNode.Parse(files["staging/ajcc8-stomach.json"])!.AsObject();
        var groups = chapter["groups"]!.AsArray();
        groups.RemoveAt(groups.Count - 1);                       // the stage I row: T1 N0 M0
        chapter["m"]!["rules"]![0]!["source"] = "";
        files["staging/ajcc8-stomach.json"] = Encoding.UTF8.GetBytes(chapter.ToJsonString());
        var problems = StagingKnowledge.Load(KnowledgeSource.FromFiles("test", files)).Check();
        problems.ShouldContain("ajcc8-stomach: no stage row covers T1 N0 M0.");
        problems.ShouldContain(p => p.StartsWith("ajcc8-stomach: the M1c rule has no source", StringComparison.Ordinal));
    }

    [Fact]
    public void The_clinical_documentation_is_generated_from_the_knowledge()
    {
        var generated = Embedded.ToMarkdown();
        var path = Path.Combine(RepositoryRoot(), "docs", "clinical", "staging.md");
        if (Environment.GetEnvironmentVariable("NETPATH_WRITE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        File.Exists(path).ShouldBeTrue("docs/clinical/staging.md is missing: run the tests with NETPATH_WRITE_DOCS=1");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(generated, "docs/clinical/staging.md differs from the knowledge: regenerate it with NETPATH_WRITE_DOCS=1");
    }

    private static Dictionary<string, byte[]> EmbeddedFiles()
    {
        var source = KnowledgeSource.Embedded();
        return source.FileNames.ToDictionary(n => n, n => source.Read(n).ToArray());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetPath.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("NetPath.slnx not found above the test output folder.");
    }
}
