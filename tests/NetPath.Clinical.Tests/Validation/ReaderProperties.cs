using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Tests.TestSupport;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Tests.Validation;

/// <summary>Properties of reading and assessing over random cases: valid ones, damaged ones and plain garbage.</summary>
public class ReaderProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    /// <summary>The generator models every rule of the reader: if this fails, either the reader or CaseGen is wrong.</summary>
    [Fact]
    public void Every_generated_valid_case_is_read_as_valid() =>
        Check.One(Runs, Prop.ForAll(CaseGen.ValidCases, json =>
        {
            var read = CaseReader.Read(json);
            return read.IsValid.Label(string.Join("; ", read.Errors.Select(e => $"{e.Code} at {e.Path}")));
        }));

    [Fact]
    public void No_valid_case_throws_when_read_and_assessed() =>
        Check.One(Runs, Prop.ForAll(CaseGen.ValidCases, json =>
        {
            var read = NetPathEngine.Current.Read(json);
            if (!read.IsValid) return true; // staging may see more than the reader; that is an answer, not a crash
            var a = NetPathEngine.Current.Assess(read.Case!, CaseGen.AssessmentDate);
            return a.Grade is not null && a.Classification is not null && a.KnowledgeVersion == NetPathEngine.Current.Knowledge.Version;
        }));

    [Fact]
    public void The_grading_system_always_matches_the_family() =>
        Check.One(Runs, Prop.ForAll(CaseGen.ValidCases, json =>
        {
            var read = NetPathEngine.Current.Read(json);
            if (!read.IsValid) return true;
            var a = NetPathEngine.Current.Assess(read.Case!, CaseGen.AssessmentDate);
            return a.Classification.Family switch
            {
                ClassificationFamily.Ppgl => a.Grade.System is GradeSystem.Gapp or GradeSystem.None && a.Grade.Value == GradeValue.NotApplicable,
                ClassificationFamily.LungNet => a.Grade.System == GradeSystem.Who2021Thoracic
                    && a.Grade.Value is GradeValue.TypicalCarcinoid or GradeValue.AtypicalCarcinoid or GradeValue.HighGradeCarcinoma or GradeValue.Unknown,
                _ => a.Grade.System == GradeSystem.Who2019
                    && a.Grade.Value is GradeValue.G1 or GradeValue.G2 or GradeValue.G3 or GradeValue.Nec or GradeValue.Unknown,
            };
        }));

    [Fact]
    public void An_unknown_grade_always_says_what_is_missing() =>
        Check.One(Runs, Prop.ForAll(CaseGen.ValidCases, json =>
        {
            var read = NetPathEngine.Current.Read(json);
            if (!read.IsValid) return true;
            var a = NetPathEngine.Current.Assess(read.Case!, CaseGen.AssessmentDate);
            return a.Grade.Value != GradeValue.Unknown || a.MissingData.Count > 0;
        }));

    [Fact]
    public void A_member_added_anywhere_in_a_valid_case_is_exactly_one_unknown_field_at_its_path() =>
        Check.One(Runs, Prop.ForAll(CaseGen.WithUnknownMember, input =>
        {
            var read = CaseReader.Read(input.Json);
            return read.Errors.Count == 1 && read.Errors[0].Code == ErrorCodes.UnknownField && read.Errors[0].Path == input.Path;
        }));

    [Fact]
    public void A_damaged_case_never_throws_and_never_gives_both_a_case_and_errors() =>
        Check.One(Runs.WithMaxTest(1000), Prop.ForAll(CaseGen.DamagedCases, json => IsOneOrTheOther(NetPathEngine.Current.Read(json))));

    [Fact]
    public void Garbled_text_never_throws_and_never_gives_both_a_case_and_errors() =>
        Check.One(Runs.WithMaxTest(1000), Prop.ForAll(CaseGen.GarbledCases, json => IsOneOrTheOther(NetPathEngine.Current.Read(json))));

    [Fact]
    public void Random_bytes_never_throw() =>
        Check.One(Runs.WithMaxTest(1000), Prop.ForAll(CaseGen.RandomBytes, bytes => IsOneOrTheOther(NetPathEngine.Current.Read(bytes.AsSpan()))));

    [Fact]
    public void Random_strings_never_throw() =>
        Check.One(Runs.WithMaxTest(1000), Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => IsOneOrTheOther(NetPathEngine.Current.Read(text ?? ""))));

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D })]          // invalid UTF-8 in a member name
    [InlineData(new byte[] { 0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x22, 0x7D })] // truncated UTF-8 in a string value
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D })]                               // BOM then {}
    public void Odd_bytes_are_errors_not_exceptions(byte[] bytes) =>
        IsOneOrTheOther(NetPathEngine.Current.Read(bytes.AsSpan())).ShouldBeTrue();

    [Fact]
    public void Deep_nesting_is_an_error_not_an_exception()
    {
        var deep = new StringBuilder("""{ "schemaVersion": "1", "tumour": { "primarySite": "ileum" }, "x": """);
        for (var i = 0; i < 5000; i++) deep.Append('[');
        for (var i = 0; i < 5000; i++) deep.Append(']');
        deep.Append('}');
        var read = NetPathEngine.Current.Read(deep.ToString());
        read.IsValid.ShouldBeFalse();
        read.Errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void Huge_numbers_are_errors_not_exceptions()
    {
        foreach (var number in new[] { "1e400", "-1e400", "99999999999999999999", "1e308" })
        {
            foreach (var path in new[] { "tumour.ki67Percent", "tumour.gastricType", "patient.ageYears", "labs.egfrMlMin" })
            {
                var read = NetPathEngine.Current.Read(CaseJson.Minimal("stomach").SetRaw(path, number));
                read.IsValid.ShouldBeFalse($"{path} = {number}");
                read.Errors.ShouldHaveSingleItem().Path.ShouldBe(path);
            }
        }
    }

    private static bool IsOneOrTheOther(CaseReadResult read) =>
        read.IsValid ? read.Case is not null && read.Errors.Count == 0 : read.Case is null && read.Errors.Count > 0;
}
