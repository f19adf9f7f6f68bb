using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Tests.Pathways;
using T = NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Diff;

/// <summary>
/// The one comparison of two assessments, as `netpath whatif`, the what-if page and the version
/// history use it (docs/decisions/0520, 0531, 0540): its sections, and the lines the command line words from them.
/// </summary>
public class AssessmentDiffTests
{
    private const string Pancreas = """{"schemaVersion":"1","tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":8,"mitosesPer2mm2":1,"sizeMm":14}}""";

    private static string WithKi67(double ki67) => Pancreas.Replace("\"ki67Percent\":8", $"\"ki67Percent\":{Invariant(ki67)}", StringComparison.Ordinal);

    private static string Invariant(double d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Assessment MetastaticPancreas(double ki67) => T.Assess("""
        {"schemaVersion":"1","tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":KI67,"sizeMm":45,
         "metastases":{"liver":true,"extrahepatic":[]}}}
        """.Replace("KI67", Invariant(ki67), StringComparison.Ordinal));

    private static Assessment Bare() => new()
    {
        KnowledgeVersion = "2026.11",
        Classification = new Assessments.Classification { Family = ClassificationFamily.GepNet, Site = PrimarySite.Ileum, Differentiation = Differentiation.Well },
        Grade = new Grade { System = GradeSystem.Who2019, Value = GradeValue.G2 },
    };

    private static Recommendation Rec(string code, Strength strength, int? line = null) => new()
    {
        Code = code, Category = "systemic", Strength = strength, Intent = Intent.DiseaseControl, Line = line,
        Rationale = "because", Evidence = [new Evidence("source", EvidenceKind.Guideline)],
    };

    private static StagingEntry Staged(string system, string n, string group) =>
        new() { System = system, T = "T2", N = n, M = "M0", Group = group, Stageable = true };

    [Fact]
    public void A_grade_change_is_reported_with_both_values_and_the_command_line_text()
    {
        var diff = AssessmentDiff.Between(T.Assess(Pancreas), T.Assess(WithKi67(25)));

        diff.Facts.ShouldContain(new AssessmentChange("grade", DiffKind.Changed, "G2", "G3"));
        diff.Lines.Single(c => c.Kind == ChangeKind.Grade).ShouldBe(new ChangeLine(ChangeKind.Grade, "grade", "grade: G2 -> G3"));
        diff.IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void A_higher_Ki67_shows_as_a_grade_change_of_real_engine_output()
    {
        var diff = AssessmentDiff.Between(MetastaticPancreas(2), MetastaticPancreas(12));

        diff.Facts.ShouldContain(new AssessmentChange("grade", DiffKind.Changed, "G1", "G2"));
        diff.Facts.ShouldContain(new AssessmentChange("grade.byKi67", DiffKind.Changed, "G1", "G2"));
        diff.Facts.ShouldNotContain(c => c.Key.StartsWith("classification.", StringComparison.Ordinal));
        diff.Facts.ShouldNotContain(c => c.Key == "knowledgeVersion");
    }

    [Fact]
    public void Plan_changes_carry_the_code_and_the_strengths()
    {
        var before = T.Assess(Pancreas);
        var after = T.Assess(WithKi67(25));
        var diff = AssessmentDiff.Between(before, after);

        foreach (var c in diff.Lines.Where(c => c.Kind == ChangeKind.RecommendationAdded))
        {
            before.Recommendations.ShouldNotContain(r => r.Code == c.Subject);
            after.Recommendations.ShouldContain(r => r.Code == c.Subject);
            c.Text.ShouldStartWith("+ recommended (");
            diff.Recommendations.ShouldContain(r => r.Key == c.Subject && r.Kind == DiffKind.Added);
        }
        foreach (var c in diff.Lines.Where(c => c.Kind == ChangeKind.RecommendationRemoved))
        {
            after.Recommendations.ShouldNotContain(r => r.Code == c.Subject);
            c.Text.ShouldBe($"- no longer recommended: {c.Subject}");
            diff.Recommendations.ShouldContain(r => r.Key == c.Subject && r.Kind == DiffKind.Removed);
        }
        foreach (var c in diff.Lines.Where(c => c.Kind == ChangeKind.StrengthChanged))
        {
            before.Recommendations.First(r => r.Code == c.Subject).Strength.ShouldNotBe(after.Recommendations.First(r => r.Code == c.Subject).Strength);
            diff.Recommendations.ShouldContain(r => r.Key == c.Subject && r.Kind == DiffKind.Changed);
        }
        diff.Lines.Count(c => c.Kind is ChangeKind.RecommendationAdded or ChangeKind.RecommendationRemoved or ChangeKind.StrengthChanged).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Recommendations_are_matched_by_code_added_removed_or_changed_in_strength()
    {
        var before = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Preferred, 1), Rec("systemic.everolimus", Strength.Consider)] };
        var after = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Alternative, 1), Rec("systemic.prrt", Strength.Preferred, 2)] };

        var diff = AssessmentDiff.Between(before, after);

        diff.Recommendations.ShouldBe(
        [
            new AssessmentChange("systemic.ssa", DiffKind.Changed, "preferred, disease-control, line 1", "alternative, disease-control, line 1"),
            new AssessmentChange("systemic.prrt", DiffKind.Added, null, "preferred, disease-control, line 2"),
            new AssessmentChange("systemic.everolimus", DiffKind.Removed, "consider, disease-control", null),
        ]);
        diff.Facts.ShouldBeEmpty();
        diff.Lines.Select(l => l.Text).ShouldBe(
        [
            "~ systemic.ssa: preferred -> alternative",
            "+ recommended (preferred): systemic.prrt: because",
            "- no longer recommended: systemic.everolimus",
        ]);
    }

    [Fact]
    public void A_reworded_rationale_is_not_a_change_and_a_code_listed_twice_is_not_lost()
    {
        var before = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Preferred, 1), Rec("systemic.ssa", Strength.Preferred, 2)] };
        var after = Bare() with { Recommendations = [Rec("systemic.ssa", Strength.Preferred, 1) with { Rationale = "reworded" }] };

        AssessmentDiff.Between(before, before with { Recommendations = [.. before.Recommendations.Select(r => r with { Rationale = "other words" })] }).IsEmpty.ShouldBeTrue();
        AssessmentDiff.Between(before, after).Recommendations.ShouldBe(
            [new AssessmentChange("systemic.ssa", DiffKind.Changed, "preferred, disease-control, line 1; preferred, disease-control, line 2", "preferred, disease-control, line 1")]);
    }

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

        AssessmentDiff.Between(before, after).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Staging_ruled_out_missing_data_warnings_follow_up_and_knowledge_version_are_compared()
    {
        var before = Bare() with
        {
            Staging = [Staged("AJCC8", "N0", "II")],
            Contraindicated = [new Contraindication { Code = "systemic.prrt", Reason = "SSTR negative" }],
            MissingData = [new MissingDatum("tumour.ki67Percent", "grade")],
            FollowUp = [new FollowUpItem { Test = "ct-mri", EveryMonths = 6 }],
        };
        var after = Bare() with
        {
            KnowledgeVersion = "2027.01",
            Staging = [Staged("AJCC8", "N1", "III"), Staged("ENETS", "N1", "IIIB")],
            Warnings = [new Warning("cga-on-ppi", "text")],
            FollowUp = [new FollowUpItem { Test = "ct-mri", EveryMonths = 3, ForYears = 2 }],
        };

        var diff = AssessmentDiff.Between(before, after);

        diff.Facts.ShouldBe(
        [
            new AssessmentChange("staging.AJCC8.N", DiffKind.Changed, "N0", "N1"),
            new AssessmentChange("staging.AJCC8.group", DiffKind.Changed, "II", "III"),
            new AssessmentChange("staging.ENETS.stageable", DiffKind.Added, null, "yes"),
            new AssessmentChange("staging.ENETS.T", DiffKind.Added, null, "T2"),
            new AssessmentChange("staging.ENETS.N", DiffKind.Added, null, "N1"),
            new AssessmentChange("staging.ENETS.M", DiffKind.Added, null, "M0"),
            new AssessmentChange("staging.ENETS.group", DiffKind.Added, null, "IIIB"),
            new AssessmentChange("knowledgeVersion", DiffKind.Changed, "2026.11", "2027.01"),
        ]);
        diff.Contraindications.ShouldBe([new AssessmentChange("systemic.prrt", DiffKind.Removed, "SSTR negative", null)]);
        diff.MissingData.ShouldBe([new AssessmentChange("tumour.ki67Percent", DiffKind.Removed, "grade", null)]);
        diff.Warnings.ShouldBe([new AssessmentChange("cga-on-ppi", DiffKind.Added, null, "text")]);
        diff.FollowUp.ShouldBe([new AssessmentChange("ct-mri", DiffKind.Changed, "every 6 months", "every 3 months, for 2 years")]);
    }

    [Fact]
    public void Each_staging_system_is_one_line_however_many_of_its_categories_move()
    {
        var before = Bare() with { Staging = [Staged("AJCC8", "N0", "II")] };
        var after = Bare() with { Staging = [Staged("AJCC8", "N1", "III"), Staged("ENETS", "N1", "IIIB")] };

        AssessmentDiff.Between(before, after).Lines.ShouldBe(
        [
            new ChangeLine(ChangeKind.Stage, "AJCC8", "AJCC8: T2 N0 M0 stage II -> T2 N1 M0 stage III"),
            new ChangeLine(ChangeKind.Stage, "ENETS", "ENETS: now T2 N1 M0 stage IIIB"),
        ]);
        AssessmentDiff.Between(after, before).Lines.ShouldBe(
        [
            new ChangeLine(ChangeKind.Stage, "AJCC8", "AJCC8: T2 N1 M0 stage III -> T2 N0 M0 stage II"),
            new ChangeLine(ChangeKind.Stage, "ENETS", "ENETS: no longer staged"),
        ]);
    }

    [Fact]
    public void Ruled_out_work_up_missing_data_and_team_are_worded_as_sets_additions_first_in_code_order()
    {
        var before = Bare() with
        {
            Workup = [new WorkupItem { Code = "workup.sstr-pet", Reason = "r" }],
            MissingData = [new MissingDatum("tumour.sizeMm", "stage")],
            Team = [TeamRole.Surgery, TeamRole.Pathology],
        };
        var after = Bare() with
        {
            Contraindicated = [new Contraindication { Code = "systemic.prrt", Reason = "r" }, new Contraindication { Code = "systemic.everolimus", Reason = "r" }],
            MissingData = [new MissingDatum("tumour.ki67Percent", "grade")],
            Team = [TeamRole.Pathology, TeamRole.NuclearMedicine, TeamRole.MedicalOncology],
        };

        var diff = AssessmentDiff.Between(before, after);

        diff.Team.ShouldBe(
        [
            new AssessmentChange("nuclear-medicine", DiffKind.Added, null, "nuclear-medicine"),
            new AssessmentChange("medical-oncology", DiffKind.Added, null, "medical-oncology"),
            new AssessmentChange("surgery", DiffKind.Removed, "surgery", null),
        ]);
        diff.Lines.Select(l => (l.Kind, l.Text)).ShouldBe(
        [
            (ChangeKind.RuledOutAdded, "+ ruled out: systemic.everolimus"),
            (ChangeKind.RuledOutAdded, "+ ruled out: systemic.prrt"),
            (ChangeKind.WorkupRemoved, "- work-up: workup.sstr-pet"),
            (ChangeKind.MissingAdded, "+ missing data: tumour.ki67Percent"),
            (ChangeKind.MissingRemoved, "- missing data: tumour.sizeMm"),
            (ChangeKind.TeamAdded, "+ team: medical-oncology"),
            (ChangeKind.TeamAdded, "+ team: nuclear-medicine"),
            (ChangeKind.TeamRemoved, "- team: surgery"),
        ]);
    }

    [Fact]
    public void What_the_command_line_never_printed_is_compared_but_has_no_line()
    {
        var before = Bare() with
        {
            Grade = Bare().Grade with { ByMitoses = GradeValue.G1 },
            Recommendations = [Rec("systemic.ssa", Strength.Preferred, 1)],
            FollowUp = [new FollowUpItem { Test = "ct-mri", EveryMonths = 6, Note = "first year" }],
        };
        var after = Bare() with
        {
            Grade = Bare().Grade with { ByMitoses = GradeValue.G2 },
            Recommendations = [Rec("systemic.ssa", Strength.Preferred, 2)],
            FollowUp = [new FollowUpItem { Test = "ct-mri", EveryMonths = 6, Note = "for life" }],
            Warnings = [new Warning("cga-on-ppi", "text")],
        };

        var diff = AssessmentDiff.Between(before, after);

        diff.Facts.ShouldBe([new AssessmentChange("grade.byMitoses", DiffKind.Changed, "G1", "G2")]);
        diff.Recommendations.ShouldBe([new AssessmentChange("systemic.ssa", DiffKind.Changed, "preferred, disease-control, line 1", "preferred, disease-control, line 2")]);
        diff.FollowUp.ShouldBe([new AssessmentChange("ct-mri", DiffKind.Changed, "every 6 months, first year", "every 6 months, for life")]);
        diff.Warnings.Count.ShouldBe(1);
        diff.IsEmpty.ShouldBeFalse();
        diff.Lines.ShouldBeEmpty();
        diff.FollowUpLines.ShouldBeEmpty();
    }

    [Fact]
    public void Follow_up_lines_name_each_test_with_its_schedules()
    {
        var before = Bare() with { FollowUp = [new FollowUpItem { Test = "ct-mri", EveryMonths = 6 }, new FollowUpItem { Test = "cga", EveryMonths = 12 }] };
        var after = Bare() with
        {
            FollowUp =
            [
                new FollowUpItem { Test = "ct-mri", EveryMonths = 3, ForYears = 2 },
                new FollowUpItem { Test = "ct-mri", EveryMonths = 12, Note = "after two years" },
                new FollowUpItem { Test = "colonoscopy" },
            ],
        };

        AssessmentDiff.Between(before, after).FollowUpLines.ShouldBe(
        [
            new ChangeLine(ChangeKind.FollowUpChanged, "ct-mri", "~ follow-up: ct-mri every 6 months -> ct-mri every 3 months for 2 years; ct-mri every 12 months"),
            new ChangeLine(ChangeKind.FollowUpAdded, "colonoscopy", "+ follow-up: colonoscopy"),
            new ChangeLine(ChangeKind.FollowUpRemoved, "cga", "- follow-up: cga every 12 months"),
        ]);
    }

    [Fact]
    public void Follow_up_changes_are_kept_apart_from_the_command_line_changes()
    {
        var localised = T.Assess("""{"schemaVersion":"1","tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":2,"sizeMm":15,"metastases":{"liver":false,"extrahepatic":[]},"resection":{"done":true,"margin":"R0"}}}""");
        var metastatic = T.Assess("""{"schemaVersion":"1","tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":2,"sizeMm":15,"metastases":{"liver":true,"extrahepatic":[]}}}""");

        var diff = AssessmentDiff.Between(localised, metastatic);

        diff.Lines.ShouldAllBe(c => c.Kind != ChangeKind.FollowUpAdded && c.Kind != ChangeKind.FollowUpRemoved && c.Kind != ChangeKind.FollowUpChanged);
        diff.FollowUpLines.ShouldAllBe(c => c.Kind == ChangeKind.FollowUpAdded || c.Kind == ChangeKind.FollowUpRemoved || c.Kind == ChangeKind.FollowUpChanged);
        var tests = localised.FollowUp.Select(f => f.Test).Concat(metastatic.FollowUp.Select(f => f.Test)).ToHashSet();
        diff.FollowUpLines.ShouldAllBe(c => tests.Contains(c.Subject));
        if (localised.FollowUp.Select(AssessmentDiff.Schedule).Order().SequenceEqual(metastatic.FollowUp.Select(AssessmentDiff.Schedule).Order()))
            diff.FollowUpLines.ShouldBeEmpty();
        else
            diff.FollowUpLines.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_json_form_lists_the_sets_the_change_lines_and_both_assessments()
    {
        var diff = AssessmentDiff.Between(T.Assess(Pancreas), T.Assess(WithKi67(25)));

        var json = diff.ToJson(["tumour.ki67Percent=25"]);

        json["set"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["tumour.ki67Percent=25"]);
        json["changes"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(diff.Lines.Select(c => c.Text));
        json["before"]!["grade"]!["value"]!.GetValue<string>().ShouldBe("G2");
        json["after"]!["grade"]!["value"]!.GetValue<string>().ShouldBe("G3");
    }

    [Fact]
    public void An_assessment_against_itself_has_no_change()
    {
        var a = MetastaticPancreas(12);

        AssessmentDiff.Between(a, a).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void An_assessment_compared_with_itself_has_no_change() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var read = NetPathEngine.Current.Read(RandomCases.Json(seed));
            if (!read.IsValid) return true;
            var a = NetPathEngine.Current.Assess(read.Case!, T.Today);
            var again = AssessmentDiff.Between(a, NetPathEngine.Current.Assess(read.Case!, T.Today));
            return AssessmentDiff.Between(a, a).IsEmpty && again.IsEmpty && again.Lines.Count == 0 && again.FollowUpLines.Count == 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Swapping_the_sides_swaps_additions_and_removals() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Choose(0, int.MaxValue)), (s1, s2) =>
        {
            var r1 = NetPathEngine.Current.Read(RandomCases.Json(s1));
            var r2 = NetPathEngine.Current.Read(RandomCases.Json(s2));
            if (!r1.IsValid || !r2.IsValid) return true;
            var (a, b) = (NetPathEngine.Current.Assess(r1.Case!, T.Today), NetPathEngine.Current.Assess(r2.Case!, T.Today));
            var forward = AssessmentDiff.Between(a, b);
            var back = AssessmentDiff.Between(b, a);
            return forward.Lines.Count(c => c.Kind == ChangeKind.RecommendationAdded) == back.Lines.Count(c => c.Kind == ChangeKind.RecommendationRemoved)
                && forward.Lines.Count(c => c.Kind == ChangeKind.RuledOutAdded) == back.Lines.Count(c => c.Kind == ChangeKind.RuledOutRemoved)
                && forward.FollowUpLines.Count(c => c.Kind == ChangeKind.FollowUpAdded) == back.FollowUpLines.Count(c => c.Kind == ChangeKind.FollowUpRemoved)
                && Sections(forward).Zip(Sections(back)).All(p => Swapped(p.First, p.Second));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    private static IReadOnlyList<AssessmentChange>[] Sections(AssessmentDiff d) =>
        [d.Facts, d.Recommendations, d.Contraindications, d.Workup, d.MissingData, d.Warnings, d.Team, d.FollowUp];

    private static bool Swapped(IReadOnlyList<AssessmentChange> forward, IReadOnlyList<AssessmentChange> back) =>
        forward.Select(Mirror).OrderBy(c => c.Key, StringComparer.Ordinal).SequenceEqual(back.OrderBy(c => c.Key, StringComparer.Ordinal));

    private static AssessmentChange Mirror(AssessmentChange c) => new(c.Key, c.Kind switch
    {
        DiffKind.Added => DiffKind.Removed,
        DiffKind.Removed => DiffKind.Added,
        _ => DiffKind.Changed,
    }, c.After, c.Before);
}
