using System.Text;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Knowledge;
using NetPath.Clinical.Pathways;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>The rule files load, every rule is sourced, and a malformed rule is a build defect named by its id.</summary>
public class PathwayKnowledgeTests
{
    private static PathwayKnowledge Rules => KnowledgeSet.Current.Pathways;

    [Fact]
    public void Rules_load_with_evidence_and_text()
    {
        Rules.Rules.Count.ShouldBeGreaterThan(150);
        Rules.Rules.ShouldAllBe(r => r.Evidence.Count > 0 && !string.IsNullOrWhiteSpace(r.Text));
        Rules.Rules.Select(r => r.Id).Distinct().Count().ShouldBe(Rules.Rules.Count);
    }

    [Fact]
    public void Recommendations_carry_would_change_or_are_supportive() =>
        Rules.Rules.Where(r => r.Kind == RuleKind.Recommend && r.Intent is Intent.Curative or Intent.DiseaseControl && r.WouldChange.Count == 0)
            .Select(r => r.Id).ShouldBeEmpty();

    [Fact]
    public void Every_treatment_contraindicated_in_pregnancy_is_covered()
    {
        var pregnancy = Rules.Rules.Where(r => r.Kind == RuleKind.Contraindicate && r.Conditions.Any(c => c.Expression == "pregnant")).SelectMany(r => r.Codes).ToHashSet();
        foreach (var code in new[] { "systemic.prrt", "systemic.everolimus", "systemic.sunitinib", "systemic.cabozantinib", "systemic.captem", "systemic.streptozocin-5fu", "systemic.platinum-etoposide", "systemic.folfiri", "systemic.folfox" })
            pregnancy.ShouldContain(code);
    }

    private static KnowledgeSource With(string extraRuleJson)
    {
        var current = KnowledgeSource.Embedded();
        var files = current.FileNames.ToDictionary(n => n, n => current.Read(n).ToArray());
        files["pathways/zz-test.json"] = Encoding.UTF8.GetBytes($$"""{ "title": "t", "about": "a", "rules": [ {{extraRuleJson}} ] }""");
        return KnowledgeSource.FromFiles(current.Version, files);
    }

    [Theory]
    [InlineData("""{ "id": "x1", "code": "systemic.ssa", "strength": "preferred", "intent": "disease-control", "when": ["no-such-fact"], "rationale": "r", "evidence": [{ "source": "s", "kind": "guideline" }] }""", "no-such-fact")]
    [InlineData("""{ "id": "x2", "code": "systemic.magic", "strength": "preferred", "intent": "disease-control", "when": [], "rationale": "r", "evidence": [{ "source": "s", "kind": "guideline" }] }""", "systemic.magic")]
    [InlineData("""{ "id": "x3", "code": "systemic.ssa", "strength": "preferred", "intent": "disease-control", "when": [], "rationale": "r", "evidence": [] }""", "x3")]
    [InlineData("""{ "id": "x4", "code": "systemic.ssa", "strength": "preferred", "intent": "disease-control", "when": ["site:moon"], "rationale": "r", "evidence": [{ "source": "s", "kind": "guideline" }] }""", "moon")]
    [InlineData("""{ "id": "x5", "code": "systemic.ssa", "strength": "preferred", "intent": "disease-control", "when": [], "rationale": "{nope}", "evidence": [{ "source": "s", "kind": "guideline" }] }""", "nope")]
    [InlineData("""{ "id": "x6", "code": "systemic.ssa", "strength": "best", "intent": "disease-control", "when": [], "rationale": "r", "evidence": [{ "source": "s", "kind": "guideline" }] }""", "x6")]
    [InlineData("""{ "id": "all.tumour-board", "code": "systemic.ssa", "strength": "preferred", "intent": "disease-control", "when": [], "rationale": "r", "evidence": [{ "source": "s", "kind": "guideline" }] }""", "all.tumour-board")]
    public void A_malformed_rule_fails_the_load_naming_it(string rule, string named)
    {
        var ex = Should.Throw<KnowledgeException>(() => PathwayKnowledge.Load(With(rule)));
        ex.Message.ShouldContain(named);
    }

    [Fact]
    public void A_well_formed_extra_rule_loads() =>
        PathwayKnowledge.Load(With("""{ "id": "x7", "code": "systemic.ssa", "strength": "consider", "intent": "disease-control", "when": ["ki67<10", "!pregnant", "?sstr-positive"], "rationale": "Ki-67 {ki67Percent}", "evidence": [{ "source": "s", "kind": "guideline" }] }"""))
            .Rules.ShouldContain(r => r.Id == "x7");
}
