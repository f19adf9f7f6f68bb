using NetPath.Clinical.Assessments;
using NetPath.Web.Components.History;

namespace NetPath.Web.Tests.History;

/// <summary>The field-level difference between two case versions (docs/decisions/0530).</summary>
public sealed class CaseDiffTests
{
    private const string Base = """
        {"schemaVersion":"1","patient":{"sex":"female","ageYears":58},
         "tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":3,
                   "metastases":{"liver":true,"extrahepatic":["bone","lung"]}},
         "history":{"priorTherapies":[{"code":"systemic.ssa","outcome":"ongoing"}]}}
        """;

    [Fact]
    public void A_version_against_itself_has_no_change() =>
        CaseDiff.Between(Base, Base).ShouldBeEmpty();

    [Fact]
    public void A_changed_value_is_reported_at_its_path_with_both_values()
    {
        var changes = CaseDiff.Between(Base, Base.Replace("\"ki67Percent\":3", "\"ki67Percent\":25", StringComparison.Ordinal));
        changes.ShouldBe([new FieldChange("tumour.ki67Percent", DiffKind.Changed, "3", "25")]);
    }

    [Fact]
    public void Numbers_compare_by_value_and_explicit_null_equals_absent()
    {
        CaseDiff.Between(Base, Base.Replace("\"ki67Percent\":3", "\"ki67Percent\":3.0", StringComparison.Ordinal)).ShouldBeEmpty();
        CaseDiff.Between(Base, Base.Replace("\"differentiation\":\"well\",", "\"differentiation\":\"well\",\"sizeMm\":null,", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Added_and_removed_fields_are_reported_leaf_by_leaf()
    {
        var after = Base.Replace("\"ageYears\":58}", "\"ecog\":1}", StringComparison.Ordinal)
            .Replace("\"schemaVersion\":\"1\",", "\"schemaVersion\":\"1\",\"imaging\":{\"sstrPet\":{\"done\":true,\"krenningScore\":3}},", StringComparison.Ordinal);
        var changes = CaseDiff.Between(Base, after);
        changes.ShouldBe(
        [
            new FieldChange("imaging.sstrPet.done", DiffKind.Added, null, "true"),
            new FieldChange("imaging.sstrPet.krenningScore", DiffKind.Added, null, "3"),
            new FieldChange("patient.ecog", DiffKind.Added, null, "1"),
            new FieldChange("patient.ageYears", DiffKind.Removed, "58", null),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Code_lists_are_sets_and_an_empty_list_is_known_none_not_absent()
    {
        CaseDiff.Between(Base, Base.Replace("[\"bone\",\"lung\"]", "[\"lung\",\"bone\"]", StringComparison.Ordinal)).ShouldBeEmpty();
        CaseDiff.Between(Base, Base.Replace("[\"bone\",\"lung\"]", "[\"bone\"]", StringComparison.Ordinal))
            .ShouldBe([new FieldChange("tumour.metastases.extrahepatic", DiffKind.Changed, "bone, lung", "bone")]);
        CaseDiff.Between(Base, Base.Replace("[\"bone\",\"lung\"]", "[]", StringComparison.Ordinal))
            .ShouldBe([new FieldChange("tumour.metastases.extrahepatic", DiffKind.Changed, "bone, lung", CaseDiff.NoneText)]);
        CaseDiff.Between(Base.Replace(",\"extrahepatic\":[\"bone\",\"lung\"]", "", StringComparison.Ordinal), Base.Replace("[\"bone\",\"lung\"]", "[]", StringComparison.Ordinal))
            .ShouldBe([new FieldChange("tumour.metastases.extrahepatic", DiffKind.Added, null, CaseDiff.NoneText)]);
    }

    [Fact]
    public void Prior_therapies_compare_by_position()
    {
        var after = Base.Replace("{\"code\":\"systemic.ssa\",\"outcome\":\"ongoing\"}",
            "{\"code\":\"systemic.ssa\",\"outcome\":\"progression\"},{\"code\":\"systemic.prrt\",\"outcome\":\"ongoing\"}", StringComparison.Ordinal);
        CaseDiff.Between(Base, after).ShouldBe(
        [
            new FieldChange("history.priorTherapies[0].outcome", DiffKind.Changed, "ongoing", "progression"),
            new FieldChange("history.priorTherapies[1].code", DiffKind.Added, null, "systemic.prrt"),
            new FieldChange("history.priorTherapies[1].outcome", DiffKind.Added, null, "ongoing"),
        ]);
    }

    [Fact]
    public void The_diff_backwards_is_the_diff_forwards_mirrored()
    {
        var after = Base.Replace("\"ki67Percent\":3", "\"ki67Percent\":25,\"sizeMm\":40", StringComparison.Ordinal)
            .Replace("\"sex\":\"female\",", "", StringComparison.Ordinal)
            .Replace("[\"bone\",\"lung\"]", "[]", StringComparison.Ordinal);
        var forwards = CaseDiff.Between(Base, after);
        var backwards = CaseDiff.Between(after, Base);
        forwards.Count.ShouldBe(4);
        backwards.ShouldBe(forwards.Select(Mirror), ignoreOrder: true);
    }

    private static FieldChange Mirror(FieldChange c) => new(c.Path, c.Kind switch
    {
        DiffKind.Added => DiffKind.Removed,
        DiffKind.Removed => DiffKind.Added,
        _ => DiffKind.Changed,
    }, c.After, c.Before);
}
