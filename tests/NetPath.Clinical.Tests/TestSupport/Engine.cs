using NetPath.Clinical.Assessments;
using Case = NetPath.Clinical.Cases.Case;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Tests.TestSupport;

/// <summary>Drives the engine end to end, the way a caller does: read the JSON, then assess.</summary>
public static class Engine
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static CaseReadResult Read(string json) => NetPathEngine.Current.Read(json);

    /// <summary>Reads a case that must be valid; a failure lists the errors.</summary>
    public static Case ReadValid(string json)
    {
        var result = Read(json);
        result.Errors.ShouldBeEmpty(string.Join("; ", result.Errors.Select(e => $"{e.Code} at {e.Path}")));
        result.Case.ShouldNotBeNull();
        return result.Case;
    }

    public static Assessment Assess(string json) => NetPathEngine.Current.Assess(ReadValid(json), Today);

    /// <summary>The errors of a case that must be invalid, as (code, path) pairs.</summary>
    public static IReadOnlyList<(string Code, string Path)> Errors(string json)
    {
        var result = Read(json);
        result.IsValid.ShouldBeFalse("the case should have been rejected");
        result.Case.ShouldBeNull();
        return [.. result.Errors.Select(e => (e.Code, e.Path))];
    }

    /// <summary>Asserts the case is rejected with exactly one error, of this code at this path.</summary>
    public static void ShouldFailWith(string json, string code, string path) =>
        Errors(json).ShouldBe([(code, path)]);

    public static IEnumerable<string> MissingFields(this Assessment a) => a.MissingData.Select(m => m.Field);

    public static IEnumerable<string> WarningCodes(this Assessment a) => a.Warnings.Select(w => w.Code);
}
