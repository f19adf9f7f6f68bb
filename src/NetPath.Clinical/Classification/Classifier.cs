using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Classification;

/// <summary>
/// Classifies the neoplasm (assessment.md classification): family, histologic type,
/// differentiation and hormone function. A histologic type or differentiation is derived only
/// where the given facts imply it; otherwise it stays unknown and <see cref="Findings"/> says why
/// it matters.
/// </summary>
public static class Classifier
{
    public static Assessments.Classification Classify(Case c, Findings findings)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(findings);
        var t = c.Tumour;
        var family = SiteFacts.FamilyOf(t.PrimarySite, t.HistologicType, t.ParagangliomaType);
        var differentiation = DifferentiationOf(t, family);
        if (differentiation == Differentiation.Unknown && family is ClassificationFamily.GepNet or ClassificationFamily.UnknownPrimary or ClassificationFamily.Other
            && t.HistologicType is null && ProliferationExcludesNec(t))
        {
            // WHO 2019: a neuroendocrine carcinoma has Ki-67 over 20 % by definition, so a lower
            // value makes the neoplasm a well-differentiated NET. Said aloud, never silent.
            differentiation = Differentiation.Well;
            findings.Warn("differentiation-inferred", t.Ki67 is { } k
                ? $"Differentiation was not reported; Ki-67 of {k} rules out a neuroendocrine carcinoma (over 20 % by definition, WHO 2019), so the tumour is classified as a well-differentiated NET. Please confirm on the pathology report."
                : $"Differentiation was not reported; {t.Mitoses} rules out a neuroendocrine carcinoma (over 20 by definition, WHO 2019), so the tumour is classified as a well-differentiated NET. Please confirm on the pathology report.");
        }
        var histology = t.HistologicType ?? DeriveHistology(t, family, differentiation);

        if (family is ClassificationFamily.GepNet or ClassificationFamily.LungNet or ClassificationFamily.UnknownPrimary or ClassificationFamily.Other
            && differentiation == Differentiation.Unknown && !ProliferationExcludesNec(t))
        {
            findings.AddMissing("tumour.differentiation", "Well-differentiated NET versus poorly differentiated NEC decides grading, staging and the whole treatment pathway.");
        }
        if (t.PrimarySite == PrimarySite.Other && t.OtherSite is null)
            findings.AddMissing("tumour.otherSite", "The organ of origin for primarySite 'other' guides surgery and the choice of guideline.");
        if (family == ClassificationFamily.Ppgl && t.PrimarySite == PrimarySite.ExtraAdrenalParaganglion && t.ParagangliomaType is null)
            findings.AddMissing("tumour.paragangliomaType", "Sympathetic paragangliomas are staged with the AJCC 8 adrenal chapter; parasympathetic (head and neck) ones are not staged.");
        if (t.FunctionalSyndrome is null)
            findings.AddMissing("tumour.functionalSyndrome", "A hormone syndrome adds symptom control (SSA, telotristat, diazoxide, PPI, alpha-blockade) and its own work-up.");
        if (t.HistologicType == HistologicType.Minen)
            findings.Warn("minen", "MiNEN: the non-neuroendocrine component usually drives treatment; NET pathways apply to the neuroendocrine component only.");

        return new Assessments.Classification
        {
            Family = family,
            Site = t.PrimarySite,
            HistologicType = histology,
            Differentiation = differentiation,
            Functioning = t.FunctionalSyndrome is { } s ? s != FunctionalSyndrome.None : null,
            Syndrome = t.FunctionalSyndrome,
            OtherSite = t.OtherSite,
        };
    }

    /// <summary>
    /// The given differentiation, else the one the histologic type implies by definition (net and
    /// carcinoids are well differentiated, nec-* poorly). Proliferation never sets it: Ki-67 20 % or
    /// less rules NEC out, but leaves the morphology unrecorded.
    /// </summary>
    private static Differentiation DifferentiationOf(Tumour t, ClassificationFamily family)
    {
        if (family == ClassificationFamily.Ppgl) return Differentiation.Unknown;
        if (t.Differentiation is { } d && d != Differentiation.Unknown) return d;
        return t.HistologicType switch
        {
            HistologicType.Net or HistologicType.TypicalCarcinoid or HistologicType.AtypicalCarcinoid => Differentiation.Well,
            HistologicType.NecSmallCell or HistologicType.NecLargeCell => Differentiation.Poor,
            _ => Differentiation.Unknown,
        };
    }

    private static HistologicType? DeriveHistology(Tumour t, ClassificationFamily family, Differentiation differentiation) => family switch
    {
        ClassificationFamily.Ppgl => t.PrimarySite == PrimarySite.Adrenal ? HistologicType.Pheochromocytoma : HistologicType.Paraganglioma,
        // Thoracic carcinoid subtype comes from the grade (WHO 2021); a poorly differentiated
        // tumour is LCNEC or SCLC, which only morphology tells apart.
        ClassificationFamily.LungNet => null,
        _ => differentiation == Differentiation.Well ? HistologicType.Net : null,
    };

    /// <summary>
    /// Completes a thoracic classification from its WHO 2021 grade: a tumour the counts make a
    /// typical or atypical carcinoid is that histologic type, and well differentiated by definition.
    /// </summary>
    public static Assessments.Classification WithThoracicType(Assessments.Classification classification, Grade grade)
    {
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(grade);
        if (classification.Family != ClassificationFamily.LungNet || classification.HistologicType is not null) return classification;
        return grade.Value switch
        {
            GradeValue.TypicalCarcinoid => classification with { HistologicType = HistologicType.TypicalCarcinoid, Differentiation = Differentiation.Well },
            GradeValue.AtypicalCarcinoid => classification with { HistologicType = HistologicType.AtypicalCarcinoid, Differentiation = Differentiation.Well },
            _ => classification,
        };
    }

    /// <summary>NEC has Ki-67 over 20 % and over 20 mitoses per 2 mm² by definition (WHO 2019); lower values rule it out.</summary>
    internal static bool ProliferationExcludesNec(Tumour t) =>
        t.Ki67 is { Value: <= 20 } || t.Mitoses is { Value: <= 20 } && t.Ki67 is null;
}
