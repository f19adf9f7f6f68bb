using System.Globalization;

namespace NetPath.Clinical.Tests.Staging;

/// <summary>Every size threshold of every chapter, end to end through NetPathEngine (NetPath conventions §3).</summary>
public sealed class SizeBoundaryTests
{
    private static string Size(double mm) => mm.ToString(CultureInfo.InvariantCulture);

    private static string Luminal(string site, double mm, string depth) =>
        $"\"primarySite\": \"{site}\", \"differentiation\": \"well\", \"ki67Percent\": 1, \"sizeMm\": {Size(mm)}, \"depth\": \"{depth}\", " +
        "\"lymphNodes\": { \"examined\": 5, \"positive\": 0 }, \"metastases\": { \"liver\": false, \"extrahepatic\": [] }";

    [Theory]
    [InlineData(19, "T1", "I")]
    [InlineData(19.9, "T1", "I")]
    [InlineData(20, "T2", "II")]
    [InlineData(40, "T2", "II")]
    [InlineData(40.1, "T3", "II")]
    [InlineData(41, "T3", "II")]
    public void Pancreas(double mm, string t, string group)
    {
        var e = StagingTestKit.Ajcc($"\"primarySite\": \"pancreas\", \"differentiation\": \"well\", \"ki67Percent\": 1, \"sizeMm\": {Size(mm)}, " +
            "\"lymphNodes\": { \"examined\": 5, \"positive\": 0 }, \"metastases\": { \"liver\": false, \"extrahepatic\": [] }");
        (e.T, e.Group).ShouldBe((t, group));
    }

    [Theory]
    [InlineData("rectum", 9, "T1a", "I", "IA")]
    [InlineData("rectum", 9.9, "T1a", "I", "IA")]
    [InlineData("colon", 10, "T1b", "I", "IB")]
    [InlineData("colon", 20, "T1b", "I", "IB")]
    [InlineData("rectum", 20.1, "T2", "IIA", "IIA")]
    public void Colon_and_rectum(string site, double mm, string t, string ajccGroup, string enetsGroup)
    {
        var assessment = StagingTestKit.Assess(StagingTestKit.Case(Luminal(site, mm, "submucosa")));
        var ajcc = assessment.Staging.Single(s => s.System == "AJCC8");
        var enets = assessment.Staging.Single(s => s.System == "ENETS");
        (ajcc.T, ajcc.Group, enets.T, enets.Group).ShouldBe((t, ajccGroup, t, enetsGroup));
    }

    [Theory]
    [InlineData("stomach", 10, "T1")]
    [InlineData("stomach", 10.1, "T2")]
    [InlineData("duodenum", 10, "T1")]
    [InlineData("duodenum", 10.1, "T2")]
    [InlineData("jejunum", 10, "T1")]
    [InlineData("ileum", 10.1, "T2")]
    public void Stomach_duodenum_small_bowel(string site, double mm, string t) =>
        StagingTestKit.Ajcc(Luminal(site, mm, "submucosa")).T.ShouldBe(t);

    [Theory]
    [InlineData(10, "T1")]
    [InlineData(10.1, "T2")]
    public void Ampulla(double mm, string t) => StagingTestKit.Ajcc(Luminal("ampulla", mm, "sphincter-of-oddi")).T.ShouldBe(t);

    [Theory]
    [InlineData(20, "T1", "T2")]
    [InlineData(20.1, "T2", "T3")]
    [InlineData(40, "T2", "T3")]
    [InlineData(40.1, "T3", "T3")]
    [InlineData(10, "T1", "T1")]
    [InlineData(10.1, "T1", "T2")]
    public void Appendix(double mm, string ajccT, string enetsT)
    {
        var assessment = StagingTestKit.Assess(StagingTestKit.Case(Luminal("appendix", mm, "muscularis-propria")));
        assessment.Staging.Single(s => s.System == "AJCC8").T.ShouldBe(ajccT);
        assessment.Staging.Single(s => s.System == "ENETS").T.ShouldBe(enetsT);
    }

    [Theory]
    [InlineData(3, "T2")]
    [InlineData(3.1, "T3")]
    public void Appendix_ENETS_mesoappendix_depth(double mm, string enetsT) =>
        StagingTestKit.Enets(Luminal("appendix", 15, "subserosa") + $", \"mesoappendixInvasionMm\": {Size(mm)}").T.ShouldBe(enetsT);

    [Theory]
    [InlineData(10, "T1a", "IA1")]
    [InlineData(10.1, "T1b", "IA2")]
    [InlineData(20, "T1b", "IA2")]
    [InlineData(20.1, "T1c", "IA3")]
    [InlineData(30, "T1c", "IA3")]
    [InlineData(30.1, "T2a", "IB")]
    [InlineData(40, "T2a", "IB")]
    [InlineData(40.1, "T2b", "IIA")]
    [InlineData(50, "T2b", "IIA")]
    [InlineData(50.1, "T3", "IIB")]
    [InlineData(70, "T3", "IIB")]
    [InlineData(70.1, "T4", "IIIA")]
    public void Lung(double mm, string t, string group)
    {
        var e = StagingTestKit.Ajcc($"\"primarySite\": \"lung\", \"differentiation\": \"well\", \"mitosesPer2mm2\": 1, \"necrosis\": \"none\", \"sizeMm\": {Size(mm)}, " +
            "\"lymphNodes\": { \"examined\": 8, \"positive\": 0 }, \"metastases\": { \"liver\": false, \"extrahepatic\": [] }");
        (e.T, e.Group).ShouldBe((t, group));
    }

    [Theory]
    [InlineData(49.9, "T1", "I")]
    [InlineData(50, "T2", "II")]
    public void Pheochromocytoma(double mm, string t, string group)
    {
        var e = StagingTestKit.Ajcc($"\"primarySite\": \"adrenal\", \"histologicType\": \"pheochromocytoma\", \"sizeMm\": {Size(mm)}, " +
            "\"lymphNodes\": { \"examined\": 3, \"positive\": 0 }, \"metastases\": { \"liver\": false, \"extrahepatic\": [] }");
        (e.T, e.Group).ShouldBe((t, group));
    }
}
