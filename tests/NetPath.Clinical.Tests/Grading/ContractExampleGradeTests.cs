using NetPath.Clinical.Assessments;
using NetPath.Clinical.Tests.TestSupport;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Grading;

/// <summary>
/// The classification and grade that the contract's example cases expect (contracts/examples/01-08, the
/// tumour objects copied here with their expected grade; tests never read /work/shared).
/// </summary>
public class ContractExampleGradeTests
{
    [Theory]
    [InlineData("01-rectal-small", """
        "primarySite": "rectum", "differentiation": "well", "ki67Percent": 1, "mitosesPer2mm2": 0, "sizeMm": 8, "depth": "submucosa",
        "lymphNodes": {"examined": 0, "positive": 0}, "metastases": {"liver": false, "extrahepatic": []}, "lymphovascularInvasion": false,
        "functionalSyndrome": "none", "resection": {"done": true, "margin": "R0"}
        """, ClassificationFamily.GepNet, GradeSystem.Who2019, GradeValue.G1, false)]
    [InlineData("02-appendix-25mm", """
        "primarySite": "appendix", "differentiation": "well", "ki67Percent": 2, "mitosesPer2mm2": 1, "sizeMm": 25, "depth": "muscularis-propria",
        "lymphNodes": {"examined": 4, "positive": 0}, "metastases": {"liver": false, "extrahepatic": []}, "functionalSyndrome": "none",
        "resection": {"done": true, "margin": "R0"}
        """, ClassificationFamily.GepNet, GradeSystem.Who2019, GradeValue.G1, false)]
    [InlineData("03-ileal-metastatic-syndrome", """
        "primarySite": "ileum", "differentiation": "well", "ki67Percent": 4, "mitosesPer2mm2": 1, "sizeMm": 18, "depth": "subserosa",
        "lymphNodes": {"mesentericMassOver2cm": true}, "metastases": {"liver": true, "extrahepatic": []}, "liverTumourBurdenPercent": 20,
        "resectability": "unresectable", "functionalSyndrome": "carcinoid-syndrome"
        """, ClassificationFamily.GepNet, GradeSystem.Who2019, GradeValue.G2, true)]
    [InlineData("04-pancreas-small-nf", """
        "primarySite": "pancreas", "differentiation": "well", "ki67Percent": 1.5, "sizeMm": 14, "metastases": {"liver": false, "extrahepatic": []},
        "functionalSyndrome": "none", "tnm": {"n": "N0"}
        """, ClassificationFamily.GepNet, GradeSystem.Who2019, GradeValue.G1, false)]
    [InlineData("05-pancreas-progressive-prrt-blocked", """
        "primarySite": "pancreas", "differentiation": "well", "ki67Percent": 12, "mitosesPer2mm2": 4, "sizeMm": 45,
        "lymphNodes": {"examined": 12, "positive": 3}, "metastases": {"liver": true, "extrahepatic": []}, "resectability": "unresectable",
        "functionalSyndrome": "none"
        """, ClassificationFamily.GepNet, GradeSystem.Who2019, GradeValue.G2, false)]
    [InlineData("06-lung-typical", """
        "primarySite": "lung", "differentiation": "well", "mitosesPer2mm2": 1, "necrosis": "none", "ki67Percent": 2, "sizeMm": 18,
        "lymphNodes": {"examined": 10, "positive": 0}, "metastases": {"liver": false, "extrahepatic": []}, "functionalSyndrome": "none",
        "resectability": "resectable"
        """, ClassificationFamily.LungNet, GradeSystem.Who2021Thoracic, GradeValue.TypicalCarcinoid, false)]
    [InlineData("07-colon-nec", """
        "primarySite": "colon", "differentiation": "poor", "histologicType": "nec-small-cell", "ki67Percent": 80, "mitosesPer2mm2": 45,
        "sizeMm": 50, "metastases": {"liver": true, "extrahepatic": ["bone"]}, "resectability": "unresectable", "functionalSyndrome": "none"
        """, ClassificationFamily.GepNet, GradeSystem.Who2019, GradeValue.Nec, false)]
    [InlineData("08-pheo-metastatic", """
        "primarySite": "adrenal", "histologicType": "pheochromocytoma", "sizeMm": 60, "lymphNodes": {"examined": 0, "positive": 0},
        "metastases": {"liver": false, "extrahepatic": ["bone"]}, "functionalSyndrome": "catecholamine-excess"
        """, ClassificationFamily.Ppgl, GradeSystem.None, GradeValue.NotApplicable, false)]
    public void The_example_case_is_classified_and_graded_as_the_contract_expects(string example, string tumour,
        ClassificationFamily family, GradeSystem system, GradeValue value, bool discordant)
    {
        _ = example;
        var a = ClassifyAndGrade(CaseJson.Tumour(tumour));
        a.Classification.Family.ShouldBe(family);
        a.Grade.System.ShouldBe(system);
        a.Grade.Value.ShouldBe(value);
        a.Grade.Discordant.ShouldBe(discordant);
    }
}
