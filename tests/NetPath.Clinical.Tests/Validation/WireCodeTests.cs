using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Tests.Validation;

/// <summary>
/// The closed code sets of the case contract, pinned as contracts/case.md spells them (copied here): a
/// renamed or dropped code would silently reject cases that follow the contract.
/// </summary>
public class WireCodeTests
{
    [Fact]
    public void The_code_sets_are_exactly_those_of_the_case_contract()
    {
        WireCode<PrimarySite>.All.ShouldBe(["stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas",
            "lung", "thymus", "adrenal", "extra-adrenal-paraganglion", "unknown-primary", "other"]);
        WireCode<Differentiation>.All.ShouldBe(["well", "poor", "unknown"]);
        WireCode<HistologicType>.All.ShouldBe(["net", "nec-small-cell", "nec-large-cell", "minen", "typical-carcinoid", "atypical-carcinoid",
            "pheochromocytoma", "paraganglioma"]);
        WireCode<Necrosis>.All.ShouldBe(["none", "punctate", "extensive"]);
        WireCode<Depth>.All.ShouldBe(["lamina-propria", "submucosa", "muscularis-propria", "subserosa", "serosa", "sphincter-of-oddi", "duodenal-submucosa"]);
        WireCode<InvadedStructure>.All.ShouldBe(["duodenum", "common-bile-duct", "pancreas", "peripancreatic-tissue", "stomach", "spleen", "colon",
            "adrenal", "kidney", "liver", "large-vessels", "mesoappendix", "peritoneum", "adjacent-organ", "local-tissues"]);
        WireCode<ParagangliomaType>.All.ShouldBe(["sympathetic", "parasympathetic"]);
        WireCode<MetastaticSite>.All.ShouldBe(["bone", "lung", "peritoneum", "distant-lymph-nodes", "brain", "pleura", "other"]);
        WireCode<Resectability>.All.ShouldBe(["resectable", "borderline", "unresectable", "unknown"]);
        WireCode<ResectionMargin>.All.ShouldBe(["R0", "R1", "R2"]);
        WireCode<FunctionalSyndrome>.All.ShouldBe(["none", "carcinoid-syndrome", "insulinoma", "gastrinoma", "vipoma", "glucagonoma",
            "somatostatinoma", "ectopic-acth", "catecholamine-excess", "other"]);
        WireCode<GermlineSyndrome>.All.ShouldBe(["MEN1", "MEN4", "VHL", "NF1", "TSC", "SDHA", "SDHB", "SDHC", "SDHD", "SDHAF2", "MAX", "TMEM127", "RET", "FH"]);
        WireCode<TherapyOutcome>.All.ShouldBe(["response", "stable", "progression", "intolerance", "ongoing"]);
        WireCode<Symptom>.All.ShouldBe(["flushing", "diarrhea", "abdominal-pain", "weight-loss", "fatigue", "wheezing", "cough", "hypertension",
            "palpitations", "hypoglycemia", "peptic-ulcer", "rash", "hyperglycemia", "cushingoid", "neurological", "bowel-obstruction",
            "bleeding", "bone-pain", "jaundice"]);
        WireCode<Sex>.All.ShouldBe(["female", "male", "other"]);
    }

    [Fact]
    public void Every_code_round_trips_and_codes_are_case_sensitive()
    {
        RoundTrips<PrimarySite>();
        RoundTrips<HistologicType>();
        RoundTrips<Depth>();
        RoundTrips<InvadedStructure>();
        RoundTrips<GermlineSyndrome>();
        RoundTrips<Symptom>();
        RoundTrips<GappHistologicPattern>();
        RoundTrips<GappCellularity>();
        RoundTrips<CatecholamineType>();
        WireCode<PrimarySite>.TryParse("Ileum", out _).ShouldBeFalse();
        WireCode<GermlineSyndrome>.TryParse("men1", out _).ShouldBeFalse();
        WireCode<PrimarySite>.TryParse(null, out _).ShouldBeFalse();
    }

    private static void RoundTrips<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var code = WireCode<T>.Of(value);
            WireCode<T>.TryParse(code, out var back).ShouldBeTrue(code);
            back.ShouldBe(value);
        }
        WireCode<T>.All.Distinct(StringComparer.Ordinal).Count().ShouldBe(Enum.GetValues<T>().Length);
    }
}
