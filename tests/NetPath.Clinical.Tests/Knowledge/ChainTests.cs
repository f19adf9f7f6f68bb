using System.Text;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Tests.Knowledge;

/// <summary>
/// A version is a change (docs/decisions/0011): it names its parent, holds only what it changes,
/// and the loader composes the chain; the vocabulary belongs to the version.
/// </summary>
public sealed class ChainTests
{
    private static readonly KnowledgeSource Parent = KnowledgeSource.Embedded("2026.11.1");

    private static KnowledgeSet Child(params (string Name, string Json)[] files)
    {
        var all = files.ToDictionary(f => f.Name, f => Encoding.UTF8.GetBytes(f.Json));
        all.TryAdd("manifest.json", Encoding.UTF8.GetBytes("""{ "version": "2099.01", "parent": "2026.11.1", "status": "draft" }"""));
        return KnowledgeSet.Load(KnowledgeSource.FromFiles("2099.01", all, Parent));
    }

    [Fact]
    public void A_child_with_only_a_manifest_reads_every_file_of_its_parent()
    {
        var child = Child();
        var parent = KnowledgeSet.Load(Parent);
        child.Source.FileNames.ShouldBe(Parent.FileNames);
        child.Pathways.Rules.Select(r => r.Id).ShouldBe(parent.Pathways.Rules.Select(r => r.Id));
        KnowledgeDiff.Compare(parent, child).ShouldBe(["No change in what the knowledge recommends, grades or stages."]);
        // The hash pins the chain: the parent's hash and the child's own files.
        child.ContentHash.ShouldNotBe(parent.ContentHash);
    }

    [Fact]
    public void A_rule_is_replaced_in_place_withdrawn_or_added_by_id()
    {
        var parent = KnowledgeSet.Load(Parent);
        var sunitinib = parent.Pathways.Rules.Single(r => r.Id == "ppgl.sunitinib");
        var child = Child(("pathways/ppgl.json", """
            {
              "withdraw": ["ppgl.chemo"],
              "rules": [
                { "id": "ppgl.sunitinib", "code": "systemic.sunitinib", "strength": "consider", "intent": "disease-control", "priority": 25,
                  "when": ["family:ppgl", "advanced"], "rationale": "Advanced PPGL: sunitinib.", "evidence": [{ "source": "litespark-015", "locator": "test", "kind": "trial" }] },
                { "id": "ppgl.new", "kind": "workup", "code": "workup.metanephrines", "when": ["family:ppgl"], "reason": "r", "evidence": [{ "source": "litespark-015", "locator": "test", "kind": "trial" }] }
              ]
            }
            """));

        var ppgl = child.Pathways.Files.Single(f => f.Name == "ppgl");
        ppgl.Title.ShouldBe("Pheochromocytoma and paraganglioma");
        var ids = ppgl.Rules.Select(r => r.Id).ToList();
        ids.ShouldNotContain("ppgl.chemo");
        ids[^1].ShouldBe("ppgl.new");
        var parentIds = parent.Pathways.Files.Single(f => f.Name == "ppgl").Rules.Select(r => r.Id).ToList();
        ids.IndexOf("ppgl.sunitinib").ShouldBe(parentIds.IndexOf("ppgl.sunitinib"));
        var replaced = ppgl.Rules.Single(r => r.Id == "ppgl.sunitinib");
        replaced.Strength.ShouldBe(Strength.Consider);
        sunitinib.Strength.ShouldBe(Strength.Alternative);
        replaced.Evidence.Single().Source.ShouldStartWith("LITESPARK-015 (NCT04924075)");
        replaced.Evidence.Single().Source.ShouldEndWith("(test) https://clinicaltrials.gov/study/NCT04924075");

        var diff = KnowledgeDiff.Compare(parent, child);
        diff.ShouldContain("  Changed: sunitinib, consider:");
        diff.ShouldContain("    was: sunitinib, alternative; now: sunitinib, consider.");
        diff.ShouldContain("  Withdrawn: capecitabine with temozolomide, consider.");
        diff.ShouldContain("  Added: work-up: plasma or urine metanephrines.");
    }

    [Fact]
    public void Withdrawing_a_rule_the_parent_does_not_have_is_refused() =>
        Should.Throw<KnowledgeException>(() => Child(("pathways/ppgl.json", """{ "withdraw": ["ppgl.nothing"] }""")))
            .Message.ShouldContain("ppgl.nothing");

    [Fact]
    public void A_rule_may_use_only_codes_its_own_version_declares()
    {
        // systemic.belzutifan is declared by the draft 2026.12: a sibling that does not declare it cannot use it.
        var ex = Should.Throw<KnowledgeException>(() => Child(("pathways/ppgl.json", """
            { "rules": [ { "id": "ppgl.x", "code": "systemic.belzutifan", "strength": "consider", "intent": "disease-control", "when": ["family:ppgl"],
                           "rationale": "x", "evidence": [{ "source": "litespark-015", "locator": "test", "kind": "trial" }] } ] }
            """)));
        ex.Message.ShouldContain("systemic.belzutifan");
        ex.Message.ShouldContain("not a code this knowledge version declares");
    }

    [Fact]
    public void A_new_code_needs_its_patient_words_and_a_contract_category()
    {
        Should.Throw<KnowledgeException>(() => Child(("codes.json", """{ "codes": [ { "code": "systemic.newdrug", "category": "systemic", "label": "a new drug" } ] }""")))
            .Message.ShouldContain("no text for code systemic.newdrug");
        Should.Throw<KnowledgeException>(() => Child(("codes.json", """{ "codes": [ { "code": "systemic.newdrug", "category": "pills", "label": "a new drug", "patient": "A new drug." } ] }""")))
            .Message.ShouldContain("'pills' is not a category");
        Should.Throw<KnowledgeException>(() => Child(("codes.json", """{ "codes": [ { "code": "systemic.prrt", "category": "systemic", "label": "something else", "patient": "p" } ] }""")))
            .Message.ShouldContain("never changes meaning");
    }

    [Fact]
    public void A_source_id_that_is_not_in_the_registry_or_has_no_locator_is_refused()
    {
        static string Rule(string evidence) => $$"""
            { "rules": [ { "id": "ppgl.y", "code": "systemic.sunitinib", "strength": "consider", "intent": "disease-control", "when": ["family:ppgl"],
                           "rationale": "y", "evidence": [{{evidence}}] } ] }
            """;
        Should.Throw<KnowledgeException>(() => Child(("pathways/ppgl.json", Rule("""{ "source": "no-such-source", "locator": "p. 1", "kind": "trial" }"""))))
            .Message.ShouldContain("no-such-source is not in knowledge/sources.json");
        Should.Throw<KnowledgeException>(() => Child(("pathways/ppgl.json", Rule("""{ "source": "litespark-015", "kind": "trial" }"""))))
            .Message.ShouldContain("needs a locator");
    }

    [Fact]
    public void The_released_versions_declare_the_first_vocabulary_and_the_draft_adds_belzutifan()
    {
        var released = KnowledgeSet.Load(KnowledgeSource.Embedded("2026.11"));
        var draft = KnowledgeSet.Load(KnowledgeSource.Embedded("2026.12"));
        released.Pathways.Codes.All.Count.ShouldBe(67);
        released.Pathways.Codes.Contains("systemic.belzutifan").ShouldBeFalse();
        KnowledgeSet.Current.Pathways.Codes.Contains("systemic.belzutifan").ShouldBeFalse();
        draft.Pathways.Codes.TryGet("systemic.belzutifan", out var code).ShouldBeTrue();
        code.Category.ShouldBe("systemic");
        draft.Pathways.PatientLanguage.ForCode("systemic.belzutifan").ShouldContain("pregnancy");
        draft.Source.Parent!.Version.ShouldBe("2026.11.1");
        draft.Source.OwnFileNames.ShouldBe(["codes.json", "manifest.json", "pathways/ppgl.json", "pathways/safety-pregnancy.json"]);
    }

    [Fact]
    public void The_draft_rules_belzutifan_out_in_pregnancy()
    {
        const string pregnant = """
            { "schemaVersion": "1", "id": "draft-belzutifan-pregnant", "assessmentDate": "2026-12-06",
              "patient": { "sex": "female", "ageYears": 31, "ecog": 0, "pregnant": true },
              "tumour": { "primarySite": "adrenal", "histologicType": "pheochromocytoma", "sizeMm": 70, "functionalSyndrome": "catecholamine-excess",
                          "metastases": { "liver": true, "extrahepatic": [] }, "resectability": "unresectable" } }
            """;
        var engine = NetPathEngine.ForVersion("2026.12");
        var read = engine.Read(pregnant);
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors.Select(e => e.Code + " " + e.Path)));
        var a = engine.Assess(read.Case!, new DateOnly(2026, 12, 6));
        a.Recommendations.Select(r => r.Code).ShouldNotContain("systemic.belzutifan");
        a.Contraindicated.Select(c => c.Code).ShouldContain("systemic.belzutifan");
    }
}
