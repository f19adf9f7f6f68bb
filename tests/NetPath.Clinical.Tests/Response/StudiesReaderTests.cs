using System.Text.Json.Nodes;
using NetPath.Clinical.Response;
using NetPath.Clinical.Validation;
using static NetPath.Clinical.Tests.Response.StudiesJson;

namespace NetPath.Clinical.Tests.Response;

/// <summary>Bad imaging studies are refused with an error naming the field; the good twin of each is read.</summary>
public class StudiesReaderTests
{
    private static void ShouldFailWith(StudiesJson studies, string code, string path)
    {
        var errors = studies.Errors();
        errors.ShouldContain(e => e.Code == code && e.Path == path, string.Join("; ", errors.Select(e => $"{e.Code} {e.Path}: {e.Message}")));
    }

    [Fact]
    public void A_baseline_lesion_missing_at_follow_up_is_refused()
    {
        ShouldFailWith(new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40), Target("L2", "lung", 30))
            .Study("2026-03-02", Measure("L1", 30)),
            RecistErrorCodes.LesionMissing, "studies[1].lesions");
    }

    [Fact]
    public void A_negative_size_is_refused()
    {
        ShouldFailWith(new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .Study("2026-03-02", Measure("L1", -3)),
            ErrorCodes.OutOfRange, "studies[1].lesions[0].longestDiameterMm");
    }

    [Fact]
    public void An_unknown_modality_is_refused()
    {
        ShouldFailWith(new StudiesJson().StudyOn("2026-01-05", "ultrasound", Target("L1", "liver", 40)),
            ErrorCodes.InvalidCode, "studies[0].modality");
    }

    [Fact]
    public void Two_studies_on_one_date_are_refused()
    {
        ShouldFailWith(new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .Study("2026-01-05", Measure("L1", 30)),
            RecistErrorCodes.SameDate, "studies[1].date");
    }

    [Fact]
    public void A_baseline_on_PET_alone_is_refused()
    {
        ShouldFailWith(new StudiesJson().StudyOn("2026-01-05", "sstr-pet", Target("L1", "liver", 40)),
            RecistErrorCodes.BadBaseline, "studies[0].modality");
    }

    [Theory]
    [InlineData(9.9, false)]
    [InlineData(10, true)]
    public void A_non_nodal_target_must_measure_10_mm(decimal mm, bool accepted)
    {
        var studies = new StudiesJson().Study("2026-01-05", Target("L1", "liver", mm));
        if (accepted) studies.Read().IsValid.ShouldBeTrue();
        else ShouldFailWith(studies, RecistErrorCodes.NotMeasurable, "studies[0].lesions[0].longestDiameterMm");
    }

    [Theory]
    [InlineData(14.9, false)]
    [InlineData(15, true)]
    public void A_target_node_must_measure_15_mm_short_axis(decimal mm, bool accepted)
    {
        var studies = new StudiesJson().Study("2026-01-05", TargetNode("N1", mm));
        if (accepted) studies.Read().IsValid.ShouldBeTrue();
        else ShouldFailWith(studies, RecistErrorCodes.NotMeasurable, "studies[0].lesions[0].shortAxisMm");
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(14, true)]
    public void A_non_target_node_is_pathological_from_10_mm(decimal mm, bool accepted)
    {
        var studies = new StudiesJson().Study("2026-01-05",
            new JsonObject { ["id"] = "N1", ["organ"] = "lymph-node", ["nodal"] = true, ["role"] = "non-target", ["shortAxisMm"] = mm });
        if (accepted) studies.Read().IsValid.ShouldBeTrue();
        else ShouldFailWith(studies, RecistErrorCodes.NotMeasurable, "studies[0].lesions[0].shortAxisMm");
    }

    [Fact]
    public void Six_targets_are_refused_and_five_are_read()
    {
        static JsonObject[] Five() => [Target("L1", "liver", 20), Target("L2", "liver", 20), Target("L3", "lung", 20), Target("L4", "lung", 20), Target("L5", "bone", 20)];
        new StudiesJson().Study("2026-01-05", Five()).Read().IsValid.ShouldBeTrue();
        ShouldFailWith(new StudiesJson().Study("2026-01-05", [.. Five(), Target("L6", "pancreas", 20)]), RecistErrorCodes.TooManyTargets, "studies[0].lesions");
    }

    [Fact]
    public void A_third_target_in_one_organ_is_refused_and_all_nodes_count_as_one_organ()
    {
        ShouldFailWith(new StudiesJson().Study("2026-01-05", Target("L1", "liver", 20), Target("L2", "liver", 20), Target("L3", "liver", 20)),
            RecistErrorCodes.TooManyTargets, "studies[0].lesions[2].role");
        var nodes = new StudiesJson().Study("2026-01-05", TargetNode("N1", 20), TargetNode("N2", 20),
            new JsonObject { ["id"] = "N3", ["organ"] = "mesentery", ["nodal"] = true, ["role"] = "target", ["shortAxisMm"] = 20 });
        ShouldFailWith(nodes, RecistErrorCodes.TooManyTargets, "studies[0].lesions[2].role");
    }

    [Fact]
    public void A_follow_up_lesion_not_at_baseline_and_not_marked_new_is_refused()
    {
        ShouldFailWith(new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .Study("2026-03-02", Measure("L1", 30), Measure("L9", 12)),
            RecistErrorCodes.UnknownLesion, "studies[1].lesions[1].id");
    }

    [Fact]
    public void A_node_measured_by_its_longest_diameter_is_refused()
    {
        ShouldFailWith(new StudiesJson()
            .Study("2026-01-05", TargetNode("N1", 20))
            .Study("2026-03-02", Measure("N1", 30)),
            ErrorCodes.InconsistentFacts, "studies[1].lesions[0].longestDiameterMm");
    }

    [Fact]
    public void A_target_without_a_measurement_or_status_is_refused()
    {
        ShouldFailWith(new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .Study("2026-03-02", new JsonObject { ["id"] = "L1" }),
            ErrorCodes.Required, "studies[1].lesions[0].longestDiameterMm");
    }

    [Fact]
    public void A_role_changed_at_follow_up_is_refused()
    {
        var changed = Measure("L1", 30);
        changed["role"] = "non-target";
        ShouldFailWith(new StudiesJson()
            .Study("2026-01-05", Target("L1", "liver", 40))
            .Study("2026-03-02", changed),
            RecistErrorCodes.LesionChanged, "studies[1].lesions[0].role");
    }

    [Fact]
    public void Unknown_members_and_bad_dates_are_named()
    {
        var studies = new StudiesJson().Study("2026-13-05", Target("L1", "liver", 40));
        var lesion = Target("L2", "lung", 20);
        lesion["longestDiamterMm"] = 20;
        studies.Study("2026-03-02", Measure("L1", 30), lesion);
        var errors = studies.Errors();
        errors.ShouldContain(e => e.Code == ErrorCodes.InvalidDate && e.Path == "studies[0].date");
        errors.ShouldContain(e => e.Code == ErrorCodes.UnknownField && e.Path == "studies[1].lesions[1].longestDiamterMm");
    }

    [Fact]
    public void Text_where_a_size_belongs_names_the_field()
    {
        var lesion = Target("L1", "liver", 40);
        lesion["longestDiameterMm"] = "forty";
        var error = new StudiesJson().Study("2026-01-05", lesion).Errors().ShouldHaveSingleItem();
        error.Code.ShouldBe(ErrorCodes.WrongType);
        error.Path.ShouldBe("studies[0].lesions[0].longestDiameterMm");
    }

    [Fact]
    public void No_studies_is_refused()
    {
        ShouldFailWith(new StudiesJson(), ErrorCodes.Required, "studies");
    }
}
