using Hl7.Fhir.Model;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Knowledge;

namespace NetPath.Interop.Tests;

/// <summary>An assessment as FHIR: what it claims validates, it says what the assessment says, and it reads back to the same assessment.</summary>
public class ExportTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    internal static (Bundle Bundle, Clinical.Assessments.Assessment Assessment) Export(string id)
    {
        var json = TestCases.CaseJson(id);
        var wire = System.Text.Json.JsonSerializer.Deserialize(json, CaseJsonContext.Default.CaseDto)!;
        var assessment = TestCases.AssessJson(json);
        return (FhirExporter.Export(wire, assessment, KnowledgeSet.Current, Issued), assessment);
    }

    public static TheoryData<string> Scenarios => [.. TestCases.ScenarioIds()];

    /// <summary>One case per site and the richest plans, validated against every profile they claim.</summary>
    public static TheoryData<string> ValidatedScenarios =>
    [
        "ileum-15-prrt-egfr-29-contraindicated", "pancreas-23-progression-on-ssa", "lung-04-typical-31mm-ib", "adrenal-pheo-08-pregnant",
        "rectum-02-9mm-endoscopic-resection", "ileum-04-syndrome-liver-naive", "ileum-16-pregnant-progression", "stomach-01-type1-8mm-surveillance",
    ];

    [Theory]
    [MemberData(nameof(ValidatedScenarios))]
    public void The_export_validates_against_the_mcode_and_us_core_profiles_it_claims(string id)
    {
        var (bundle, _) = Export(id);
        Profiles.Errors(Profiles.Validate(bundle)).ShouldBeEmpty();
        bundle.Entry.ShouldContain(e => e.Resource!.Meta != null && e.Resource.Meta.Profile.Contains(FhirSystems.McodePrimaryCancerCondition));
    }

    [Fact]
    public void A_broken_export_does_not_validate()
    {
        // The test above would pass for an exporter that claimed nothing or a validator that checked nothing.
        var (bundle, _) = Export("ileum-15-prrt-egfr-29-contraindicated");
        var ecog = bundle.Entry.Select(e => e.Resource).OfType<Observation>().First(o => o.Meta?.Profile.Contains(FhirSystems.McodeEcog) == true);
        ecog.Code.Coding[0].Code = "89243-0";
        Profiles.Errors(Profiles.Validate(bundle)).ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Export_then_import_then_assess_gives_the_same_assessment(string id)
    {
        var (bundle, assessment) = Export(id);
        var json = FhirJson.Serialize(bundle);
        var imported = TestCases.Importer.Import(json, TestCases.ScenarioDate, id);
        imported.IsValid.ShouldBeTrue(string.Join("; ", imported.CaseErrors.Select(e => $"{e.Error.Path}: {e.Error.Message}")));
        TestCases.Json(NetPathEngine.Current.Assess(imported.Case!, TestCases.ScenarioDate)).ShouldBe(TestCases.Json(assessment));
    }

    [Fact]
    public void The_plan_carries_each_recommendation_with_its_code_strength_rationale_and_evidence()
    {
        var (bundle, assessment) = Export("ileum-15-prrt-egfr-29-contraindicated");
        var plan = bundle.Entry.Select(e => e.Resource).OfType<CarePlan>().ShouldHaveSingleItem();
        var everolimus = assessment.Recommendations.First(r => r.Code == "systemic.everolimus");
        var activity = plan.Activity.Where(a => a.Detail!.Code!.Coding.Any(c => c.System == FhirSystems.CareCodeSystem && c.Code == "systemic.everolimus")).ShouldHaveSingleItem();
        activity.Detail!.Description.ShouldBe(everolimus.Rationale);
        ((Code)activity.Extension.Single(x => x.Url == FhirSystems.StrengthExtension).Value!).Value.ShouldBe(Clinical.Cases.WireCode<Clinical.Assessments.Strength>.Of(everolimus.Strength));
        activity.Extension.Count(x => x.Url == FhirSystems.EvidenceExtension).ShouldBe(everolimus.Evidence.Count);
        plan.Activity.Count(a => a.Detail!.Status == CarePlan.CarePlanActivityStatus.Scheduled).ShouldBe(assessment.FollowUp.Count);
    }

    [Fact]
    public void What_the_case_rules_out_is_a_detected_issue_with_its_reason()
    {
        var (bundle, assessment) = Export("ileum-15-prrt-egfr-29-contraindicated");
        var prrt = assessment.Contraindicated.First(c => c.Code == "systemic.prrt");
        var issue = bundle.Entry.Select(e => e.Resource).OfType<DetectedIssue>().Where(d => d.Code!.Coding[0].Code == "systemic.prrt").ShouldHaveSingleItem();
        issue.Detail.ShouldBe(prrt.Reason);
        issue.Severity.ShouldBe(DetectedIssue.DetectedIssueSeverity.High);
    }

    [Fact]
    public void The_stage_group_is_an_ajcc_8_mcode_stage_group_with_its_categories()
    {
        var (bundle, assessment) = Export("ileum-04-syndrome-liver-naive");
        var ajcc = assessment.Staging.First(s => s.System == "AJCC8");
        var group = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Where(o => o.Meta?.Profile.Contains(FhirSystems.McodeStageGroup) == true).ShouldHaveSingleItem();
        ((CodeableConcept)group.Value!).Coding[0].Code.ShouldBe(ajcc.Group);
        group.Method!.Coding[0].Code.ShouldBe("897275008");
        group.HasMember.Count.ShouldBe(3);
        var members = group.HasMember.Select(m => bundle.Entry.Single(e => e.FullUrl == m.Reference).Resource).Cast<Observation>();
        members.Select(m => ((CodeableConcept)m.Value!).Coding[0].Code).ShouldBe([ajcc.T, ajcc.N, ajcc.M]);
    }

    [Fact]
    public void The_provenance_names_the_knowledge_version_and_its_hash_and_covers_every_conclusion()
    {
        var (bundle, _) = Export("ileum-15-prrt-egfr-29-contraindicated");
        var provenance = bundle.Entry.Select(e => e.Resource).OfType<Provenance>().ShouldHaveSingleItem();
        provenance.Entity[0].What!.Identifier!.Value.ShouldBe(KnowledgeSet.Current.Version);
        ((FhirString)provenance.Entity[0].Extension[0].Value!).Value.ShouldBe(KnowledgeSet.Current.ContentHash);
        var derived = bundle.Entry.Where(e => e.Resource!.Meta?.Tag.Any(t => t.Code == FhirSystems.DerivedTag) == true && e.Resource is not Provenance).Select(e => e.FullUrl);
        provenance.Target.Select(t => t.Reference).ShouldBe(derived, ignoreOrder: true);
    }

    [Fact]
    public void Exporting_twice_gives_the_same_bytes()
    {
        FhirJson.Serialize(Export("pancreas-23-progression-on-ssa").Bundle).ShouldBe(FhirJson.Serialize(Export("pancreas-23-progression-on-ssa").Bundle));
    }

    [Fact]
    public void The_care_code_system_holds_every_code_of_the_vocabulary_and_validates()
    {
        var cs = NetPathTerminology.CareCodes(KnowledgeSet.Current);
        cs.Concept.Select(c => c.Code).ShouldBe(Clinical.Assessments.CareCodes.All.Select(c => c.Code));
        cs.Version.ShouldBe(KnowledgeSet.Current.Version);
        Profiles.Errors(Profiles.Validate(cs)).ShouldBeEmpty();
        foreach (var vs in NetPathTerminology.ValueSets(KnowledgeSet.Current)) Profiles.Errors(Profiles.Validate(vs)).ShouldBeEmpty();
        Profiles.Errors(Profiles.Validate(NetPathTerminology.CaseFactCodes(KnowledgeSet.Current))).ShouldBeEmpty();
        Profiles.Errors(Profiles.Validate(NetPathTerminology.CaseValueCodes(KnowledgeSet.Current))).ShouldBeEmpty();
    }
}
