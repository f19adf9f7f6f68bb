using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>Every code of codes.md is reachable: some test case or scenario recommends it (or asks for it, for work-up codes).</summary>
public class ReachabilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static IEnumerable<Assessment> Corpus()
    {
        foreach (var file in Scenario.Files("examples-pathways", "scenarios", "scenarios-pathways"))
            yield return Scenario.Load(file).Assess();
        for (var seed = 0; seed < 4000; seed++)
        {
            var read = NetPathEngine.Current.Read(RandomCases.Json(seed));
            if (read.IsValid) yield return NetPathEngine.Current.Assess(read.Case!, Today);
        }
    }

    [Fact]
    public void Every_care_code_is_reached_by_some_case()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var roles = new HashSet<TeamRole>();
        foreach (var a in Corpus())
        {
            foreach (var r in a.Recommendations) reached.Add(r.Code);
            foreach (var w in a.Workup) reached.Add(w.Code);
            foreach (var t in a.Team) roles.Add(t);
        }
        NetPath.Clinical.Engine.NetPathEngine.Current.Knowledge.Pathways.Codes.All.Select(c => c.Code).Where(c => !reached.Contains(c)).ShouldBeEmpty();
        Enum.GetValues<TeamRole>().Where(r => !roles.Contains(r)).ShouldBeEmpty();
    }
}
