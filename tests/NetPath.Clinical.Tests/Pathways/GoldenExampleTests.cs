namespace NetPath.Clinical.Tests.Pathways;

/// <summary>The contract examples' treatment expectations (recommend, notRecommend, contraindicated).</summary>
public class GoldenExampleTests
{
    public static TheoryData<string> Examples() => [.. Scenario.Files("examples-pathways")];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_treatment_expectations_hold(string file)
    {
        var scenario = Scenario.Load(file);
        var failures = scenario.Check(scenario.Assess(), treatmentOnly: true);
        failures.ShouldBeEmpty($"{file}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void All_eight_examples_are_present() => Examples().Count.ShouldBe(8);
}
