using NetPath.Clinical.Response;
using static NetPath.Clinical.Tests.Response.StudiesJson;

namespace NetPath.Clinical.Tests.Response;

/// <summary>
/// One test per row of the overall time-point response tables of RECIST 1.1 (Eisenhauer 2009
/// Table 1 with target disease, Table 2 with non-target disease only; reference.md §6), each
/// through a real imaging history: the row's findings are made by measurements, not set by hand.
/// </summary>
public class RecistTableTests
{
    // Baseline: two measurable targets (sum 70 mm) and one non-target bone lesion.
    private static StudiesJson WithTargets() => new StudiesJson()
        .Study("2026-01-05", Target("L1", "liver", 40), Target("L2", "lung", 30), NonTarget("NT1", "bone"));

    private static RecistTimePoint FollowUp(StudiesJson history) => history.Evaluate().TimePoints.ShouldHaveSingleItem();

    [Fact]
    public void Target_CR_with_non_target_CR_and_no_new_lesion_is_CR()
    {
        var p = FollowUp(WithTargets().Study("2026-03-02", Measure("L1", 0), Measure("L2", 0), Status("NT1", "absent")).WithLast("tumourMarkersAboveNormal", false));
        (p.Target, p.NonTarget, p.NewLesions, p.Overall).ShouldBe((TargetResponse.CompleteResponse, NonTargetResponse.CompleteResponse, false, OverallResponse.CompleteResponse));
    }

    [Fact]
    public void Target_CR_with_non_target_non_CR_non_PD_is_PR()
    {
        var p = FollowUp(WithTargets().Study("2026-03-02", Measure("L1", 0), Measure("L2", 0), Status("NT1", "present")));
        (p.Target, p.NonTarget, p.Overall).ShouldBe((TargetResponse.CompleteResponse, NonTargetResponse.NonCrNonPd, OverallResponse.PartialResponse));
    }

    [Fact]
    public void Target_CR_with_non_target_not_evaluated_is_PR()
    {
        var p = FollowUp(WithTargets().Study("2026-03-02", Measure("L1", 0), Measure("L2", 0), NotEvaluated("NT1")));
        (p.Target, p.NonTarget, p.Overall).ShouldBe((TargetResponse.CompleteResponse, NonTargetResponse.NotEvaluable, OverallResponse.PartialResponse));
    }

    [Theory]
    [InlineData("present")]
    [InlineData("absent")]
    [InlineData("not-evaluated")]
    public void Target_PR_with_non_target_non_PD_or_not_evaluated_is_PR(string nonTarget)
    {
        // 20 + 15 = 35 mm is 50 % below the baseline of 70 mm.
        var p = FollowUp(WithTargets().Study("2026-03-02", Measure("L1", 20), Measure("L2", 15), Status("NT1", nonTarget)).WithLast("tumourMarkersAboveNormal", false));
        (p.Target, p.Overall).ShouldBe((TargetResponse.PartialResponse, OverallResponse.PartialResponse));
    }

    [Theory]
    [InlineData("present")]
    [InlineData("not-evaluated")]
    public void Target_SD_with_non_target_non_PD_or_not_evaluated_is_SD(string nonTarget)
    {
        // 40 + 25 = 65 mm: 7 % below baseline, not above the nadir.
        var p = FollowUp(WithTargets().Study("2026-03-02", Measure("L1", 40), Measure("L2", 25), Status("NT1", nonTarget)));
        (p.Target, p.Overall).ShouldBe((TargetResponse.StableDisease, OverallResponse.StableDisease));
    }

    [Fact]
    public void Target_not_all_evaluated_with_non_target_non_PD_is_NE()
    {
        var p = FollowUp(WithTargets().Study("2026-03-02", NotEvaluated("L1"), Measure("L2", 30), Status("NT1", "present")));
        (p.Target, p.NonTarget, p.Overall).ShouldBe((TargetResponse.NotEvaluable, NonTargetResponse.NonCrNonPd, OverallResponse.NotEvaluable));
        p.SumMm.ShouldBeNull();
    }

    [Theory]
    [InlineData("present", false)]
    [InlineData("absent", false)]
    [InlineData("not-evaluated", true)]
    public void Target_PD_is_PD_whatever_the_non_target_and_new_lesions(string nonTarget, bool newLesion)
    {
        // 50 + 40 = 90 mm is 29 % and 20 mm over the nadir (baseline) of 70 mm.
        JsonObjectList lesions = [Measure("L1", 50), Measure("L2", 40), Status("NT1", nonTarget)];
        if (newLesion) lesions.Add(New("X1", "liver"));
        var p = FollowUp(WithTargets().Study("2026-03-02", [.. lesions]));
        (p.Target, p.Overall).ShouldBe((TargetResponse.ProgressiveDisease, OverallResponse.ProgressiveDisease));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(20, 15)]
    [InlineData(40, 30)]
    public void Non_target_PD_is_PD_whatever_the_targets(int l1, int l2)
    {
        var p = FollowUp(WithTargets().Study("2026-03-02", Measure("L1", l1), Measure("L2", l2), Status("NT1", "unequivocal-progression")));
        (p.NonTarget, p.Overall).ShouldBe((NonTargetResponse.ProgressiveDisease, OverallResponse.ProgressiveDisease));
        p.Summary.ShouldBe("PD: unequivocal progression of non-target NT1 (bone)");
    }

    [Theory]
    [InlineData(0, 0, "absent")]
    [InlineData(20, 15, "present")]
    [InlineData(40, 30, "not-evaluated")]
    public void A_new_lesion_is_PD_whatever_the_targets_and_non_targets(int l1, int l2, string nonTarget)
    {
        var p = FollowUp(WithTargets().Study("2026-03-02", Measure("L1", l1), Measure("L2", l2), Status("NT1", nonTarget), New("X1", "liver")));
        (p.NewLesions, p.Overall).ShouldBe((true, OverallResponse.ProgressiveDisease));
        p.Summary.ShouldBe("PD: new lesion X1 (liver)");
    }

    [Fact]
    public void Target_CR_without_any_non_target_disease_is_CR()
    {
        var p = FollowUp(new StudiesJson().Study("2026-01-05", Target("L1", "liver", 40)).Study("2026-03-02", Measure("L1", 0)));
        (p.Target, p.NonTarget, p.Overall).ShouldBe((TargetResponse.CompleteResponse, (NonTargetResponse?)null, OverallResponse.CompleteResponse));
    }

    // Table 2: non-target disease only (a bone lesion and a 12 mm node, pathological but not measurable).
    private static StudiesJson NonTargetOnly() => new StudiesJson().Study("2026-01-05", NonTarget("NT1", "bone"),
        new() { ["id"] = "N1", ["organ"] = "mesentery", ["nodal"] = true, ["role"] = "non-target", ["shortAxisMm"] = 12 });

    [Fact]
    public void Non_target_only_CR_is_CR()
    {
        var p = FollowUp(NonTargetOnly().Study("2026-03-02", Status("NT1", "absent"), new() { ["id"] = "N1", ["status"] = "present", ["shortAxisMm"] = 8 })
            .WithLast("tumourMarkersAboveNormal", false));
        (p.Target, p.NonTarget, p.Overall).ShouldBe(((TargetResponse?)null, NonTargetResponse.CompleteResponse, OverallResponse.CompleteResponse));
    }

    [Fact]
    public void Non_target_only_non_CR_non_PD_is_non_CR_non_PD()
    {
        var p = FollowUp(NonTargetOnly().Study("2026-03-02", Status("NT1", "present"), Status("N1", "absent")));
        p.Overall.ShouldBe(OverallResponse.NonCrNonPd);
    }

    [Fact]
    public void Non_target_only_with_lesions_gone_but_markers_raised_is_non_CR_non_PD()
    {
        var p = FollowUp(NonTargetOnly().Study("2026-03-02", Status("NT1", "absent"), Status("N1", "absent")).WithLast("tumourMarkersAboveNormal", true));
        p.Overall.ShouldBe(OverallResponse.NonCrNonPd);
    }

    [Fact]
    public void Non_target_only_not_all_evaluated_is_NE()
    {
        var p = FollowUp(NonTargetOnly().Study("2026-03-02", NotEvaluated("NT1"), Status("N1", "present")));
        p.Overall.ShouldBe(OverallResponse.NotEvaluable);
    }

    [Fact]
    public void Non_target_only_unequivocal_progression_is_PD()
    {
        var p = FollowUp(NonTargetOnly().Study("2026-03-02", Status("NT1", "unequivocal-progression"), Status("N1", "present")));
        p.Overall.ShouldBe(OverallResponse.ProgressiveDisease);
    }

    [Fact]
    public void Non_target_only_new_lesion_is_PD()
    {
        var p = FollowUp(NonTargetOnly().Study("2026-03-02", Status("NT1", "present"), Status("N1", "present"), New("X1", "lung")));
        p.Overall.ShouldBe(OverallResponse.ProgressiveDisease);
    }

    /// <summary>The table itself, row by row, as Eisenhauer 2009 prints it.</summary>
    [Theory]
    [InlineData("CR", "CR", false, "CR")]
    [InlineData("CR", "non-CR/non-PD", false, "PR")]
    [InlineData("CR", "NE", false, "PR")]
    [InlineData("PR", "non-CR/non-PD", false, "PR")]
    [InlineData("PR", "CR", false, "PR")]
    [InlineData("PR", "NE", false, "PR")]
    [InlineData("SD", "non-CR/non-PD", false, "SD")]
    [InlineData("SD", "CR", false, "SD")]
    [InlineData("SD", "NE", false, "SD")]
    [InlineData("NE", "non-CR/non-PD", false, "NE")]
    [InlineData("NE", "CR", false, "NE")]
    [InlineData("PD", "CR", false, "PD")]
    [InlineData("PD", "NE", true, "PD")]
    [InlineData("CR", "PD", false, "PD")]
    [InlineData("SD", "PD", true, "PD")]
    [InlineData("CR", "CR", true, "PD")]
    [InlineData("PR", "non-CR/non-PD", true, "PD")]
    [InlineData(null, "CR", false, "CR")]
    [InlineData(null, "non-CR/non-PD", false, "non-CR/non-PD")]
    [InlineData(null, "NE", false, "NE")]
    [InlineData(null, "PD", false, "PD")]
    [InlineData(null, "non-CR/non-PD", true, "PD")]
    [InlineData("CR", null, false, "CR")]
    [InlineData("SD", null, true, "PD")]
    public void The_overall_response_tables(string? target, string? nonTarget, bool newLesions, string overall)
    {
        TargetResponse? t = target is null ? null : Parse<TargetResponse>(target);
        NonTargetResponse? n = nonTarget is null ? null : Parse<NonTargetResponse>(nonTarget);
        RecistRules.Code(RecistRules.Overall(t, n, newLesions)).ShouldBe(overall);
    }

    private static T Parse<T>(string code) where T : struct, Enum =>
        Cases.WireCode<T>.TryParse(code, out var v) ? v : throw new ArgumentException(code);
}

internal sealed class JsonObjectList : List<System.Text.Json.Nodes.JsonObject>;
