using System.Text.Json;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Tests.Knowledge;

/// <summary>
/// Every release reproduces itself: each released version is replayed against the golden record
/// written when it was released (knowledge/records/, docs/decisions/0012-golden-records.md).
/// </summary>
public sealed class GoldenRecordTests
{
    /// <summary>The scenario set a record covers: the acceptance scenarios and the contract examples.</summary>
    internal static IEnumerable<(string Name, string CaseJson)> ScenarioSet()
    {
        foreach (var folder in new[] { "scenarios", "scenarios-pathways", "examples" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", folder), "*.json").Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                yield return (folder + "/" + Path.GetFileName(file), doc.RootElement.GetProperty("case").GetRawText());
            }
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetPath.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NetPath.slnx not found above the test output folder.");
    }

    public static TheoryData<string> Released => [.. KnowledgeChecks.ReleasedHashes().Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Released))]
    public void A_released_version_gives_the_answers_of_its_golden_record(string version)
    {
        var path = Path.Combine(RepoRoot(), "knowledge", "records", version + ".json");
        var knowledge = KnowledgeSet.Load(KnowledgeSource.Embedded(version));
        // A record is written once, when its version is released, from the scenario set of that day.
        if (Environment.GetEnvironmentVariable("NETPATH_WRITE_GOLDEN") == version)
            File.WriteAllText(path, GoldenRecord.Create(knowledge, ScenarioSet()));
        File.Exists(path).ShouldBeTrue($"knowledge/records/{version}.json is missing: a released version has a golden record (docs/clinical/adding-knowledge.md, Releasing).");
        var record = File.ReadAllBytes(path);
        GoldenRecord.Check(knowledge, record).ShouldBeEmpty();
    }

    [Fact]
    public void A_changed_answer_is_caught_case_by_case()
    {
        var knowledge = KnowledgeSet.Load(KnowledgeSource.Embedded("2026.11"));
        var record = File.ReadAllText(Path.Combine(RepoRoot(), "knowledge", "records", "2026.11.json"));
        // The record says the rectal 8 mm G1 case is graded G1; make it claim G2.
        var line = record.Split('\n').First(l => l.Contains("\"name\":\"examples/01-rectal-small.json\"", StringComparison.Ordinal));
        var edited = record.Replace(line, line.Replace("\"grade\":\"WHO-2019 G1\"", "\"grade\":\"WHO-2019 G2\"", StringComparison.Ordinal), StringComparison.Ordinal);
        edited.ShouldNotBe(record);

        var problems = GoldenRecord.Check(knowledge, System.Text.Encoding.UTF8.GetBytes(edited));

        problems.ShouldHaveSingleItem().ShouldBe("examples/01-rectal-small.json: grade was WHO-2019 G2, now WHO-2019 G1.");
    }

    [Fact]
    public void A_record_made_with_other_knowledge_is_refused()
    {
        var record = File.ReadAllBytes(Path.Combine(RepoRoot(), "knowledge", "records", "2026.11.json"));
        var problems = GoldenRecord.Check(KnowledgeSet.Load(KnowledgeSource.Embedded("2026.11.1")), record);
        problems.ShouldContain(p => p.Contains("was made with content hash", StringComparison.Ordinal));
    }
}
