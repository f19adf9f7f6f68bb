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
    public void A_version_not_in_the_ledger_ships_only_as_a_draft_and_is_never_the_default()
    {
        var ledger = KnowledgeChecks.ReleasedHashes();
        foreach (var version in KnowledgeSource.EmbeddedVersions().Where(v => !ledger.ContainsKey(v)))
            KnowledgeSource.Embedded(version).IsDraft.ShouldBeTrue($"{version} is neither in releases.json nor a draft");
        KnowledgeSource.DefaultVersion().ShouldBe(ledger.Keys.OrderBy(Version.Parse).Last());
        KnowledgeSet.Current.Source.IsDraft.ShouldBeFalse();
    }

    [Fact]
    public void A_version_that_is_neither_released_nor_a_draft_is_refused()
    {
        var manifest = """{ "version": "2099.01", "parent": "2026.11.1" }"""u8.ToArray();
        var undeclared = KnowledgeSource.FromFiles("2099.01", new Dictionary<string, byte[]> { ["manifest.json"] = manifest }, KnowledgeSource.Embedded("2026.11.1"));
        KnowledgeChecks.CheckStatus(undeclared, KnowledgeChecks.ReleasedHashes()).ShouldHaveSingleItem().ShouldContain("neither", Case.Insensitive);
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

    [Fact]
    public void A_version_number_written_outside_the_manifest_is_refused()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["manifest.json"] = """{ "version": "2099.01", "parent": "2026.11.1", "status": "draft" }"""u8.ToArray(),
            ["codes.json"] = """{ "$comment": "Codes added in 2099.01.", "codes": [] }"""u8.ToArray(),
        };
        var child = KnowledgeSource.FromFiles("2099.01", files, KnowledgeSource.Embedded("2026.11.1"));
        KnowledgeChecks.CheckVersionWrittenOnce(child).ShouldHaveSingleItem().ShouldContain("codes.json names the version");
        KnowledgeChecks.CheckVersionWrittenOnce(KnowledgeSource.Embedded("2026.12")).ShouldBeEmpty();
    }
}
