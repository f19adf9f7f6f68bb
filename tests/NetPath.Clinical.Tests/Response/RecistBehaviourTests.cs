using NetPath.Clinical.Response;
using static NetPath.Clinical.Tests.Response.StudiesJson;

namespace NetPath.Clinical.Tests.Response;

/// <summary>RECIST 1.1 rules one at a time (Eisenhauer 2009; reference.md §6 and vignette V3).</summary>
public class RecistBehaviourTests
{
    /// <summary>Reference §7 V3 (recist.eortc.org clarification): 165 mm at baseline, 63 mm at week 8, 65 mm at week 16.</summary>
    private static StudiesJson WorkedExample() => new StudiesJson()
        .Study("2026-01-05", Target("L1", "liver", 60), Target("L2", "liver", 45), Target("L3", "lung", 60))
        .Study("2026-03-02", Measure("L1", 23), Measure("L2", 20), Measure("L3", 20))
        .Study("2026-04-27", Measure("L1", 24), Measure("L2", 21), Measure("L3", 20));

    [Fact]
    public void Worked_example_V3_continued_PR_at_week_16()
    {
        var r = WorkedExample().Evaluate();

        r.Baseline.SumMm.ShouldBe(165m);
        r.TimePoints[0].SumMm.ShouldBe(63m);
        r.TimePoints[0].Overall.ShouldBe(OverallResponse.PartialResponse);
        var week16 = r.TimePoints[1];
        week16.SumMm.ShouldBe(65m);
        week16.NadirMm.ShouldBe(63m);
        week16.Target.ShouldBe(TargetResponse.PartialResponse);
        week16.Overall.ShouldBe(OverallResponse.PartialResponse);
        r.Best.Response.ShouldBe(OverallResponse.PartialResponse);
        r.ProgressionDate.ShouldBeNull();
    }

    [Fact]
    public void Worked_example_PD_needs_75_6_mm_over_the_nadir_of_63()
    {
        // 75 mm is 19 % over 63 mm: still PR (55 % below baseline). 76 mm is 20.6 % and 13 mm over: PD.
        var justUnder = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 60), Target("L2", "liver", 45), Target("L3", "lung", 60))
            .Study("2026-03-02", Measure("L1", 23), Measure("L2", 20), Measure("L3", 20))
            .Study("2026-04-27", Measure("L1", 30), Measure("L2", 25), Measure("L3", 20)).Evaluate();
        justUnder.TimePoints[1].Overall.ShouldBe(OverallResponse.PartialResponse);

        var over = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 60), Target("L2", "liver", 45), Target("L3", "lung", 60))
            .Study("2026-03-02", Measure("L1", 23), Measure("L2", 20), Measure("L3", 20))
            .Study("2026-04-27", Measure("L1", 30), Measure("L2", 26), Measure("L3", 20)).Evaluate();
        var pd = over.TimePoints[1];
        pd.Overall.ShouldBe(OverallResponse.ProgressiveDisease);
        pd.Summary.ShouldBe("PD: sum 76 mm is 21 % over the nadir of 63 mm (2026-03-02), and 13 mm more");
        over.ProgressionDate.ShouldBe(new DateOnly(2026, 4, 27));
    }

    [Fact]
    public void Twenty_percent_without_five_millimetres_is_not_PD()
    {
        // Nadir 12 mm; 16 mm is 33 % more but only 4 mm: SD. 17 mm is 42 % and 5 mm: PD.
        var history = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 12))
            .Study("2026-03-02", Measure("L1", 16))
            .Study("2026-04-27", Measure("L1", 17)).Evaluate();
        history.TimePoints[0].Target.ShouldBe(TargetResponse.StableDisease);
        history.TimePoints[1].Target.ShouldBe(TargetResponse.ProgressiveDisease);
    }

    [Fact]
    public void Exactly_twenty_percent_and_five_millimetres_is_PD_and_exactly_thirty_percent_less_is_PR()
    {
        var r = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 25), Target("L2", "liver", 25))
            .Study("2026-03-02", Measure("L1", 17.5m), Measure("L2", 17.5m))     // 35 = 0.7 x 50: PR
            .Study("2026-04-27", Measure("L1", 21m), Measure("L2", 21m))         // 42 = 1.2 x 35 and 7 mm: PD
            .Evaluate();
        r.TimePoints[0].Target.ShouldBe(TargetResponse.PartialResponse);
        r.TimePoints[1].Target.ShouldBe(TargetResponse.ProgressiveDisease);
    }

    [Fact]
    public void PD_is_judged_from_the_nadir_even_while_the_sum_is_still_far_below_baseline()
    {
        // Baseline 100, nadir 20, now 30: 70 % below baseline (PR territory) but 50 % and 10 mm over the nadir.
        var r = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 20))
            .Study("2026-04-27", Measure("L1", 30)).Evaluate();
        r.TimePoints[1].Target.ShouldBe(TargetResponse.ProgressiveDisease);
        r.TimePoints[1].ChangeFromBaselinePercent.ShouldBe(-70m);
        r.TimePoints[1].ChangeFromNadirPercent.ShouldBe(50m);
    }

    [Fact]
    public void Target_nodes_under_10_mm_count_as_normal_for_CR()
    {
        var r = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 30), TargetNode("N1", 20))
            .Study("2026-03-02", Measure("L1", 0), MeasureNode("N1", 8)).Evaluate();
        var p = r.TimePoints.ShouldHaveSingleItem();
        p.Target.ShouldBe(TargetResponse.CompleteResponse);
        p.SumMm.ShouldBe(8m);
        p.Basis[0].ShouldContain("every target node is under 10 mm short axis");
    }

    [Fact]
    public void A_target_node_of_10_mm_is_not_CR()
    {
        var r = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 30), TargetNode("N1", 20))
            .Study("2026-03-02", Measure("L1", 0), MeasureNode("N1", 10)).Evaluate();
        r.TimePoints[0].Target.ShouldBe(TargetResponse.PartialResponse);
    }

    [Fact]
    public void A_missing_target_measurement_is_NE_unless_the_measured_ones_already_make_PD()
    {
        var notEvaluable = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40), Target("L2", "lung", 30))
            .Study("2026-03-02", NotEvaluated("L1"), Measure("L2", 60)).Evaluate().TimePoints[0];
        notEvaluable.Target.ShouldBe(TargetResponse.NotEvaluable);
        notEvaluable.Summary.ShouldContain("L1 (liver) was not measured");
        notEvaluable.Summary.ShouldContain("PD would need 84 mm or more");

        var progression = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40), Target("L2", "lung", 30))
            .Study("2026-03-02", NotEvaluated("L1"), Measure("L2", 90)).Evaluate().TimePoints[0];
        progression.Target.ShouldBe(TargetResponse.ProgressiveDisease);
    }

    [Fact]
    public void An_equivocal_new_lesion_is_not_PD_until_confirmed_and_then_PD_dates_from_its_first_study()
    {
        var r = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .Study("2026-03-02", Measure("L1", 38), New("X1", "lung", equivocal: true))
            .Study("2026-04-27", Measure("L1", 38), New("X1", "lung")).Evaluate();
        r.TimePoints[0].Overall.ShouldBe(OverallResponse.ProgressiveDisease);
        r.TimePoints[0].DatedBack.ShouldBeTrue();
        r.ProgressionDate.ShouldBe(new DateOnly(2026, 3, 2));

        var unconfirmed = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .Study("2026-03-02", Measure("L1", 38), New("X1", "lung", equivocal: true)).Evaluate();
        unconfirmed.TimePoints[0].Overall.ShouldBe(OverallResponse.StableDisease);
        unconfirmed.TimePoints[0].Basis.ShouldContain(b => b.Contains("not PD yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_confirmation_the_best_response_is_the_best_time_point_before_progression()
    {
        var r = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 90))
            .Study("2026-04-27", Measure("L1", 60))
            .Study("2026-06-22", Measure("L1", 80))
            .Study("2026-08-17", Measure("L1", 0)).Evaluate();
        r.TimePoints.Select(p => p.Overall).ShouldBe([OverallResponse.StableDisease, OverallResponse.PartialResponse, OverallResponse.ProgressiveDisease, OverallResponse.CompleteResponse]);
        r.Best.Response.ShouldBe(OverallResponse.PartialResponse);
        r.Best.Date.ShouldBe(new DateOnly(2026, 4, 27));
    }

    [Fact]
    public void With_confirmation_a_PR_needs_a_PR_or_CR_at_least_4_weeks_later()
    {
        var confirmed = new StudiesJson().Set("confirmationRequired", true)
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 60))
            .Study("2026-03-30", Measure("L1", 55)).Evaluate();
        confirmed.Best.Response.ShouldBe(OverallResponse.PartialResponse);
        confirmed.TimePoints[0].Confirmed.ShouldBe(true);

        var tooSoon = new StudiesJson().Set("confirmationRequired", true)
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 60))
            .Study("2026-03-29", Measure("L1", 55)).Evaluate();
        tooSoon.TimePoints[0].Confirmed.ShouldBe(false);
        tooSoon.Best.Response.ShouldBe(OverallResponse.StableDisease);
    }

    [Fact]
    public void With_confirmation_CR_needs_a_later_CR_and_PR_then_SD_is_SD()
    {
        var crThenCr = new StudiesJson().Set("confirmationRequired", true)
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 0))
            .Study("2026-04-27", Measure("L1", 0)).Evaluate();
        crThenCr.Best.Response.ShouldBe(OverallResponse.CompleteResponse);

        // Once CR is reached the nadir is 0 mm, so disease that comes back is PD (Eisenhauer 2009 Table 3 note):
        // the unconfirmed CR counts as SD.
        var crThenDisease = new StudiesJson().Set("confirmationRequired", true)
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 0))
            .Study("2026-04-27", Measure("L1", 20)).Evaluate();
        crThenDisease.TimePoints[1].Overall.ShouldBe(OverallResponse.ProgressiveDisease);
        crThenDisease.Best.Response.ShouldBe(OverallResponse.StableDisease);

        // 71 mm: 29 % below baseline (not PR) and 18 % over the nadir of 60 mm (not PD).
        var prThenSd = new StudiesJson().Set("confirmationRequired", true)
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 60))
            .Study("2026-04-27", Measure("L1", 71)).Evaluate();
        prThenSd.TimePoints[1].Overall.ShouldBe(OverallResponse.StableDisease);
        prThenSd.Best.Response.ShouldBe(OverallResponse.StableDisease);
    }

    [Fact]
    public void Stable_disease_before_the_protocol_minimum_then_progression_is_best_response_PD()
    {
        var r = new StudiesJson().Set("minimumStableDiseaseDays", 56)
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-02-02", Measure("L1", 95))
            .Study("2026-03-02", Measure("L1", 130)).Evaluate();
        r.Best.Response.ShouldBe(OverallResponse.ProgressiveDisease);

        var lasted = new StudiesJson().Set("minimumStableDiseaseDays", 56)
            .Study("2026-01-05", Target("L1", "liver", 100))
            .Study("2026-03-02", Measure("L1", 95))
            .Study("2026-04-27", Measure("L1", 130)).Evaluate();
        lasted.Best.Response.ShouldBe(OverallResponse.StableDisease);
    }

    [Fact]
    public void A_baseline_alone_has_no_best_response_yet()
    {
        var r = new StudiesJson().Study("2026-01-05", Target("L1", "liver", 40)).Evaluate();
        r.TimePoints.ShouldBeEmpty();
        r.Best.Response.ShouldBe(OverallResponse.NotEvaluable);
        r.Best.Basis.ShouldHaveSingleItem().ShouldContain("No follow-up study yet");
    }

    [Fact]
    public void A_change_of_modality_is_said()
    {
        var r = new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .StudyOn("2026-03-02", "mri", Measure("L1", 38)).Evaluate();
        r.TimePoints[0].Basis.ShouldContain(b => b.Contains("This study is MRI and the baseline was CT", StringComparison.Ordinal));
    }

    [Fact]
    public void Studies_listed_out_of_date_order_are_read_in_date_order()
    {
        var r = new StudiesJson()
            .Study("2026-03-02", Measure("L1", 20))
            .Study("2026-01-05", Target("L1", "liver", 40)).Evaluate();
        r.Baseline.Date.ShouldBe(new DateOnly(2026, 1, 5));
        r.TimePoints[0].Overall.ShouldBe(OverallResponse.PartialResponse);
    }
}

/// <summary>How numbers are worded: a percentage is never rounded onto a threshold it has not reached.</summary>
public class RecistWordingTests
{
    [Theory]
    [InlineData(20.6, 20, "21 %")]
    [InlineData(19.6, 20, "19.6 %")]
    [InlineData(19.96, 20, "19.96 %")]
    [InlineData(20, 20, "20 %")]
    [InlineData(-29.7, 30, "29.7 %")]
    [InlineData(-61.8, 30, "62 %")]
    public void Percentages(decimal value, decimal threshold, string words) =>
        RecistRules.Percent(value, threshold).ShouldBe(words);

    [Theory]
    [InlineData(63, "63 mm")]
    [InlineData(75.6, "75.6 mm")]
    [InlineData(75.65, "75.7 mm")]
    [InlineData(0, "0 mm")]
    public void Millimetres(decimal mm, string words) => RecistRules.Mm(mm).ShouldBe(words);
}
