using System.Text.Json.Serialization;

namespace NetPath.Clinical.Cases;

// Closed code sets of the case contract (contracts/case.md). Every member names its wire code
// explicitly: renaming a C# member must never change what goes over the wire.

public enum Sex
{
    [JsonStringEnumMemberName("female")] Female,
    [JsonStringEnumMemberName("male")] Male,
    [JsonStringEnumMemberName("other")] Other,
}

public enum PrimarySite
{
    [JsonStringEnumMemberName("stomach")] Stomach,
    [JsonStringEnumMemberName("duodenum")] Duodenum,
    [JsonStringEnumMemberName("ampulla")] Ampulla,
    [JsonStringEnumMemberName("jejunum")] Jejunum,
    [JsonStringEnumMemberName("ileum")] Ileum,
    [JsonStringEnumMemberName("appendix")] Appendix,
    [JsonStringEnumMemberName("colon")] Colon,
    [JsonStringEnumMemberName("rectum")] Rectum,
    [JsonStringEnumMemberName("pancreas")] Pancreas,
    [JsonStringEnumMemberName("lung")] Lung,
    [JsonStringEnumMemberName("thymus")] Thymus,
    [JsonStringEnumMemberName("adrenal")] Adrenal,
    [JsonStringEnumMemberName("extra-adrenal-paraganglion")] ExtraAdrenalParaganglion,
    [JsonStringEnumMemberName("unknown-primary")] UnknownPrimary,
    [JsonStringEnumMemberName("other")] Other,
}

public enum Differentiation
{
    [JsonStringEnumMemberName("well")] Well,
    [JsonStringEnumMemberName("poor")] Poor,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

public enum HistologicType
{
    [JsonStringEnumMemberName("net")] Net,
    [JsonStringEnumMemberName("nec-small-cell")] NecSmallCell,
    [JsonStringEnumMemberName("nec-large-cell")] NecLargeCell,
    [JsonStringEnumMemberName("minen")] Minen,
    [JsonStringEnumMemberName("typical-carcinoid")] TypicalCarcinoid,
    [JsonStringEnumMemberName("atypical-carcinoid")] AtypicalCarcinoid,
    [JsonStringEnumMemberName("pheochromocytoma")] Pheochromocytoma,
    [JsonStringEnumMemberName("paraganglioma")] Paraganglioma,
}

public enum Necrosis
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("punctate")] Punctate,
    [JsonStringEnumMemberName("extensive")] Extensive,
}

/// <summary>Deepest layer reached in a luminal organ, in anatomical order (shallow first).</summary>
public enum Depth
{
    [JsonStringEnumMemberName("lamina-propria")] LaminaPropria,
    [JsonStringEnumMemberName("submucosa")] Submucosa,
    [JsonStringEnumMemberName("muscularis-propria")] MuscularisPropria,
    [JsonStringEnumMemberName("subserosa")] Subserosa,
    [JsonStringEnumMemberName("serosa")] Serosa,
    /// <summary>Ampulla only: confined within the sphincter of Oddi.</summary>
    [JsonStringEnumMemberName("sphincter-of-oddi")] SphincterOfOddi,
    /// <summary>Ampulla only: through the sphincter into the duodenal submucosa.</summary>
    [JsonStringEnumMemberName("duodenal-submucosa")] DuodenalSubmucosa,
}

public enum InvadedStructure
{
    [JsonStringEnumMemberName("duodenum")] Duodenum,
    [JsonStringEnumMemberName("common-bile-duct")] CommonBileDuct,
    [JsonStringEnumMemberName("pancreas")] Pancreas,
    [JsonStringEnumMemberName("peripancreatic-tissue")] PeripancreaticTissue,
    [JsonStringEnumMemberName("stomach")] Stomach,
    [JsonStringEnumMemberName("spleen")] Spleen,
    [JsonStringEnumMemberName("colon")] Colon,
    [JsonStringEnumMemberName("adrenal")] Adrenal,
    [JsonStringEnumMemberName("kidney")] Kidney,
    [JsonStringEnumMemberName("liver")] Liver,
    [JsonStringEnumMemberName("large-vessels")] LargeVessels,
    [JsonStringEnumMemberName("mesoappendix")] Mesoappendix,
    [JsonStringEnumMemberName("peritoneum")] Peritoneum,
    [JsonStringEnumMemberName("adjacent-organ")] AdjacentOrgan,
    [JsonStringEnumMemberName("local-tissues")] LocalTissues,
}

public enum ParagangliomaType
{
    [JsonStringEnumMemberName("sympathetic")] Sympathetic,
    [JsonStringEnumMemberName("parasympathetic")] Parasympathetic,
}

public enum MetastaticSite
{
    [JsonStringEnumMemberName("bone")] Bone,
    [JsonStringEnumMemberName("lung")] Lung,
    [JsonStringEnumMemberName("peritoneum")] Peritoneum,
    [JsonStringEnumMemberName("distant-lymph-nodes")] DistantLymphNodes,
    [JsonStringEnumMemberName("brain")] Brain,
    [JsonStringEnumMemberName("pleura")] Pleura,
    [JsonStringEnumMemberName("other")] Other,
}

public enum Resectability
{
    [JsonStringEnumMemberName("resectable")] Resectable,
    [JsonStringEnumMemberName("borderline")] Borderline,
    [JsonStringEnumMemberName("unresectable")] Unresectable,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

public enum ResectionMargin
{
    [JsonStringEnumMemberName("R0")] R0,
    [JsonStringEnumMemberName("R1")] R1,
    [JsonStringEnumMemberName("R2")] R2,
}

public enum FunctionalSyndrome
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("carcinoid-syndrome")] CarcinoidSyndrome,
    [JsonStringEnumMemberName("insulinoma")] Insulinoma,
    [JsonStringEnumMemberName("gastrinoma")] Gastrinoma,
    [JsonStringEnumMemberName("vipoma")] Vipoma,
    [JsonStringEnumMemberName("glucagonoma")] Glucagonoma,
    [JsonStringEnumMemberName("somatostatinoma")] Somatostatinoma,
    [JsonStringEnumMemberName("ectopic-acth")] EctopicActh,
    [JsonStringEnumMemberName("catecholamine-excess")] CatecholamineExcess,
    [JsonStringEnumMemberName("other")] Other,
}

public enum GermlineSyndrome
{
    [JsonStringEnumMemberName("MEN1")] Men1,
    [JsonStringEnumMemberName("MEN4")] Men4,
    [JsonStringEnumMemberName("VHL")] Vhl,
    [JsonStringEnumMemberName("NF1")] Nf1,
    [JsonStringEnumMemberName("TSC")] Tsc,
    [JsonStringEnumMemberName("SDHA")] Sdha,
    [JsonStringEnumMemberName("SDHB")] Sdhb,
    [JsonStringEnumMemberName("SDHC")] Sdhc,
    [JsonStringEnumMemberName("SDHD")] Sdhd,
    [JsonStringEnumMemberName("SDHAF2")] Sdhaf2,
    [JsonStringEnumMemberName("MAX")] Max,
    [JsonStringEnumMemberName("TMEM127")] Tmem127,
    [JsonStringEnumMemberName("RET")] Ret,
    [JsonStringEnumMemberName("FH")] Fh,
}

public enum TherapyOutcome
{
    [JsonStringEnumMemberName("response")] Response,
    [JsonStringEnumMemberName("stable")] Stable,
    [JsonStringEnumMemberName("progression")] Progression,
    [JsonStringEnumMemberName("intolerance")] Intolerance,
    [JsonStringEnumMemberName("ongoing")] Ongoing,
}

public enum Symptom
{
    [JsonStringEnumMemberName("flushing")] Flushing,
    [JsonStringEnumMemberName("diarrhea")] Diarrhea,
    [JsonStringEnumMemberName("abdominal-pain")] AbdominalPain,
    [JsonStringEnumMemberName("weight-loss")] WeightLoss,
    [JsonStringEnumMemberName("fatigue")] Fatigue,
    [JsonStringEnumMemberName("wheezing")] Wheezing,
    [JsonStringEnumMemberName("cough")] Cough,
    [JsonStringEnumMemberName("hypertension")] Hypertension,
    [JsonStringEnumMemberName("palpitations")] Palpitations,
    [JsonStringEnumMemberName("hypoglycemia")] Hypoglycemia,
    [JsonStringEnumMemberName("peptic-ulcer")] PepticUlcer,
    [JsonStringEnumMemberName("rash")] Rash,
    [JsonStringEnumMemberName("hyperglycemia")] Hyperglycemia,
    [JsonStringEnumMemberName("cushingoid")] Cushingoid,
    [JsonStringEnumMemberName("neurological")] Neurological,
    [JsonStringEnumMemberName("bowel-obstruction")] BowelObstruction,
    [JsonStringEnumMemberName("bleeding")] Bleeding,
    [JsonStringEnumMemberName("bone-pain")] BonePain,
    [JsonStringEnumMemberName("jaundice")] Jaundice,
}

// GAPP inputs (Kimura et al., Endocr Relat Cancer 2014;21:405), added to the case as optional
// fields: tumour.gapp. Ki-67 comes from tumour.ki67Percent.

public enum GappHistologicPattern
{
    [JsonStringEnumMemberName("zellballen")] Zellballen,
    [JsonStringEnumMemberName("large-irregular-nests")] LargeIrregularNests,
    [JsonStringEnumMemberName("pseudorosette")] Pseudorosette,
}

public enum GappCellularity
{
    /// <summary>Under 150 cells per unit area.</summary>
    [JsonStringEnumMemberName("low")] Low,
    /// <summary>150 to 250 cells per unit area.</summary>
    [JsonStringEnumMemberName("moderate")] Moderate,
    /// <summary>Over 250 cells per unit area.</summary>
    [JsonStringEnumMemberName("high")] High,
}

public enum CatecholamineType
{
    [JsonStringEnumMemberName("adrenergic")] Adrenergic,
    [JsonStringEnumMemberName("noradrenergic")] Noradrenergic,
    [JsonStringEnumMemberName("non-functioning")] NonFunctioning,
}
