using System.Text.RegularExpressions;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Trials;

/// <summary>Whether a fact of the case satisfies one value of a criterion.</summary>
public enum Fit
{
    No,
    Yes,
    /// <summary>The case cannot say (the midgut includes only the proximal colon).</summary>
    Unclear,
}

/// <summary>
/// The primary-site codes a trial criterion uses (those of the curated NET set's x_net block) and
/// how each maps onto the case's primary site.
/// </summary>
public static class TrialSites
{
    private static readonly PrimarySite[] Gastrointestinal =
        [PrimarySite.Stomach, PrimarySite.Duodenum, PrimarySite.Ampulla, PrimarySite.Jejunum, PrimarySite.Ileum, PrimarySite.Appendix, PrimarySite.Colon, PrimarySite.Rectum];

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["pancreas"] = "pancreas", ["stomach"] = "stomach", ["duodenum"] = "duodenum", ["small_intestine"] = "small intestine",
        ["appendix"] = "appendix", ["colon"] = "colon", ["rectum"] = "rectum", ["gastrointestinal"] = "gastrointestinal tract",
        ["midgut"] = "midgut", ["lung"] = "lung", ["thymus"] = "thymus", ["other"] = "another site",
        ["unknown_primary"] = "unknown primary", ["unknown_primary_suspected_gi"] = "unknown primary of suspected digestive origin",
        ["any"] = "any primary site", ["any_except_pheo_paraganglioma"] = "any site except phaeochromocytoma or paraganglioma",
        ["extrapulmonary_any"] = "any site outside the lung", ["any_except_sclc"] = "any site (not small cell lung cancer)",
        ["adrenal_pheochromocytoma"] = "phaeochromocytoma", ["paraganglioma"] = "paraganglioma", ["biliary"] = "bile ducts",
        ["prostate"] = "prostate", ["bladder"] = "bladder", ["upper_urinary_tract"] = "upper urinary tract", ["kidney"] = "kidney",
    };

    public static bool IsKnown(string code) => Labels.ContainsKey(code);

    public static string Label(string code) => Labels.GetValueOrDefault(code, code.Replace('_', ' '));

    /// <summary>Whether a tumour at <paramref name="site"/> (with its free-text other site) is covered by <paramref name="code"/>.</summary>
    public static Fit Covers(string code, PrimarySite site, string? otherSite, HistologicType? histology) => code switch
    {
        "any" => Fit.Yes,
        "any_except_pheo_paraganglioma" => site is PrimarySite.Adrenal or PrimarySite.ExtraAdrenalParaganglion ? Fit.No : Fit.Yes,
        "extrapulmonary_any" => site == PrimarySite.Lung ? Fit.No : Fit.Yes,
        "any_except_sclc" => site == PrimarySite.Lung && histology == HistologicType.NecSmallCell ? Fit.No : Fit.Yes,
        "pancreas" => Is(site == PrimarySite.Pancreas),
        "stomach" => Is(site == PrimarySite.Stomach),
        "duodenum" => Is(site is PrimarySite.Duodenum or PrimarySite.Ampulla),
        "small_intestine" => Is(site is PrimarySite.Jejunum or PrimarySite.Ileum),
        "appendix" => Is(site == PrimarySite.Appendix),
        "colon" => Is(site == PrimarySite.Colon),
        "rectum" => Is(site == PrimarySite.Rectum),
        "gastrointestinal" => Is(Gastrointestinal.Contains(site)),
        // The midgut reaches from the distal duodenum to the proximal two thirds of the transverse colon.
        "midgut" => site is PrimarySite.Jejunum or PrimarySite.Ileum or PrimarySite.Appendix ? Fit.Yes
            : site is PrimarySite.Colon or PrimarySite.Duodenum ? Fit.Unclear : Fit.No,
        "lung" => Is(site == PrimarySite.Lung),
        "thymus" => Is(site == PrimarySite.Thymus),
        "other" => Is(site == PrimarySite.Other),
        "unknown_primary" => Is(site == PrimarySite.UnknownPrimary),
        "unknown_primary_suspected_gi" => site == PrimarySite.UnknownPrimary ? Fit.Unclear : Fit.No,
        "adrenal_pheochromocytoma" => Is(site == PrimarySite.Adrenal),
        "paraganglioma" => Is(site == PrimarySite.ExtraAdrenalParaganglion),
        "biliary" => OtherSiteMatches(site, otherSite, "bile", "biliary", "gallbladder", "cholangio"),
        "prostate" => OtherSiteMatches(site, otherSite, "prostat"),
        "bladder" => OtherSiteMatches(site, otherSite, "bladder", "urothel"),
        "upper_urinary_tract" => OtherSiteMatches(site, otherSite, "ureter", "renal pelvis", "urethra"),
        "kidney" => OtherSiteMatches(site, otherSite, "kidney", "renal"),
        _ => Fit.Unclear,
    };

    private static Fit Is(bool yes) => yes ? Fit.Yes : Fit.No;

    private static Fit OtherSiteMatches(PrimarySite site, string? otherSite, params string[] words)
    {
        if (site != PrimarySite.Other) return Fit.No;
        if (string.IsNullOrWhiteSpace(otherSite)) return Fit.Unclear;
        return words.Any(w => otherSite.Contains(w, StringComparison.OrdinalIgnoreCase)) ? Fit.Yes : Fit.No;
    }
}

/// <summary>
/// Words for therapies in eligibility text, mapped onto the care codes of contracts/codes.md.
/// Phrases are tried longest-first and each match is consumed, so "177Lu-labelled somatostatin
/// analogue" is PRRT and not also an analogue, and "DLL3-targeted agents" names no care code.
/// </summary>
public static partial class TherapyWords
{
    private static readonly string[] Chemotherapy =
        ["systemic.captem", "systemic.streptozocin-5fu", "systemic.platinum-etoposide", "systemic.folfiri", "systemic.folfox"];

    private static readonly string[] Targeted = ["systemic.everolimus", "systemic.sunitinib", "systemic.cabozantinib"];

    private static readonly string[] AllSystemic = [.. CareCodes.All.Where(c => c.Category == "systemic").Select(c => c.Code)];

    private static readonly (Regex Pattern, string[] Codes)[] Lexicon =
    [
        (Rx(@"dll3[- ](?:pathway |targeted )?\w*|tarlatamab|dacarbazine|\bdtic\b|investigational \w+|protocol agent"), []),
        (Rx(@"177\s*lu[- ]?(?:labell?ed |dota[- ]?tate|ssa|somatostatin analogu?e)?[\w-]*|\[177lu\][\w-]*|lutathera|radioligand|\bprrt\b|peptide receptor radionuclide|radionuclide therapy|lu-ssa"), ["systemic.prrt"]),
        (Rx(@"platinum[- ](?:based|containing)(?: chemotherapy| regimen)?|platinum|cisplatin|carboplatin|etoposide|\bep\b"), ["systemic.platinum-etoposide", "systemic.folfox"]),
        (Rx(@"folfox|oxaliplatin"), ["systemic.folfox"]),
        (Rx(@"folfiri|irinotecan"), ["systemic.folfiri"]),
        (Rx(@"capecitabine[^;,]*temozolomide|captem|temozolomide|capecitabine"), ["systemic.captem"]),
        (Rx(@"streptozo[ct]in"), ["systemic.streptozocin-5fu"]),
        (Rx(@"5-?fu\b|5-fluorouracil|fluorouracil"), ["systemic.streptozocin-5fu", "systemic.folfox", "systemic.folfiri"]),
        (Rx(@"mtor inhibitors?|everolimus"), ["systemic.everolimus"]),
        (Rx(@"sunitinib"), ["systemic.sunitinib"]),
        (Rx(@"cabozantinib"), ["systemic.cabozantinib"]),
        (Rx(@"somatostatin analogu?es?|\bssas?\b|octreotide(?: lar)?|lanreotide"), ["systemic.ssa"]),
        (Rx(@"chemoemboli[sz]ation|\btace\b"), ["liver.tace"]),
        (Rx(@"radioemboli[sz]ation|\bsirt\b|\btare\b"), ["liver.tare"]),
        (Rx(@"radiofrequency ablation|\brfa\b|microwave ablation|thermal ablation"), ["liver.ablation"]),
        (Rx(@"liver[- ]directed therap\w*"), ["liver.ablation", "liver.tae", "liver.tace", "liver.tare"]),
        (Rx(@"external beam radiotherapy|\bebrt\b"), ["radiation.ebrt"]),
        (Rx(@"chemotherapy|\bchemo\b"), Chemotherapy),
        (Rx(@"targeted (?:agents?|therap\w*)"), Targeted),
        (Rx(@"systemic (?:therap\w*|treatments?)|anti-?tumou?r (?:therap\w*|treatments?)"), AllSystemic),
    ];

    /// <summary>The care codes named in <paramref name="text"/>, in lexicon order, without repeats.</summary>
    public static IReadOnlyList<string> CodesIn(string text)
    {
        var rest = text;
        var codes = new List<string>();
        foreach (var (pattern, mapped) in Lexicon)
        {
            if (!pattern.IsMatch(rest)) continue;
            rest = pattern.Replace(rest, " ");
            foreach (var code in mapped)
            {
                if (!codes.Contains(code)) codes.Add(code);
            }
        }
        return codes;
    }

    /// <summary>The care code in words ("177Lu-DOTATATE PRRT"), never the code itself.</summary>
    public static string Label(string code) => CareCodes.TryGet(code, out var c) ? c.Meaning : code;

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}

/// <summary>Laboratory names and units of eligibility text, converted to the case's units (contracts/case.md labs.*).</summary>
public static class LabWords
{
    /// <summary>The case's lab for a name in a trial record, or null when the case does not record it (leukocytes, AST/ALT, creatinine).</summary>
    public static LabAnalyte? AnalyteOf(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.Contains("gfr", StringComparison.Ordinal) || n.Contains("crcl", StringComparison.Ordinal) || n.Contains("creatinine clearance", StringComparison.Ordinal)) return LabAnalyte.Egfr;
        if (n.Contains("bilirubin", StringComparison.Ordinal)) return LabAnalyte.Bilirubin;
        if (n.Contains("platelet", StringComparison.Ordinal)) return LabAnalyte.Platelets;
        if (n.Contains("neutrophil", StringComparison.Ordinal) || n is "anc" or "absolute neutrophil count") return LabAnalyte.Neutrophils;
        if (n is "hb" or "hgb" || n.Contains("haemoglobin", StringComparison.Ordinal) || n.Contains("hemoglobin", StringComparison.Ordinal)) return LabAnalyte.Hemoglobin;
        if (n.Contains("albumin", StringComparison.Ordinal) && !n.Contains("urine", StringComparison.Ordinal)) return LabAnalyte.Albumin;
        return null;
    }

    /// <summary>
    /// The factor from a value in <paramref name="unit"/> to the case's unit for <paramref name="analyte"/>;
    /// null when the unit cannot be converted without more facts (bilirubin in mg/dL needs the laboratory's upper limit).
    /// </summary>
    public static double? FactorToCaseUnit(LabAnalyte analyte, string? unit)
    {
        var u = (unit ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return analyte switch
        {
            LabAnalyte.Egfr => u.Length == 0 || u.StartsWith("ml/min", StringComparison.Ordinal) ? 1 : null,
            LabAnalyte.Bilirubin => u.StartsWith("xuln", StringComparison.Ordinal) || u == "×uln" ? 1 : null,
            LabAnalyte.Platelets or LabAnalyte.Neutrophils => u is "10^9/l" or "x10^9/l" or "×10⁹/l" or "/nl" or "g/l" or "10⁹/l" ? 1
                : u is "/mm3" or "/mm^3" or "/µl" or "/ul" or "cells/mm3" ? 0.001 : null,
            LabAnalyte.Hemoglobin => u == "g/dl" ? 1 : u == "g/l" ? 0.1 : u == "mmol/l" ? 1.611 : null,
            LabAnalyte.Albumin => u == "g/l" ? 1 : u == "g/dl" ? 10 : null,
            _ => null,
        };
    }

    /// <summary>The lab in words with the case's unit: "platelets (per nL)".</summary>
    public static string Label(LabAnalyte analyte) => analyte switch
    {
        LabAnalyte.Egfr => "eGFR",
        LabAnalyte.Bilirubin => "bilirubin",
        LabAnalyte.Platelets => "platelets",
        LabAnalyte.Neutrophils => "neutrophils",
        LabAnalyte.Hemoglobin => "haemoglobin",
        LabAnalyte.Albumin => "albumin",
        _ => analyte.ToString(),
    };

    public static string Unit(LabAnalyte analyte) => analyte switch
    {
        LabAnalyte.Egfr => "mL/min",
        LabAnalyte.Bilirubin => "× upper limit of normal",
        LabAnalyte.Platelets or LabAnalyte.Neutrophils => "/nL",
        LabAnalyte.Hemoglobin => "g/dL",
        LabAnalyte.Albumin => "g/L",
        _ => "",
    };
}
