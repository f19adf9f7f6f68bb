using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Classification;

/// <summary>Anatomical facts about primary sites that several parts of the engine share.</summary>
public static class SiteFacts
{
    /// <summary>Lung and thymus: WHO 2021 thoracic classification applies.</summary>
    public static bool IsThoracic(PrimarySite site) => site is PrimarySite.Lung or PrimarySite.Thymus;

    /// <summary>Digestive tract and pancreas: WHO 2019 digestive grading and the AJCC 8 NET chapters.</summary>
    public static bool IsGastroEnteroPancreatic(PrimarySite site) => site is PrimarySite.Stomach or PrimarySite.Duodenum
        or PrimarySite.Ampulla or PrimarySite.Jejunum or PrimarySite.Ileum or PrimarySite.Appendix or PrimarySite.Colon
        or PrimarySite.Rectum or PrimarySite.Pancreas;

    /// <summary>Small intestine (midgut NETs of PROMID and NETTER-1 arise here).</summary>
    public static bool IsSmallBowel(PrimarySite site) => site is PrimarySite.Jejunum or PrimarySite.Ileum;

    /// <summary>
    /// The tumour family (assessment.md): a pheochromocytoma or paraganglioma is recognised by its
    /// site or its histologic type, whichever is given.
    /// </summary>
    public static ClassificationFamily FamilyOf(PrimarySite site, HistologicType? histologicType, ParagangliomaType? paragangliomaType)
    {
        _ = paragangliomaType;
        if (histologicType is HistologicType.Pheochromocytoma or HistologicType.Paraganglioma) return ClassificationFamily.Ppgl;
        return site switch
        {
            PrimarySite.Adrenal or PrimarySite.ExtraAdrenalParaganglion => ClassificationFamily.Ppgl,
            PrimarySite.Lung or PrimarySite.Thymus => ClassificationFamily.LungNet,
            PrimarySite.UnknownPrimary => ClassificationFamily.UnknownPrimary,
            PrimarySite.Other => ClassificationFamily.Other,
            _ => ClassificationFamily.GepNet,
        };
    }
}
