using NetPath.Clinical.Assessments;
using NetPath.Clinical.Classification;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Grading;
using NetPath.Clinical.Validation;
using Case = NetPath.Clinical.Cases.Case;

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

    /// <summary>
    /// Classification and grade with only the findings those two steps make, so that a test saying a
    /// field is not missing does not depend on what staging and pathways add. The full assessment runs
    /// too and must agree with them.
    /// </summary>
    public static Graded ClassifyAndGrade(string json)
    {
        var c = ReadValid(json);
        var findings = new Findings();
        var classification = Classifier.Classify(c, findings);
        var grade = new Grader(NetPathEngine.Current.Knowledge.Grading).Grade(c, classification, findings);
        classification = Classifier.WithThoracicType(classification, grade);

        var full = NetPathEngine.Current.Assess(c, Today);
        full.Classification.ShouldBe(classification);
        (full.Grade.System, full.Grade.Value, full.Grade.ByKi67, full.Grade.ByMitoses, full.Grade.Discordant, full.Grade.Gapp)
            .ShouldBe((grade.System, grade.Value, grade.ByKi67, grade.ByMitoses, grade.Discordant, grade.Gapp));
        foreach (var m in findings.Missing) full.MissingData.Select(d => d.Field).ShouldContain(m.Field);

        return new Graded(classification, grade, findings.Missing, findings.Warnings);
    }

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

    public static IEnumerable<string> MissingFields(this Graded g) => g.MissingData.Select(m => m.Field);

    public static IEnumerable<string> WarningCodes(this Graded g) => g.Warnings.Select(w => w.Code);
}

/// <summary>What classification and grading conclude, with their own missing data and warnings.</summary>
public sealed record Graded(Assessments.Classification Classification, Grade Grade, IReadOnlyList<MissingDatum> MissingData, IReadOnlyList<Warning> Warnings);
