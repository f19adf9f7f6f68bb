using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Engine;
using NetPath.Web.Components.History;

namespace NetPath.Web.Tests.History;

/// <summary>What changed in the outcome between two assessments (docs/decisions/0531).</summary>
public sealed class OutcomeDiffTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static Assessment Assess(double ki67)
    {
        var read = NetPathEngine.Current.Read("""
            {"schemaVersion":"1","tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":KI67,"sizeMm":45,
             "metastases":{"liver":true,"extrahepatic":[]}}}
            """.Replace("KI67", ki67.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        read.IsValid.ShouldBeTrue();
        return NetPathEngine.Current.Assess(read.Case!, Day);
    }

    private static Assessment Bare() => new()
    {
        KnowledgeVersion = "2026.11",
        Classification = new Classification { Family = ClassificationFamily.GepNet, Site = PrimarySite.Ileum, Differentiation = Differentiation.Well },
        Grade = new Grade { System = GradeSystem.Who2019, Value = GradeValue.G2 },
    };

    private static Recommendation Rec(string code, Strength strength, int? line = null) => new()
    {
        Code = code, Category = "systemic", Strength = strength, Intent = Intent.DiseaseControl, Line = line,
        Rationale = "because", Evidence = [new Evidence("source", EvidenceKind.Guideline)],
    };

    [Fact]
    public void A_reworded_reason_or_message_is_not_a_change()
    {
        var before = Bare() with
        {
            Contraindicated = [new Contraindication { Code = "systemic.prrt", Reason = "SSTR negative" }],
            Warnings = [new Warning("cga-on-ppi", "text")],
        };
        var after = Bare() with
        {
            Contraindicated = [new Contraindication { Code = "systemic.prrt", Reason = "No SSTR uptake" }],
            Warnings = [new Warning("cga-on-ppi", "other text")],
        };
        OutcomeDiff.Between(before, after).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void An_assessment_against_itself_has_no_change()
    {
        var a = Assess(12);
        OutcomeDiff.Between(a, a).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_higher_Ki67_shows_as_a_grade_change_of_real_engine_output()
    {
        var diff = OutcomeDiff.Between(Assess(2), Assess(12));
        diff.Facts.ShouldContain(new OutcomeChange("grade", DiffKind.Changed, "G1", "G2"));
        diff.Facts.ShouldContain(new OutcomeChange("grade.byKi67", DiffKind.Changed, "G1", "G2"));
        diff.Facts.ShouldNotContain(c => c.Key.StartsWith("classification.", StringComparison.Ordinal));
        diff.Facts.ShouldNotContain(c => c.Key == "knowledgeVersion");
    }

    [Fact]
    public void Recommendations_are_matched_by_code_added_removed_or_changed_in_strength()
    {
        var before = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Preferred, 1), Rec("systemic.everolimus", Strength.Consider)] };
        var after = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Alternative, 1), Rec("systemic.prrt", Strength.Preferred, 2)] };
        var diff = OutcomeDiff.Between(before, after);
        diff.Recommendations.ShouldBe(
        [
            new OutcomeChange("systemic.ssa", DiffKind.Changed, "preferred, disease-control, line 1", "alternative, disease-control, line 1"),
            new OutcomeChange("systemic.prrt", DiffKind.Added, null, "preferred, disease-control, line 2"),
            new OutcomeChange("systemic.everolimus", DiffKind.Removed, "consider, disease-control", null),
        ]);
        diff.Facts.ShouldBeEmpty();
    }

    [Fact]
    public void A_reworded_rationale_is_not_a_change_and_a_code_listed_twice_is_not_lost()
    {
        var before = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Preferred, 1), Rec("systemic.ssa", Strength.Preferred, 2)] };
        var after = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Preferred, 1) with { Rationale = "reworded" }] };
        OutcomeDiff.Between(before, before with { Recommendations = [.. before.Recommendations.Select(r => r with { Rationale = "other words" })] }).IsEmpty.ShouldBeTrue();
        OutcomeDiff.Between(before, after).Recommendations.ShouldBe(
            [new OutcomeChange("systemic.ssa", DiffKind.Changed, "preferred, disease-control, line 1; preferred, disease-control, line 2", "preferred, disease-control, line 1")]);
    }

    [Fact]
    public void Staging_ruled_out_missing_data_warnings_follow_up_and_knowledge_version_are_compared()
    {
        var before = Bare() with
        {
            Staging = [new StagingEntry { System = "AJCC8", T = "T2", N = "N0", M = "M0", Group = "II", Stageable = true }],
            Contraindicated = [new Contraindication { Code = "systemic.prrt", Reason = "SSTR negative" }],
            MissingData = [new MissingDatum("tumour.ki67Percent", "grade")],
            FollowUp = [new FollowUpItem { Test = "ct-mri", EveryMonths = 6 }],
        };
        var after = Bare() with
        {
            KnowledgeVersion = "2027.01",
            Staging =
            [
                new StagingEntry { System = "AJCC8", T = "T2", N = "N1", M = "M0", Group = "III", Stageable = true },
                new StagingEntry { System = "ENETS", T = "T2", N = "N1", M = "M0", Group = "IIIB", Stageable = true },
            ],
            Warnings = [new Warning("cga-on-ppi", "text")],
            FollowUp = [new FollowUpItem { Test = "ct-mri", EveryMonths = 3, ForYears = 2 }],
        };
        var diff = OutcomeDiff.Between(before, after);
        diff.Facts.ShouldBe(
        [
            new OutcomeChange("staging.AJCC8.N", DiffKind.Changed, "N0", "N1"),
            new OutcomeChange("staging.AJCC8.group", DiffKind.Changed, "II", "III"),
            new OutcomeChange("staging.ENETS.stageable", DiffKind.Added, null, "yes"),
            new OutcomeChange("staging.ENETS.T", DiffKind.Added, null, "T2"),
            new OutcomeChange("staging.ENETS.N", DiffKind.Added, null, "N1"),
            new OutcomeChange("staging.ENETS.M", DiffKind.Added, null, "M0"),
            new OutcomeChange("staging.ENETS.group", DiffKind.Added, null, "IIIB"),
            new OutcomeChange("knowledgeVersion", DiffKind.Changed, "2026.11", "2027.01"),
        ]);
        diff.Contraindications.ShouldBe([new OutcomeChange("systemic.prrt", DiffKind.Removed, "SSTR negative", null)]);
        diff.MissingData.ShouldBe([new OutcomeChange("tumour.ki67Percent", DiffKind.Removed, "grade", null)]);
        diff.Warnings.ShouldBe([new OutcomeChange("cga-on-ppi", DiffKind.Added, null, "text")]);
        diff.FollowUp.ShouldBe([new OutcomeChange("ct-mri", DiffKind.Changed, "every 6 months", "every 3 months, for 2 years")]);
    }
}
