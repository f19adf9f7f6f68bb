using NetPath.Clinical.Engine;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Tests.Staging;

/// <summary>Clinician categories that the site's chapter does not have, or that the size rules out, are input errors.</summary>
public sealed class TnmValidationTests
{
    private static IReadOnlyList<ValidationError> Errors(string tumour) =>
        NetPathEngine.Current.Read(StagingTestKit.Case(tumour)).Errors;

    [Theory]
    [InlineData("pancreas", 45, "T1")]
    [InlineData("pancreas", 19, "T2")]
    [InlineData("rectum", 8, "T1b")]
    [InlineData("appendix", 25, "T1")]
    [InlineData("lung", 18, "T1a")]
    [InlineData("adrenal", 60, "T1")]
    [InlineData("stomach", 8, "T0")]
    public void A_T_the_size_rules_out_is_an_error(string site, double mm, string t)
    {
        var extra = site == "adrenal" ? "\"histologicType\": \"pheochromocytoma\"" : "\"differentiation\": \"well\"";
        var errors = Errors($"\"primarySite\": \"{site}\", {extra}, \"sizeMm\": {mm}, \"tnm\": {{ \"t\": \"{t}\" }}");
        errors.ShouldContain(e => e.Code == ErrorCodes.TnmContradictsSize && e.Path == "tumour.tnm.t");
    }

    [Theory]
    [InlineData("stomach", 8, "T2")]
    [InlineData("pancreas", 14, "T4")]
    [InlineData("lung", 18, "T2a")]
    [InlineData("rectum", 15, "pT1")]
    [InlineData("ileum", 15, "T3(m)")]
    public void A_T_the_size_allows_is_accepted(string site, double mm, string t) =>
        Errors($"\"primarySite\": \"{site}\", \"differentiation\": \"well\", \"sizeMm\": {mm}, \"tnm\": {{ \"t\": \"{t}\" }}").ShouldBeEmpty();

    [Theory]
    [InlineData("pancreas", "t", "T1a")]
    [InlineData("stomach", "n", "N2")]
    [InlineData("lung", "t", "T0x")]
    [InlineData("appendix", "m", "M2")]
    [InlineData("ileum", "n", "N3")]
    public void A_category_the_chapter_does_not_have_is_an_error(string site, string axis, string value)
    {
        var errors = Errors($"\"primarySite\": \"{site}\", \"differentiation\": \"well\", \"tnm\": {{ \"{axis}\": \"{value}\" }}");
        errors.ShouldContain(e => e.Code == ErrorCodes.InvalidTnmCategory && e.Path == "tumour.tnm." + axis);
    }

    [Fact]
    public void A_NEC_is_not_checked_against_the_NET_chapter() =>
        Errors("\"primarySite\": \"stomach\", \"differentiation\": \"poor\", \"sizeMm\": 40, \"tnm\": { \"n\": \"N2\" }").ShouldBeEmpty();
}
