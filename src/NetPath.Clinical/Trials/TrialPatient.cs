using System.Globalization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Trials;

/// <summary>
/// The facts of one case that trial criteria ask about, gathered once before a case is matched
/// against many trials: the case itself, the differentiation and grade the engine derived, the
/// date of the assessment and the number of systemic therapies given.
/// </summary>
public sealed class TrialPatient
{
    private TrialPatient(Case c, Differentiation? differentiation, GradeValue? grade, HistologicType? histology, DateOnly asOf)
    {
        Case = c;
        Differentiation = differentiation;
        Grade = grade;
        Histology = histology;
        AsOf = asOf;
        SystemicCodes = [.. c.History.PriorTherapies.Select(t => t.Code).Where(code => code.StartsWith("systemic.", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
        Pregnant = c.Patient.Pregnant ?? (c.Patient.Sex == Sex.Male || (c.Patient.Sex == Sex.Female && c.Patient.AgeYears >= 55) ? false : null);
    }

    /// <summary>The facts of <paramref name="c"/> with the engine's reading of it (<paramref name="assessment"/> of the same case).</summary>
    public static TrialPatient From(Case c, Assessment assessment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(assessment);
        var differentiation = assessment.Classification.Differentiation == Cases.Differentiation.Unknown ? (Differentiation?)null : assessment.Classification.Differentiation;
        var grade = assessment.Grade.Value is GradeValue.Unknown or GradeValue.NotApplicable ? (GradeValue?)null : assessment.Grade.Value;
        return new TrialPatient(c, differentiation, grade, assessment.Classification.HistologicType, c.AssessmentDate ?? today);
    }

    public Case Case { get; }
    public Differentiation? Differentiation { get; }
    public GradeValue? Grade { get; }
    public HistologicType? Histology { get; }
    public DateOnly AsOf { get; }
    /// <summary>Distinct systemic therapies given (decision 0206: a line is a distinct systemic therapy).</summary>
    public IReadOnlyList<string> SystemicCodes { get; }
    /// <summary>As given; a man, or a woman of 55 or more, is taken as not pregnant (decision 0202); else unknown.</summary>
    public bool? Pregnant { get; }

    public string SiteLabel => Case.Tumour.PrimarySite switch
    {
        PrimarySite.Other => Case.Tumour.OtherSite is { Length: > 0 } other ? other : "another site",
        PrimarySite.UnknownPrimary => "unknown primary",
        PrimarySite.ExtraAdrenalParaganglion => "extra-adrenal paraganglion",
        PrimarySite.Adrenal => "adrenal (phaeochromocytoma)",
        var site => WireCode<PrimarySite>.Of(site),
    };

    public string GradeLabel => Grade switch
    {
        GradeValue.Nec => "neuroendocrine carcinoma (G3)",
        GradeValue.TypicalCarcinoid => "typical carcinoid",
        GradeValue.AtypicalCarcinoid => "atypical carcinoid",
        GradeValue.HighGradeCarcinoma => "high-grade carcinoma",
        { } g => WireCode<GradeValue>.Of(g),
        null => "grade not known",
    };

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
