using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Tests.Knowledge;

/// <summary>Released knowledge is never edited in place (docs/decisions/0002).</summary>
public sealed class ReleaseTests
{
    [Fact]
    public void Every_embedded_version_passes_its_checks_and_released_ones_still_hash_as_released()
    {
        var reports = KnowledgeChecks.ValidateEmbedded();

        reports.ShouldNotBeEmpty();
        reports.ShouldAllBe(r => r.Problems.Count == 0);
        reports.ShouldContain(r => r.Version == "2026.11" && r.Released);
    }

    [Fact]
    public void No_draft_knowledge_ships()
    {
        // The engine applies the newest version: a draft must be released (knowledge/README.md) before it lands.
        KnowledgeChecks.ValidateEmbedded().Where(r => !r.Released).Select(r => r.Version).ShouldBeEmpty();
    }

    [Fact]
    public void A_released_version_whose_files_changed_is_refused()
    {
        var released = KnowledgeSource.Embedded("2026.11");
        var files = released.FileNames.ToDictionary(n => n, n => released.Read(n).ToArray());
        files["grading.json"] = [.. files["grading.json"], (byte)' '];
        var edited = KnowledgeSource.FromFiles("2026.11", files);

        KnowledgeChecks.CheckRelease(edited, KnowledgeChecks.ReleasedHashes()).Count.ShouldBe(1);
        KnowledgeChecks.CheckRelease(released, KnowledgeChecks.ReleasedHashes()).ShouldBeEmpty();
    }
}
