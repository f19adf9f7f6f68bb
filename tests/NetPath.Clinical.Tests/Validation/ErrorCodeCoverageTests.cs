using System.Reflection;
using NetPath.Clinical.Tests.TestSupport;
using NetPath.Clinical.Validation;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Validation;

/// <summary>Every error code the reader owns has a case that produces it: a new code without a test fails here.</summary>
public class ErrorCodeCoverageTests
{
    /// <summary>Codes raised by the staging rules (Staging/, tested with them), not by the reader.</summary>
    private static readonly string[] StagingCodes = [ErrorCodes.TnmContradictsSize, ErrorCodes.TnmContradictsFacts];

    private static readonly Dictionary<string, string> OneCasePerCode = new()
    {
        [ErrorCodes.MalformedJson] = "{",
        [ErrorCodes.WrongType] = CaseJson.Minimal().SetRaw("tumour.ki67Percent", "\"5\""),
        [ErrorCodes.UnknownField] = CaseJson.Minimal().Set("tumour.kI67Percent", 5),
        [ErrorCodes.Required] = CaseJson.Minimal().Remove("tumour.primarySite"),
        [ErrorCodes.UnsupportedSchemaVersion] = CaseJson.Minimal().Set("schemaVersion", "0"),
        [ErrorCodes.InvalidCode] = CaseJson.Minimal().Set("tumour.necrosis", "focal"),
        [ErrorCodes.OutOfRange] = CaseJson.Minimal().Set("tumour.ki67Percent", 100.1),
        [ErrorCodes.InvalidDate] = CaseJson.Minimal().Set("assessmentDate", "23.11.2026"),
        [ErrorCodes.DuplicateValue] = CaseJson.Minimal().SetRaw("symptoms.present", """["rash", "rash"]"""),
        [ErrorCodes.InvalidTnmCategory] = CaseJson.Minimal().Set("tumour.tnm.t", "T5"),
        [ErrorCodes.NodesPositiveExceedExamined] = CaseJson.Minimal().SetRaw("tumour.lymphNodes", """{ "examined": 1, "positive": 2 }"""),
        [ErrorCodes.DifferentiationHistology] = CaseJson.Minimal().Set("tumour.differentiation", "poor").Set("tumour.histologicType", "net"),
        [ErrorCodes.HistologySite] = CaseJson.Minimal("rectum").Set("tumour.histologicType", "typical-carcinoid"),
        [ErrorCodes.FieldNotForSite] = CaseJson.Minimal("colon").Set("tumour.gastricType", 1),
        [ErrorCodes.InconsistentFacts] = CaseJson.Minimal().Set("patient.sex", "male").Set("patient.pregnant", true),
        [ErrorCodes.DateOrder] = CaseJson.Minimal().SetRaw("history.priorTherapies", """[{ "code": "systemic.ssa", "startDate": "2026-02-01", "endDate": "2026-01-01" }]"""),
    };

    [Fact]
    public void Every_reader_error_code_has_a_case()
    {
        var all = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
        OneCasePerCode.Keys.ShouldBe(all.Except(StagingCodes), ignoreOrder: true);
    }

    [Fact]
    public void Each_case_gives_exactly_its_code()
    {
        foreach (var (code, json) in OneCasePerCode)
            Errors(json).Select(e => e.Code).ShouldBe([code], customMessage: code);
    }

    [Fact]
    public void Every_error_names_what_is_allowed_and_a_message()
    {
        foreach (var json in OneCasePerCode.Values)
        {
            foreach (var e in Read(json).Errors)
            {
                e.Message.ShouldNotBeNullOrWhiteSpace();
                e.Allowed.ShouldNotBeNullOrWhiteSpace(e.Code);
            }
        }
    }
}
