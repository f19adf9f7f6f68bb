using NetPath.Clinical.Cases;

namespace NetPath.Interop;

/// <summary>
/// The external codes NetPath recognises, each checked against its source (decision 0701). A code
/// not listed here is reported as not mapped, never guessed from its display text.
/// </summary>
internal static class Terminology
{
    /// <summary>Primary sites by ICD-O-3 topography (3-character category or full subsite).</summary>
    public static PrimarySite? SiteFromTopography(string code)
    {
        var c = code.Trim().ToUpperInvariant();
        if (c is "C17.0") return PrimarySite.Duodenum;
        if (c is "C17.1") return PrimarySite.Jejunum;
        if (c is "C17.2") return PrimarySite.Ileum;
        if (c is "C18.1") return PrimarySite.Appendix;
        if (c is "C24.1") return PrimarySite.Ampulla;
        if (c is "C74.1" or "C74.9" or "C74.0") return PrimarySite.Adrenal;
        if (c is "C75.5") return PrimarySite.ExtraAdrenalParaganglion;
        if (c is "C37.9" or "C37") return PrimarySite.Thymus;
        if (c is "C80.9" or "C80") return PrimarySite.UnknownPrimary;
        if (c is "C19.9" or "C20.9" or "C19" or "C20") return PrimarySite.Rectum;
        var category = c.Length >= 3 ? c[..3] : c;
        return category switch
        {
            "C16" => PrimarySite.Stomach,
            "C18" => PrimarySite.Colon,
            "C25" => PrimarySite.Pancreas,
            "C34" => PrimarySite.Lung,
            _ => null,
        };
    }

    /// <summary>The ICD-O-3 topography NetPath writes for a site.</summary>
    public static (string Code, string Display)? TopographyOf(PrimarySite site) => site switch
    {
        PrimarySite.Stomach => ("C16.9", "Stomach, NOS"),
        PrimarySite.Duodenum => ("C17.0", "Duodenum"),
        PrimarySite.Ampulla => ("C24.1", "Ampulla of Vater"),
        PrimarySite.Jejunum => ("C17.1", "Jejunum"),
        PrimarySite.Ileum => ("C17.2", "Ileum"),
        PrimarySite.Appendix => ("C18.1", "Appendix"),
        PrimarySite.Colon => ("C18.9", "Colon, NOS"),
        PrimarySite.Rectum => ("C20.9", "Rectum, NOS"),
        PrimarySite.Pancreas => ("C25.9", "Pancreas, NOS"),
        PrimarySite.Lung => ("C34.9", "Lung, NOS"),
        PrimarySite.Thymus => ("C37.9", "Thymus"),
        PrimarySite.Adrenal => ("C74.1", "Medulla of adrenal gland"),
        PrimarySite.ExtraAdrenalParaganglion => ("C75.5", "Aortic body and other paraganglia"),
        PrimarySite.UnknownPrimary => ("C80.9", "Unknown primary site"),
        _ => null,
    };

    /// <summary>SNOMED CT body structures for the sites whose concept ids were checked (decision 0701).</summary>
    private static readonly Dictionary<string, PrimarySite> SnomedSites = new(StringComparer.Ordinal)
    {
        ["69695003"] = PrimarySite.Stomach,
        ["38848004"] = PrimarySite.Duodenum,
        ["21306003"] = PrimarySite.Jejunum,
        ["34516001"] = PrimarySite.Ileum,
        ["66754008"] = PrimarySite.Appendix,
        ["71854001"] = PrimarySite.Colon,
        ["34402009"] = PrimarySite.Rectum,
        ["15776009"] = PrimarySite.Pancreas,
        ["39607008"] = PrimarySite.Lung,
        ["9875009"] = PrimarySite.Thymus,
        ["23451007"] = PrimarySite.Adrenal,
    };

    public static PrimarySite? SiteFromSnomed(string code) => SnomedSites.TryGetValue(code, out var s) ? s : null;

    public static string? SnomedOf(PrimarySite site) => SnomedSites.FirstOrDefault(p => p.Value == site).Key;

    /// <summary>What an ICD-O-3 morphology says of differentiation and histologic type.</summary>
    public sealed record Morphology(Differentiation? Differentiation, HistologicType? Type, string Display);

    /// <summary>
    /// ICD-O-3.2 morphology codes of neuroendocrine neoplasms (WHO 2019/2021/2022 classifications).
    /// Keys are the 4-digit histology; the behaviour digit is checked separately.
    /// </summary>
    private static readonly Dictionary<string, Morphology> Morphologies = new(StringComparer.Ordinal)
    {
        ["8240"] = new(Differentiation.Well, HistologicType.Net, "Neuroendocrine tumour, grade 1 / carcinoid"),
        ["8249"] = new(Differentiation.Well, HistologicType.Net, "Neuroendocrine tumour, grade 2 or 3 / atypical carcinoid"),
        ["8241"] = new(Differentiation.Well, HistologicType.Net, "Enterochromaffin-cell carcinoid"),
        ["8242"] = new(Differentiation.Well, HistologicType.Net, "Enterochromaffin-like cell tumour"),
        ["8150"] = new(Differentiation.Well, HistologicType.Net, "Pancreatic neuroendocrine tumour, NOS"),
        ["8151"] = new(Differentiation.Well, HistologicType.Net, "Insulinoma"),
        ["8152"] = new(Differentiation.Well, HistologicType.Net, "Glucagonoma / L-cell tumour"),
        ["8153"] = new(Differentiation.Well, HistologicType.Net, "Gastrinoma"),
        ["8155"] = new(Differentiation.Well, HistologicType.Net, "VIPoma"),
        ["8156"] = new(Differentiation.Well, HistologicType.Net, "Somatostatinoma"),
        ["8246"] = new(Differentiation.Poor, null, "Neuroendocrine carcinoma, NOS"),
        ["8041"] = new(Differentiation.Poor, HistologicType.NecSmallCell, "Small cell neuroendocrine carcinoma"),
        ["8013"] = new(Differentiation.Poor, HistologicType.NecLargeCell, "Large cell neuroendocrine carcinoma"),
        ["8154"] = new(null, HistologicType.Minen, "Mixed neuroendocrine-non-neuroendocrine neoplasm"),
        ["8700"] = new(null, HistologicType.Pheochromocytoma, "Pheochromocytoma"),
        ["8693"] = new(null, HistologicType.Paraganglioma, "Extra-adrenal paraganglioma"),
        ["8680"] = new(null, HistologicType.Paraganglioma, "Paraganglioma, NOS"),
        ["8690"] = new(null, HistologicType.Paraganglioma, "Jugulotympanic paraganglioma"),
        ["8691"] = new(null, HistologicType.Paraganglioma, "Aortic body paraganglioma"),
        ["8692"] = new(null, HistologicType.Paraganglioma, "Carotid body paraganglioma"),
    };

    /// <summary>Reads "8249/3" (or "82493"): null when the histology is not a neuroendocrine one.</summary>
    public static (Morphology Morphology, char? Behaviour)? FromIcdO3Morphology(string code)
    {
        var c = code.Trim();
        var histology = c.Length >= 4 ? c[..4] : c;
        if (!Morphologies.TryGetValue(histology, out var m)) return null;
        char? behaviour = c.Length >= 6 && c[4] == '/' ? c[5] : c.Length == 5 ? c[4] : null;
        return (m, behaviour);
    }

    /// <summary>The ICD-O-3 morphology NetPath writes; lung carcinoids and NET share codes, so the type decides.</summary>
    public static (string Code, string Display)? MorphologyOf(HistologicType? type, Differentiation? differentiation) => type switch
    {
        HistologicType.TypicalCarcinoid => ("8240/3", "Typical carcinoid"),
        HistologicType.AtypicalCarcinoid => ("8249/3", "Atypical carcinoid"),
        HistologicType.Net => ("8240/3", "Neuroendocrine tumour"),
        HistologicType.NecSmallCell => ("8041/3", "Small cell neuroendocrine carcinoma"),
        HistologicType.NecLargeCell => ("8013/3", "Large cell neuroendocrine carcinoma"),
        HistologicType.Minen => ("8154/3", "Mixed neuroendocrine-non-neuroendocrine neoplasm"),
        HistologicType.Pheochromocytoma => ("8700/3", "Pheochromocytoma"),
        HistologicType.Paraganglioma => ("8693/3", "Extra-adrenal paraganglioma"),
        null when differentiation == Differentiation.Poor => ("8246/3", "Neuroendocrine carcinoma, NOS"),
        _ => null,
    };

    /// <summary>Metastatic sites by SNOMED CT body structure.</summary>
    private static readonly Dictionary<string, string> SnomedMetastasisSites = new(StringComparer.Ordinal)
    {
        ["10200004"] = "liver",
        ["272673000"] = "bone",
        ["39607008"] = "lung",
        ["15425007"] = "peritoneum",
        ["12738006"] = "brain",
        ["3120008"] = "pleura",
    };

    /// <summary>SNOMED CT "secondary malignant neoplasm of ..." disorders seen in mCODE examples.</summary>
    private static readonly Dictionary<string, string> SnomedSecondaryDisorders = new(StringComparer.Ordinal)
    {
        ["94225005"] = "brain",
    };

    public static bool IsSecondaryNeoplasmDisorder(string snomedCode) => SnomedSecondaryDisorders.ContainsKey(snomedCode);

    /// <summary>A metastatic site ("liver" or an extrahepatic code of the case) from a body structure or secondary-neoplasm code.</summary>
    public static string? MetastasisSite(string system, string code)
    {
        if (system == FhirSystems.Snomed)
            return SnomedMetastasisSites.TryGetValue(code, out var s) ? s : SnomedSecondaryDisorders.GetValueOrDefault(code);
        if (system == FhirSystems.IcdO3)
        {
            var c = code.ToUpperInvariant();
            return c.Length < 3 ? null : c[..3] switch
            {
                "C22" => "liver",
                "C40" or "C41" => "bone",
                "C34" => "lung",
                "C48" => "peritoneum",
                "C71" => "brain",
                "C38" when c.StartsWith("C38.4", StringComparison.Ordinal) => "pleura",
                _ => null,
            };
        }
        if (system is FhirSystems.Icd10 or FhirSystems.Icd10Cm)
        {
            var c = code.ToUpperInvariant();
            if (c.StartsWith("C78.7", StringComparison.Ordinal)) return "liver";
            if (c.StartsWith("C79.5", StringComparison.Ordinal)) return "bone";
            if (c.StartsWith("C78.0", StringComparison.Ordinal)) return "lung";
            if (c.StartsWith("C78.6", StringComparison.Ordinal)) return "peritoneum";
            if (c.StartsWith("C79.3", StringComparison.Ordinal)) return "brain";
            if (c.StartsWith("C78.2", StringComparison.Ordinal)) return "pleura";
        }
        return null;
    }

    /// <summary>The ICD-O-3 topography NetPath writes for a metastatic site.</summary>
    public static (string Code, string Display)? TopographyOfMetastasis(string site) => site switch
    {
        "liver" => ("C22.0", "Liver"),
        "bone" => ("C41.9", "Bone, NOS"),
        "lung" => ("C34.9", "Lung, NOS"),
        "peritoneum" => ("C48.2", "Peritoneum, NOS"),
        "brain" => ("C71.9", "Brain, NOS"),
        "pleura" => ("C38.4", "Pleura, NOS"),
        _ => null,
    };

    /// <summary>Medications by ATC code (WHO ATC/DDD index 2024) to the case's therapy codes.</summary>
    private static readonly Dictionary<string, string> AtcTherapies = new(StringComparer.Ordinal)
    {
        ["H01CB02"] = "systemic.ssa", // octreotide
        ["H01CB03"] = "systemic.ssa", // lanreotide
        ["H01CB05"] = "systemic.ssa", // pasireotide
        ["L01EG02"] = "systemic.everolimus",
        ["L01XE10"] = "systemic.everolimus", // ATC code before the 2022 revision
        ["L01EX01"] = "systemic.sunitinib",
        ["L01XE04"] = "systemic.sunitinib", // before 2022
        ["L01EX07"] = "systemic.cabozantinib",
        ["L01XE26"] = "systemic.cabozantinib", // before 2022
        ["V10XX04"] = "systemic.prrt", // lutetium (177Lu) oxodotreotide
        ["A16AX15"] = "symptom.telotristat",
    };

    public static string? TherapyFromAtc(string code) => AtcTherapies.GetValueOrDefault(code.Trim().ToUpperInvariant());

    public static string? AtcOf(string careCode) => careCode switch
    {
        "systemic.everolimus" => "L01EG02",
        "systemic.sunitinib" => "L01EX01",
        "systemic.cabozantinib" => "L01EX07",
        "systemic.prrt" => "V10XX04",
        "symptom.telotristat" => "A16AX15",
        _ => null,
    };
}
