namespace NetPath.Clinical.Tests.Pathways;

/// <summary>
/// Guideline scenarios: one row per file in TestData/scenarios (written from the guidelines) and
/// TestData/scenarios-pathways (the pathway engine's own), each checked against every expectation it gives.
/// </summary>
public class ScenarioTests
{
    /// <summary>scenarios-drafts: the scenarios of draft knowledge, each naming the version it is written for.</summary>
    public static TheoryData<string> Scenarios() => [.. Scenario.Files("scenarios", "scenarios-pathways", "scenarios-drafts")];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_expectations_hold(string file)
    {
        var scenario = Scenario.Load(file);
        var failures = scenario.Check(scenario.Assess(), treatmentOnly: false);
        failures.ShouldBeEmpty($"{file}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void The_runner_finds_the_pathway_scenarios() => Scenario.Files("scenarios-pathways").Count().ShouldBeGreaterThanOrEqualTo(10);
}
