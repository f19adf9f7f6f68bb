using NetPath.Clinical.Tests.TestSupport;
using NetPath.Clinical.Validation;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Validation;

/// <summary>Input that is not a case at all, or has the wrong shape: malformed JSON, wrong types, unknown and missing members.</summary>
public class JsonShapeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"schemaVersion\": \"1\", }")]
    [InlineData("{ \"schemaVersion\": \"1\" \"tumour\": {} }")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{ /* comment */ \"schemaVersion\": \"1\", \"tumour\": { \"primarySite\": \"ileum\" } }")]
    public void Text_that_is_not_a_case_object_is_malformed_json(string json) =>
        Errors(json).ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.MalformedJson);

    [Fact]
    public void A_member_given_twice_is_malformed_json() =>
        Errors("""{ "schemaVersion": "1", "tumour": { "primarySite": "ileum", "ki67Percent": 2, "ki67Percent": 30 } }""")
            .ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.MalformedJson);

    [Theory]
    [InlineData("tumour.ki67Percent", "\"8.5\"")]
    [InlineData("tumour.sizeMm", "true")]
    [InlineData("tumour.primarySite", "5")]
    [InlineData("tumour.gastricType", "1.5")]
    [InlineData("tumour.invades", "\"duodenum\"")]
    [InlineData("tumour.lymphNodes.examined", "\"14\"")]
    [InlineData("tumour.metastases.liver", "\"yes\"")]
    [InlineData("patient.ageYears", "58.5")]
    [InlineData("patient.pregnant", "0")]
    [InlineData("imaging.sstrPet.krenningScore", "\"3\"")]
    [InlineData("labs.egfrMlMin", "\"78\"")]
    [InlineData("symptoms.diarrheaPerDay", "[6]")]
    [InlineData("schemaVersion", "1")]
    public void A_value_of_the_wrong_json_type_is_reported_at_its_path(string path, string value) =>
        ShouldFailWith(CaseJson.Minimal().SetRaw(path, value), ErrorCodes.WrongType, path);

    [Fact]
    public void A_null_prior_therapy_is_a_wrong_type_at_its_index() =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "code": "systemic.ssa" }, null]"""),
            ErrorCodes.WrongType, "history.priorTherapies[1]");

    [Fact]
    public void A_null_item_in_a_code_list_is_a_wrong_type_at_its_index() =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("patient.germline", """["MEN1", null]"""), ErrorCodes.WrongType, "patient.germline[1]");

    [Theory]
    [InlineData("primarySte")]
    [InlineData("patient.age")]
    [InlineData("tumour.ki67")]
    [InlineData("tumour.PrimarySite")]
    [InlineData("tumour.lymphNodes.positve")]
    [InlineData("tumour.metastases.bone")]
    [InlineData("tumour.resection.marginMm")]
    [InlineData("tumour.tnm.stage")]
    [InlineData("tumour.gapp.pass")]
    [InlineData("imaging.ct")]
    [InlineData("imaging.sstrPet.suvMax")]
    [InlineData("imaging.fdgPet.suvMax")]
    [InlineData("labs.crp")]
    [InlineData("history.surgeries")]
    [InlineData("symptoms.pain")]
    public void A_member_the_contract_does_not_define_is_an_unknown_field(string path)
    {
        // tumour.gapp on an ileal tumour would also be field-not-for-site; use an adrenal case for the gapp level.
        var json = CaseJson.Minimal(path.StartsWith("tumour.gapp", StringComparison.Ordinal) ? "adrenal" : "ileum").SetRaw(path, "1");
        ShouldFailWith(json, ErrorCodes.UnknownField, path);
    }

    [Fact]
    public void Member_names_are_case_sensitive_a_capitalised_tumour_is_unknown_and_the_tumour_missing() =>
        Errors("""{ "schemaVersion": "1", "Tumour": { "primarySite": "ileum" } }""")
            .ShouldBe([(ErrorCodes.UnknownField, "Tumour"), (ErrorCodes.Required, "tumour")], ignoreOrder: true);

    [Fact]
    public void An_unknown_member_of_a_prior_therapy_is_reported_with_its_index() =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "code": "systemic.ssa" }, { "code": "systemic.prrt", "dose": 7.4 }]"""),
            ErrorCodes.UnknownField, "history.priorTherapies[1].dose");

    [Fact]
    public void SchemaVersion_is_required() =>
        ShouldFailWith(CaseJson.Minimal().Remove("schemaVersion"), ErrorCodes.Required, "schemaVersion");

    [Fact]
    public void Tumour_is_required() =>
        ShouldFailWith(CaseJson.Minimal().Remove("tumour"), ErrorCodes.Required, "tumour");

    [Fact]
    public void A_null_tumour_is_a_missing_tumour() =>
        ShouldFailWith(CaseJson.Minimal().SetNull("tumour"), ErrorCodes.Required, "tumour");

    [Fact]
    public void The_primary_site_is_required() =>
        ShouldFailWith(CaseJson.Minimal().Remove("tumour.primarySite"), ErrorCodes.Required, "tumour.primarySite");

    [Fact]
    public void A_prior_therapy_needs_its_code() =>
        ShouldFailWith(CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "outcome": "progression" }]"""),
            ErrorCodes.Required, "history.priorTherapies[0].code");

    [Theory]
    [InlineData("2")]
    [InlineData("1.0")]
    [InlineData("")]
    [InlineData("v1")]
    public void Only_schema_version_1_is_read(string version) =>
        ShouldFailWith(CaseJson.Minimal().Set("schemaVersion", version), ErrorCodes.UnsupportedSchemaVersion, "schemaVersion");

    [Fact]
    public void The_minimal_case_is_valid() => ReadValid(CaseJson.Minimal()).Tumour.PrimarySite.ShouldBe(Cases.PrimarySite.Ileum);

    [Fact]
    public void The_case_id_is_kept_even_when_the_case_is_invalid() =>
        Read(CaseJson.Minimal().Set("tumour.ki67Percent", 101)).CaseId.ShouldBe("test-case");
}

/// <summary>A value of the wrong JSON type must not hide the other problems of the case.</summary>
public class WrongTypeWithOtherErrorsTests
{
    [Fact]
    public void A_wrong_type_is_reported_with_every_other_error()
    {
        var json = CaseJson.Minimal().SetRaw("tumour.ki67Percent", "\"8.5\"").Set("tumour.sizeMm", 0).Set("tumour.ki76", 1);
        Errors(json).ShouldBe([
            (ErrorCodes.WrongType, "tumour.ki67Percent"),
            (ErrorCodes.UnknownField, "tumour.ki76"),
            (ErrorCodes.OutOfRange, "tumour.sizeMm"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Several_wrong_types_are_all_reported_without_consequential_errors()
    {
        var json = CaseJson.Minimal().SetRaw("tumour.ki67Percent", "\"x\"").SetRaw("patient.ecog", "\"1\"")
            .SetRaw("history.priorTherapies", """[{ "code": 5 }, 7]""").SetRaw("tumour.invades", """["liver", 3]""");
        Errors(json).ShouldBe([
            (ErrorCodes.WrongType, "tumour.ki67Percent"),
            (ErrorCodes.WrongType, "patient.ecog"),
            (ErrorCodes.WrongType, "history.priorTherapies[0].code"),
            (ErrorCodes.WrongType, "history.priorTherapies[1]"),
            (ErrorCodes.WrongType, "tumour.invades[1]"),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("tumour", "\"ileum\"")]
    [InlineData("tumour.primarySite", "[\"ileum\"]")]
    [InlineData("schemaVersion", "1")]
    public void A_required_member_of_the_wrong_type_is_a_wrong_type_only(string path, string value) =>
        ShouldFailWith(CaseJson.Minimal().SetRaw(path, value), ErrorCodes.WrongType, path);

    [Fact]
    public void A_wrong_type_before_broken_json_still_reports_the_broken_json() =>
        Errors("""{ "schemaVersion": 1, "tumour": { "primarySite": "ileum" """).Select(e => e.Code).ShouldContain(ErrorCodes.MalformedJson);

    [Fact]
    public void A_wrong_type_before_a_duplicate_member_still_reports_the_duplicate() =>
        Errors("""{ "schemaVersion": 1, "tumour": { "primarySite": "ileum", "sizeMm": 3, "sizeMm": 4 } }""").Select(e => e.Code).ShouldContain(ErrorCodes.MalformedJson);
}
