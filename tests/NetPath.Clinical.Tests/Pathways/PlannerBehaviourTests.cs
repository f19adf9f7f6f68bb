using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Pathways;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>Behaviour of the planner beyond single scenarios: lines, trace, unknown facts, contraindication listing.</summary>
public class PlannerBehaviourTests
{
    private static Assessment Assess(string json)
    {
        var read = NetPathEngine.Current.Read(json);
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors.Select(e => e.Path + " " + e.Code)));
        return NetPathEngine.Current.Assess(read.Case!, new DateOnly(2026, 11, 23));
    }

    private const string MetastaticIleum = """
        { "schemaVersion": "1", "patient": { "sex": "male", "ageYears": 60, "ecog": 1 },
          "tumour": { "primarySite": "ileum", "differentiation": "well", "ki67Percent": 4, "mitosesPer2mm2": 1,
                      "metastases": { "liver": true, "extrahepatic": [] }, "resectability": "unresectable", "functionalSyndrome": "none" }
          SSTR
          HISTORY }
        """;

    private static string Ileum(string sstr, string history) => MetastaticIleum.Replace("SSTR", sstr).Replace("HISTORY", history);

    [Fact]
    public void Unknown_sstr_status_asks_for_sstr_pet_instead_of_recommending_ssa()
    {
        var a = Assess(Ileum("", ""));
        a.Recommendations.ShouldNotContain(r => r.Code == "systemic.ssa");
        a.Workup.ShouldContain(w => w.Code == "workup.sstr-pet");
        a.MissingData.ShouldContain(m => m.Field == "imaging.sstrPet");
    }

    [Fact]
    public void First_line_ssa_is_line_one_and_prrt_after_progression_is_line_two()
    {
        var sstr = """, "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 3 } }, "labs": { "egfrMlMin": 80 }""";
        var first = Assess(Ileum(sstr, ""));
        var ssa = first.Recommendations.Single(r => r.Code == "systemic.ssa");
        ssa.Line.ShouldBe(1);
        ssa.Strength.ShouldBe(Strength.Preferred);
        ssa.Rationale.ShouldContain("4 %");
        first.Recommendations.ShouldNotContain(r => r.Code == "systemic.prrt");

        var second = Assess(Ileum(sstr, """, "history": { "priorTherapies": [ { "code": "systemic.ssa", "outcome": "progression" } ] }"""));
        var prrt = second.Recommendations.Single(r => r.Code == "systemic.prrt");
        prrt.Line.ShouldBe(2);
        prrt.Strength.ShouldBe(Strength.Preferred);
        prrt.RuleId.ShouldBe("net.prrt.after-ssa.midgut");
        // SSA is not offered again for tumour control, only alongside PRRT as in NETTER-1, and says so.
        second.Recommendations.Single(r => r.Code == "systemic.ssa").Rationale.ShouldContain("NETTER-1");
    }

    [Fact]
    public void The_trace_says_what_would_make_a_near_miss_fire()
    {
        var sstr = """, "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 3 } }""";
        var a = Assess(Ileum(sstr, ""));
        var near = a.Explanation.Single(t => t.RuleId == "net.prrt.first-line.netter2");
        near.Outcome.ShouldBe(RuleOutcome.NearlyFired);
        near.Detail!.ShouldContain("Ki-67 of at least 10 %");
        a.Explanation.ShouldContain(t => t.RuleId == "net.ssa.first-line" && t.Outcome == RuleOutcome.Fired);
    }

    [Fact]
    public void A_contraindicated_code_is_listed_with_reason_source_and_rule_never_recommended()
    {
        var sstr = """, "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 4 } }, "labs": { "egfrMlMin": 20 }""";
        var a = Assess(Ileum(sstr, """, "history": { "priorTherapies": [ { "code": "systemic.ssa", "outcome": "progression" } ] }"""));
        a.Recommendations.ShouldNotContain(r => r.Code == "systemic.prrt");
        var c = a.Contraindicated.Single(x => x.Code == "systemic.prrt");
        c.Reason.ShouldContain("20 mL/min");
        c.Source.ShouldNotBeNullOrWhiteSpace();
        c.RuleId.ShouldBe("prrt.egfr-under-30");
    }

    [Fact]
    public void Cautions_attach_to_the_recommendation_they_concern()
    {
        var sstr = """, "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 4 } }, "labs": { "egfrMlMin": 40, "plateletsPerNl": 60 }""";
        var a = Assess(Ileum(sstr, """, "history": { "priorTherapies": [ { "code": "systemic.ssa", "outcome": "progression" } ] }"""));
        a.Recommendations.Single(r => r.Code == "systemic.prrt").Cautions.Count.ShouldBe(2);
    }

    [Fact]
    public void No_follow_up_schedule_after_cure_of_a_small_rectal_net()
    {
        var a = Assess("""
            { "schemaVersion": "1", "tumour": { "primarySite": "rectum", "differentiation": "well", "ki67Percent": 1, "mitosesPer2mm2": 0,
              "sizeMm": 6, "depth": "submucosa", "lymphovascularInvasion": false, "metastases": { "liver": false, "extrahepatic": [] },
              "functionalSyndrome": "none", "resection": { "done": true, "margin": "R0" } } }
            """);
        a.Recommendations.ShouldContain(r => r.Code == "followup.none-needed");
        a.FollowUp.ShouldBeEmpty();
    }

    [Fact]
    public void Follow_up_after_resection_of_a_g2_net_runs_ten_years()
    {
        var a = Assess("""
            { "schemaVersion": "1", "tumour": { "primarySite": "ileum", "differentiation": "well", "ki67Percent": 8, "mitosesPer2mm2": 2,
              "sizeMm": 16, "lymphNodes": { "examined": 14, "positive": 3 }, "metastases": { "liver": false, "extrahepatic": [] },
              "functionalSyndrome": "none", "resection": { "done": true, "margin": "R0" } } }
            """);
        var imaging = a.FollowUp.Single(f => f.Test == "cross-sectional-imaging");
        imaging.EveryMonths.ShouldBe(6);
        imaging.ForYears.ShouldBe(10);
        imaging.Source.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Pregnancy_contraindications_are_listed_even_when_nothing_proposed_them()
    {
        var a = Assess("""
            { "schemaVersion": "1", "patient": { "sex": "female", "ageYears": 30, "pregnant": true },
              "tumour": { "primarySite": "appendix", "differentiation": "well", "ki67Percent": 1, "sizeMm": 8,
              "metastases": { "liver": false, "extrahepatic": [] }, "functionalSyndrome": "none" } }
            """);
        a.Contraindicated.Select(c => c.Code).ShouldContain("systemic.prrt");
        a.Recommendations.ShouldContain(r => r.Code == "surgery.appendectomy" && r.Cautions.Count > 0);
        a.Recommendations.ShouldContain(r => r.Code == "team.tumour-board" && r.Rationale.Contains("obstetrics"));
    }
}

public class PlanSerialisationTests
{
    [Fact]
    public void The_json_carries_rule_ids_but_not_the_explain_trace()
    {
        var read = NetPathEngine.Current.Read("""{ "schemaVersion": "1", "tumour": { "primarySite": "appendix", "differentiation": "well", "ki67Percent": 1, "sizeMm": 25, "metastases": { "liver": false, "extrahepatic": [] }, "functionalSyndrome": "none" } }""");
        var a = NetPathEngine.Current.Assess(read.Case!, new DateOnly(2026, 11, 23));
        a.Explanation.ShouldNotBeEmpty();
        var json = System.Text.Json.JsonSerializer.Serialize(a, AssessmentJsonContext.Default.Assessment);
        json.ShouldContain("\"ruleId\":\"appendix.large.hemicolectomy\"");
        json.ShouldNotContain("explanation");
    }
}
