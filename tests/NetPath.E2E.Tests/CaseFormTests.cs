using System.Text.Json.Nodes;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Validation;
using NetPath.Web.Components.Cases;

namespace NetPath.E2E.Tests;

/// <summary>The case form's model without a browser: what it writes, what it keeps, where errors land.</summary>
public sealed class CaseFormTests
{
    [Fact]
    public void Every_form_path_is_a_member_the_engine_reads_without_an_unknown_field_error()
    {
        // One value per field, chosen only to be well-typed; the reader must know every path.
        var form = new CaseForm(null);
        foreach (var f in CaseForm.ByPath.Values)
        {
            switch (f.Kind)
            {
                case FieldKind.Codes: form.Toggle(f.Path, f.Options![0], on: true); break;
                case FieldKind.Choice or FieldKind.IntegerChoice: form.Set(f.Path, f.Options![0]); break;
                case FieldKind.YesNo: form.Set(f.Path, "no"); break;
                case FieldKind.Date: form.Set(f.Path, "2026-01-01"); break;
                case FieldKind.Text: form.Set(f.Path, f.Path.StartsWith("tumour.tnm", StringComparison.Ordinal) ? "" : "x"); break;
                default: form.Set(f.Path, "1"); break;
            }
        }
        var read = NetPathEngine.Current.Read(form.ToJson());
        read.Errors.Where(e => e.Code == ErrorCodes.UnknownField).ShouldBeEmpty();
    }

    [Fact]
    public void A_list_left_alone_is_absent_and_none_writes_an_empty_list()
    {
        var form = new CaseForm(null);
        form.Set("tumour.primarySite", "ileum");
        JsonNode.Parse(form.ToJson())!["tumour"]!["metastases"].ShouldBeNull();
        form.Toggle("tumour.metastases.extrahepatic", CaseForm.None, on: true);
        JsonNode.Parse(form.ToJson())!["tumour"]!["metastases"]!["extrahepatic"]!.AsArray().Count.ShouldBe(0);
        form.Toggle("tumour.metastases.extrahepatic", "bone", on: true);
        form.Has("tumour.metastases.extrahepatic", CaseForm.None).ShouldBeFalse();
    }

    [Fact]
    public void Text_that_is_not_a_number_reaches_the_reader_and_is_reported_at_its_field()
    {
        var form = new CaseForm(null);
        form.Set("tumour.primarySite", "pancreas");
        form.Set("tumour.ki67Percent", "twelve");
        form.Set("tumour.sizeMm", "45");
        var read = NetPathEngine.Current.Read(form.ToJson());
        read.IsValid.ShouldBeFalse();
        read.Errors.Select(CaseForm.FieldOf).ShouldContain("tumour.ki67Percent");
    }

    [Fact]
    public void A_loaded_case_round_trips_with_members_the_form_does_not_show()
    {
        const string json = """
            {"schemaVersion":"1","id":"c-1","tumour":{"primarySite":"pancreas","ki67Percent":8.5,"invades":["duodenum"],
             "metastases":{"liver":true,"extrahepatic":[]}},
             "history":{"priorTherapies":[{"code":"systemic.ssa","outcome":"progression","endDate":"2026-09-30"}]}}
            """;
        var form = new CaseForm(json);
        form.Get("tumour.ki67Percent").ShouldBe("8.5");
        form.Get("tumour.metastases.liver").ShouldBe("yes");
        form.Has("tumour.metastases.extrahepatic", CaseForm.None).ShouldBeTrue();
        form.Therapies.Single().Code.ShouldBe("systemic.ssa");
        JsonNode.DeepEquals(JsonNode.Parse(form.ToJson()), JsonNode.Parse(json)).ShouldBeTrue(form.ToJson());
    }

    [Fact]
    public void Errors_inside_lists_land_on_their_field_or_prior_therapy_cell()
    {
        CaseForm.FieldOf(new ValidationError("invalid-code", "tumour.invades[1]", "")).ShouldBe("tumour.invades");
        CaseForm.FieldOf(new ValidationError("date-order", "history.priorTherapies[0].startDate", "")).ShouldBe("history.priorTherapies[0].startDate");
        CaseForm.FieldOf(new ValidationError("wrong-type", "history.priorTherapies[2]", "")).ShouldBe("history.priorTherapies[2].code");
        CaseForm.FieldOf(new ValidationError("unknown-field", "tumour.colour", "")).ShouldBeNull();
        CaseForm.IdOf("history.priorTherapies[0].code").ShouldBe("f-history-priorTherapies-0-code");
    }
}
