using System.Text.Json.Serialization;

namespace NetPath.Clinical.Cases;

// Closed code sets of the case contract (contracts/case.md). Every member names its wire code
// explicitly: renaming a C# member must never change what goes over the wire.

public enum Sex
{
    [JsonStringEnumMemberName("female"), Label("Female")] Female,
    [JsonStringEnumMemberName("male"), Label("Male")] Male,
    [JsonStringEnumMemberName("other"), Label("Other")] Other,
}

public enum PrimarySite
{
    [JsonStringEnumMemberName("stomach"), Label("Stomach")] Stomach,
    [JsonStringEnumMemberName("duodenum"), Label("Duodenum")] Duodenum,
    [JsonStringEnumMemberName("ampulla"), Label("Ampulla of Vater")] Ampulla,
    [JsonStringEnumMemberName("jejunum"), Label("Jejunum")] Jejunum,
    [JsonStringEnumMemberName("ileum"), Label("Ileum")] Ileum,
    [JsonStringEnumMemberName("appendix"), Label("Appendix")] Appendix,
    [JsonStringEnumMemberName("colon"), Label("Colon")] Colon,
    [JsonStringEnumMemberName("rectum"), Label("Rectum")] Rectum,
    [JsonStringEnumMemberName("pancreas"), Label("Pancreas")] Pancreas,
    [JsonStringEnumMemberName("lung"), Label("Lung")] Lung,
    [JsonStringEnumMemberName("thymus"), Label("Thymus")] Thymus,
    [JsonStringEnumMemberName("adrenal"), Label("Adrenal gland")] Adrenal,
    [JsonStringEnumMemberName("extra-adrenal-paraganglion"), Label("Extra-adrenal paraganglion")] ExtraAdrenalParaganglion,
    [JsonStringEnumMemberName("unknown-primary"), Label("Unknown primary")] UnknownPrimary,
    [JsonStringEnumMemberName("other"), Label("Other site")] Other,
}

public enum Differentiation
{
    [JsonStringEnumMemberName("well"), Label("Well differentiated")] Well,
    [JsonStringEnumMemberName("poor"), Label("Poorly differentiated")] Poor,
    [JsonStringEnumMemberName("unknown"), Label("Not known")] Unknown,
}

public enum HistologicType
{
    [JsonStringEnumMemberName("net"), Label("Neuroendocrine tumour (NET)")] Net,
    [JsonStringEnumMemberName("nec-small-cell"), Label("Small cell neuroendocrine carcinoma")] NecSmallCell,
    [JsonStringEnumMemberName("nec-large-cell"), Label("Large cell neuroendocrine carcinoma")] NecLargeCell,
    [JsonStringEnumMemberName("minen"), Label("Mixed neuroendocrine-non-neuroendocrine neoplasm (MiNEN)")] Minen,
    [JsonStringEnumMemberName("typical-carcinoid"), Label("Typical carcinoid")] TypicalCarcinoid,
    [JsonStringEnumMemberName("atypical-carcinoid"), Label("Atypical carcinoid")] AtypicalCarcinoid,
    [JsonStringEnumMemberName("pheochromocytoma"), Label("Phaeochromocytoma")] Pheochromocytoma,
    [JsonStringEnumMemberName("paraganglioma"), Label("Paraganglioma")] Paraganglioma,
}

public enum Necrosis
{
    [JsonStringEnumMemberName("none"), Label("None")] None,
    [JsonStringEnumMemberName("punctate"), Label("Punctate")] Punctate,
    [JsonStringEnumMemberName("extensive"), Label("Extensive")] Extensive,
}

/// <summary>Deepest layer reached in a luminal organ, in anatomical order (shallow first).</summary>
public enum Depth
{
    [JsonStringEnumMemberName("lamina-propria"), Label("Lamina propria")] LaminaPropria,
    [JsonStringEnumMemberName("submucosa"), Label("Submucosa")] Submucosa,
    [JsonStringEnumMemberName("muscularis-propria"), Label("Muscularis propria")] MuscularisPropria,
    [JsonStringEnumMemberName("subserosa"), Label("Subserosa")] Subserosa,
    [JsonStringEnumMemberName("serosa"), Label("Through the serosa")] Serosa,
    /// <summary>Ampulla only: confined within the sphincter of Oddi.</summary>
    [JsonStringEnumMemberName("sphincter-of-oddi"), Label("Within the sphincter of Oddi")] SphincterOfOddi,
    /// <summary>Ampulla only: through the sphincter into the duodenal submucosa.</summary>
    [JsonStringEnumMemberName("duodenal-submucosa"), Label("Through the sphincter into the duodenal submucosa")] DuodenalSubmucosa,
}

public enum InvadedStructure
{
    [JsonStringEnumMemberName("duodenum"), Label("Duodenum")] Duodenum,
    [JsonStringEnumMemberName("common-bile-duct"), Label("Common bile duct")] CommonBileDuct,
    [JsonStringEnumMemberName("pancreas"), Label("Pancreas")] Pancreas,
    [JsonStringEnumMemberName("peripancreatic-tissue"), Label("Peripancreatic tissue")] PeripancreaticTissue,
    [JsonStringEnumMemberName("stomach"), Label("Stomach")] Stomach,
    [JsonStringEnumMemberName("spleen"), Label("Spleen")] Spleen,
    [JsonStringEnumMemberName("colon"), Label("Colon")] Colon,
    [JsonStringEnumMemberName("adrenal"), Label("Adrenal gland")] Adrenal,
    [JsonStringEnumMemberName("kidney"), Label("Kidney")] Kidney,
    [JsonStringEnumMemberName("liver"), Label("Liver")] Liver,
    [JsonStringEnumMemberName("large-vessels"), Label("Large vessels")] LargeVessels,
    [JsonStringEnumMemberName("mesoappendix"), Label("Mesoappendix")] Mesoappendix,
    [JsonStringEnumMemberName("peritoneum"), Label("Peritoneum")] Peritoneum,
    [JsonStringEnumMemberName("adjacent-organ"), Label("Adjacent organ")] AdjacentOrgan,
    [JsonStringEnumMemberName("local-tissues"), Label("Surrounding tissues")] LocalTissues,
}

public enum ParagangliomaType
{
    [JsonStringEnumMemberName("sympathetic"), Label("Sympathetic")] Sympathetic,
    [JsonStringEnumMemberName("parasympathetic"), Label("Parasympathetic")] Parasympathetic,
}

public enum MetastaticSite
{
    [JsonStringEnumMemberName("bone"), Label("Bone")] Bone,
    [JsonStringEnumMemberName("lung"), Label("Lung")] Lung,
    [JsonStringEnumMemberName("peritoneum"), Label("Peritoneum")] Peritoneum,
    [JsonStringEnumMemberName("distant-lymph-nodes"), Label("Distant lymph nodes")] DistantLymphNodes,
    [JsonStringEnumMemberName("brain"), Label("Brain")] Brain,
    [JsonStringEnumMemberName("pleura"), Label("Pleura")] Pleura,
    [JsonStringEnumMemberName("other"), Label("Other site")] Other,
}

public enum Resectability
{
    [JsonStringEnumMemberName("resectable"), Label("Resectable")] Resectable,
    [JsonStringEnumMemberName("borderline"), Label("Borderline resectable")] Borderline,
    [JsonStringEnumMemberName("unresectable"), Label("Unresectable")] Unresectable,
    [JsonStringEnumMemberName("unknown"), Label("Not assessed")] Unknown,
}

public enum ResectionMargin
{
    [JsonStringEnumMemberName("R0"), Label("R0 (clear margins)")] R0,
    [JsonStringEnumMemberName("R1"), Label("R1 (microscopic tumour at the margin)")] R1,
    [JsonStringEnumMemberName("R2"), Label("R2 (tumour left behind)")] R2,
}

public enum FunctionalSyndrome
{
    [JsonStringEnumMemberName("none"), Label("None")] None,
    [JsonStringEnumMemberName("carcinoid-syndrome"), Label("Carcinoid syndrome")] CarcinoidSyndrome,
    [JsonStringEnumMemberName("insulinoma"), Label("Insulinoma")] Insulinoma,
    [JsonStringEnumMemberName("gastrinoma"), Label("Gastrinoma (Zollinger-Ellison)")] Gastrinoma,
    [JsonStringEnumMemberName("vipoma"), Label("VIPoma")] Vipoma,
    [JsonStringEnumMemberName("glucagonoma"), Label("Glucagonoma")] Glucagonoma,
    [JsonStringEnumMemberName("somatostatinoma"), Label("Somatostatinoma")] Somatostatinoma,
    [JsonStringEnumMemberName("ectopic-acth"), Label("Ectopic ACTH (Cushing)")] EctopicActh,
    [JsonStringEnumMemberName("catecholamine-excess"), Label("Catecholamine excess")] CatecholamineExcess,
    [JsonStringEnumMemberName("other"), Label("Other hormone syndrome")] Other,
}

public enum GermlineSyndrome
{
    [JsonStringEnumMemberName("MEN1"), Label("MEN1")] Men1,
    [JsonStringEnumMemberName("MEN4"), Label("MEN4")] Men4,
    [JsonStringEnumMemberName("VHL"), Label("Von Hippel-Lindau (VHL)")] Vhl,
    [JsonStringEnumMemberName("NF1"), Label("Neurofibromatosis type 1 (NF1)")] Nf1,
    [JsonStringEnumMemberName("TSC"), Label("Tuberous sclerosis complex (TSC)")] Tsc,
    [JsonStringEnumMemberName("SDHA"), Label("SDHA")] Sdha,
    [JsonStringEnumMemberName("SDHB"), Label("SDHB")] Sdhb,
    [JsonStringEnumMemberName("SDHC"), Label("SDHC")] Sdhc,
    [JsonStringEnumMemberName("SDHD"), Label("SDHD")] Sdhd,
    [JsonStringEnumMemberName("SDHAF2"), Label("SDHAF2")] Sdhaf2,
    [JsonStringEnumMemberName("MAX"), Label("MAX")] Max,
    [JsonStringEnumMemberName("TMEM127"), Label("TMEM127")] Tmem127,
    [JsonStringEnumMemberName("RET"), Label("RET (MEN2)")] Ret,
    [JsonStringEnumMemberName("FH"), Label("FH")] Fh,
}

public enum TherapyOutcome
{
    [JsonStringEnumMemberName("response"), Label("Response")] Response,
    [JsonStringEnumMemberName("stable"), Label("Stable disease")] Stable,
    [JsonStringEnumMemberName("progression"), Label("Progression")] Progression,
    [JsonStringEnumMemberName("intolerance"), Label("Stopped for side effects")] Intolerance,
    [JsonStringEnumMemberName("ongoing"), Label("Ongoing")] Ongoing,
}

public enum Symptom
{
    [JsonStringEnumMemberName("flushing"), Label("Flushing")] Flushing,
    [JsonStringEnumMemberName("diarrhea"), Label("Diarrhoea")] Diarrhea,
    [JsonStringEnumMemberName("abdominal-pain"), Label("Abdominal pain")] AbdominalPain,
    [JsonStringEnumMemberName("weight-loss"), Label("Weight loss")] WeightLoss,
    [JsonStringEnumMemberName("fatigue"), Label("Fatigue")] Fatigue,
    [JsonStringEnumMemberName("wheezing"), Label("Wheezing")] Wheezing,
    [JsonStringEnumMemberName("cough"), Label("Cough")] Cough,
    [JsonStringEnumMemberName("hypertension"), Label("High blood pressure")] Hypertension,
    [JsonStringEnumMemberName("palpitations"), Label("Palpitations")] Palpitations,
    [JsonStringEnumMemberName("hypoglycemia"), Label("Low blood sugar (hypoglycaemia)")] Hypoglycemia,
    [JsonStringEnumMemberName("peptic-ulcer"), Label("Peptic ulcer")] PepticUlcer,
    [JsonStringEnumMemberName("rash"), Label("Rash")] Rash,
    [JsonStringEnumMemberName("hyperglycemia"), Label("High blood sugar (hyperglycaemia)")] Hyperglycemia,
    [JsonStringEnumMemberName("cushingoid"), Label("Cushingoid features")] Cushingoid,
    [JsonStringEnumMemberName("neurological"), Label("Neurological symptoms")] Neurological,
    [JsonStringEnumMemberName("bowel-obstruction"), Label("Bowel obstruction")] BowelObstruction,
    [JsonStringEnumMemberName("bleeding"), Label("Bleeding")] Bleeding,
    [JsonStringEnumMemberName("bone-pain"), Label("Bone pain")] BonePain,
    [JsonStringEnumMemberName("jaundice"), Label("Jaundice")] Jaundice,
}

// GAPP inputs (Kimura et al., Endocr Relat Cancer 2014;21:405), added to the case as optional
// fields: tumour.gapp. Ki-67 comes from tumour.ki67Percent.

public enum GappHistologicPattern
{
    [JsonStringEnumMemberName("zellballen"), Label("Zellballen")] Zellballen,
    [JsonStringEnumMemberName("large-irregular-nests"), Label("Large and irregular cell nests")] LargeIrregularNests,
    [JsonStringEnumMemberName("pseudorosette"), Label("Pseudorosettes")] Pseudorosette,
}

public enum GappCellularity
{
    /// <summary>Under 150 cells per unit area.</summary>
    [JsonStringEnumMemberName("low"), Label("Low (under 150 cells/U)")] Low,
    /// <summary>150 to 250 cells per unit area.</summary>
    [JsonStringEnumMemberName("moderate"), Label("Moderate (150 to 250 cells/U)")] Moderate,
    /// <summary>Over 250 cells per unit area.</summary>
    [JsonStringEnumMemberName("high"), Label("High (over 250 cells/U)")] High,
}

public enum CatecholamineType
{
    [JsonStringEnumMemberName("adrenergic"), Label("Adrenergic")] Adrenergic,
    [JsonStringEnumMemberName("noradrenergic"), Label("Noradrenergic")] Noradrenergic,
    [JsonStringEnumMemberName("non-functioning"), Label("Non-functioning")] NonFunctioning,
}
