using System.Text;
using System.Text.Json.Nodes;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Grading;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Tests.Knowledge;

/// <summary>The embedded knowledge version and the checks that keep a malformed grading.json from loading.</summary>
public class KnowledgeTests
{
    [Fact]
    public void The_newest_released_knowledge_is_current_and_older_versions_stay_loadable()
    {
        // Numeric order: a correction release 2026.11.1 is newer than 2026.11; drafts may follow.
        var versions = KnowledgeSource.EmbeddedVersions();
        versions.ShouldBe(versions.OrderBy(Version.Parse).ToList());
        versions.Take(2).ShouldBe(["2026.11", "2026.11.1"]);
        var newestReleased = KnowledgeChecks.Ledger()[^1].Version;
        var source = KnowledgeSource.Embedded();
        source.Version.ShouldBe(newestReleased);
        source.FileNames.ShouldContain("grading.json");
        source.FileNames.ShouldContain("manifest.json");
        KnowledgeSet.Current.Version.ShouldBe(newestReleased);
        KnowledgeSet.Load(KnowledgeSource.Embedded("2026.11")).Version.ShouldBe("2026.11");
    }

    [Fact]
    public void The_content_hash_is_sha256_hex_and_stable_across_loads()
    {
        var first = KnowledgeSource.Embedded("2026.11.1").ContentHash;
        first.Length.ShouldBe(64);
        first.ShouldAllBe(ch => char.IsAsciiHexDigitLower(ch) || char.IsAsciiDigit(ch));
        KnowledgeSource.Embedded("2026.11.1").ContentHash.ShouldBe(first);
        KnowledgeSet.Current.ContentHash.ShouldBe(first);
    }

    [Fact]
    public void The_content_hash_covers_every_byte_and_name()
    {
        var bytes = KnowledgeSource.Embedded().Read("grading.json").ToArray();
        var same = KnowledgeSource.FromFiles("x", new Dictionary<string, byte[]> { ["grading.json"] = bytes });
        KnowledgeSource.FromFiles("y", new Dictionary<string, byte[]> { ["grading.json"] = [.. bytes] }).ContentHash.ShouldBe(same.ContentHash);

        var changed = (byte[])bytes.Clone();
        changed[^2] ^= 0x20;
        KnowledgeSource.FromFiles("x", new Dictionary<string, byte[]> { ["grading.json"] = changed }).ContentHash.ShouldNotBe(same.ContentHash);
        KnowledgeSource.FromFiles("x", new Dictionary<string, byte[]> { ["grading2.json"] = bytes }).ContentHash.ShouldNotBe(same.ContentHash);
    }

    [Fact]
    public void An_unknown_version_is_refused() =>
        Should.Throw<ArgumentException>(() => KnowledgeSource.Embedded("1999.01"));

    [Fact]
    public void The_embedded_grading_loads_with_the_who_2019_cut_offs()
    {
        var g = GradingKnowledge.Load(KnowledgeSource.Embedded());
        g.Ki67Bands.Select(b => (b.Value, b.UpTo, b.Inclusive)).ShouldBe([(GradeValue.G1, 3, false), (GradeValue.G2, 20, true), (GradeValue.G3, null, false)]);
        g.MitosisBands.Select(b => (b.Value, b.UpTo, b.Inclusive)).ShouldBe([(GradeValue.G1, 2, false), (GradeValue.G2, 20, true), (GradeValue.G3, null, false)]);
        g.NecKi67Above.ShouldBe(20);
        g.TypicalCarcinoidMitosesBelow.ShouldBe(2);
        g.AtypicalCarcinoidMitosesUpTo.ShouldBe(10);
        g.NecrosisMakesAtypical.ShouldBeTrue();
        g.Gapp.Categories.Select(c => c.UpTo).ShouldBe([2, 6, 10]);
        g.Who2019Source.ShouldNotBeNullOrWhiteSpace();
        g.Gapp.Source.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_source_without_grading_json_does_not_load() =>
        Should.Throw<KnowledgeException>(() => GradingKnowledge.Load(KnowledgeSource.FromFiles("x", new Dictionary<string, byte[]>())));

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void Grading_json_that_is_not_the_grading_document_does_not_load(string text) =>
        Should.Throw<KnowledgeException>(() => Load(Encoding.UTF8.GetBytes(text)));

    public static TheoryData<string, string> Breakages => new()
    {
        { "an unknown grade", """{ "path": "who2019.ki67Percent[1].grade", "value": "G4" }""" },
        { "a band graded NEC", """{ "path": "who2019.ki67Percent[2].grade", "value": "NEC" }""" },
        { "grades out of order", """{ "path": "who2019.mitosesPer2mm2[0].grade", "value": "G2" }""" },
        { "falling bounds", """{ "path": "who2019.ki67Percent[1].upTo", "value": 2 }""" },
        { "equal bounds", """{ "path": "who2019.mitosesPer2mm2[1].upTo", "value": 2 }""" },
        { "a bounded last band", """{ "path": "who2019.ki67Percent[2].upTo", "value": 50 }""" },
        { "an unbounded middle band", """{ "path": "who2019.mitosesPer2mm2[1].upTo", "value": null }""" },
        { "a GAPP Ki-67 bounded last band", """{ "path": "gapp.ki67Percent[2].upTo", "value": 10 }""" },
        { "an unknown GAPP category", """{ "path": "gapp.categories[1].category", "value": "intermediate" }""" },
        { "a missing source", """{ "path": "who2019.source", "value": null }""" },
        { "a wrong type", """{ "path": "thoracic.necrosisMakesAtypical", "value": "yes" }""" },
        { "no comedo necrosis points", """{ "path": "gapp.comedoNecrosis", "value": { "absent": 0 } }""" },
        { "no invasion points", """{ "path": "gapp.vascularOrCapsularInvasion", "value": {} }""" },
        { "a GAPP pattern without points", """{ "path": "gapp.histologicPattern", "value": { "zellballen": 0, "large-irregular-nests": 1 } }""" },
        { "a GAPP cellularity without points", """{ "path": "gapp.cellularity", "value": { "low": 0, "high": 2 } }""" },
        { "a GAPP catecholamine type without points", """{ "path": "gapp.catecholamineType", "value": { "adrenergic": 0, "noradrenergic": 1 } }""" },
        { "a GAPP code the case does not know", """{ "path": "gapp.cellularity", "value": { "low": 0, "moderate": 1, "high": 2, "very-high": 3 } }""" },
        { "no GAPP categories", """{ "path": "gapp.categories", "value": [] }""" },
        { "GAPP categories that do not rise", """{ "path": "gapp.categories", "value": [ { "category": "well-differentiated", "upTo": 6 }, { "category": "moderately-differentiated", "upTo": 2 }, { "category": "poorly-differentiated", "upTo": 10 } ] }""" },
        { "no bands", """{ "path": "who2019.ki67Percent", "value": [] }""" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_malformed_grading_json_is_refused_with_a_knowledge_exception(string what, string change)
    {
        _ = what;
        var edit = JsonNode.Parse(change)!;
        var grading = JsonNode.Parse(KnowledgeSource.Embedded().Read("grading.json"))!;
        Set(grading, edit["path"]!.GetValue<string>(), edit["value"]?.DeepClone());
        Should.Throw<KnowledgeException>(() => Load(Encoding.UTF8.GetBytes(grading.ToJsonString())));
    }

    [Fact]
    public void The_unchanged_embedded_grading_json_loads_through_the_same_path()
    {
        var grading = JsonNode.Parse(KnowledgeSource.Embedded().Read("grading.json"))!;
        Load(Encoding.UTF8.GetBytes(grading.ToJsonString())).Ki67Bands.Count.ShouldBe(3);
    }

    private static GradingKnowledge Load(byte[] grading) =>
        GradingKnowledge.Load(KnowledgeSource.FromFiles("test", new Dictionary<string, byte[]> { ["grading.json"] = grading }));

    /// <summary>Sets a value at "a.b[1].c" inside a JSON document.</summary>
    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, index) = Split(parts[i]);
            var last = i == parts.Length - 1;
            if (index is null)
            {
                if (last) node![name] = value;
                else node = node![name];
            }
            else
            {
                var array = node![name]!.AsArray();
                if (last) array[index.Value] = value;
                else node = array[index.Value];
            }
        }
    }

    private static (string Name, int? Index) Split(string part)
    {
        var open = part.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? (part, null) : (part[..open], int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
