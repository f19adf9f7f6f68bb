using System.Text.Json.Nodes;

namespace NetPath.Clinical.Tests.Staging;

/// <summary>The staging expectations of the contract's example cases (TestData/examples, see its README).</summary>
public sealed class GoldenExampleTests
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(StagingTestKit.TestData("examples"), "*.json").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Staging_matches_the_example(string file)
    {
        var example = JsonNode.Parse(File.ReadAllText(StagingTestKit.TestData("examples", file)))!.AsObject();
        var assessment = StagingTestKit.Assess(example["case"]!.ToJsonString());
        var expect = example["expect"]!.AsObject();
        foreach (var (key, system) in new[] { ("ajcc8", "AJCC8"), ("enets", "ENETS") })
        {
            if (expect[key] is not JsonObject fields) continue;
            var entry = assessment.Staging.Single(s => s.System == system);
            foreach (var (name, value) in fields)
            {
                var actual = name switch
                {
                    "t" => entry.T,
                    "n" => entry.N,
                    "m" => entry.M,
                    "group" => entry.Group,
                    "stageable" => entry.Stageable ? "true" : "false",
                    _ => throw new InvalidOperationException($"{file}: unknown staging field {name}"),
                };
                actual.ShouldBe(value!.ToString(), $"{file} {system}.{name}; basis: {string.Join(" | ", entry.Basis)}");
            }
        }
    }

    [Fact]
    public void Rectal_8mm_with_no_nodes_examined_is_NX_and_not_stageable()
    {
        var entry = GoldenAjcc("01-rectal-small.json");
        entry.N.ShouldBe("NX");
        entry.Stageable.ShouldBeFalse();
        entry.Group.ShouldBeNull();
    }

    [Fact]
    public void Colon_NEC_is_not_staged_by_the_NET_chapter()
    {
        var entry = GoldenAjcc("07-colon-nec.json");
        entry.Stageable.ShouldBeFalse();
        entry.T.ShouldBeNull();
        var assessment = StagingTestKit.Assess(JsonNode.Parse(File.ReadAllText(StagingTestKit.TestData("examples", "07-colon-nec.json")))!["case"]!.ToJsonString());
        assessment.Warnings.ShouldContain(w => w.Code == "staging-nec-not-net-chapter");
    }

    private static Assessments.StagingEntry GoldenAjcc(string file) =>
        StagingTestKit.Assess(JsonNode.Parse(File.ReadAllText(StagingTestKit.TestData("examples", file)))!["case"]!.ToJsonString())
            .Staging.Single(s => s.System == "AJCC8");
}
