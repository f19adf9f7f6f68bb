using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Trials;

/// <summary>
/// Matches one case against trials, criterion by criterion (decision 0602). Pure and thread-safe:
/// no files, clock or network; the trials, the case and its assessment are given.
/// A criterion is met, not met, missing (the case could say but does not) or to check by hand
/// (the case cannot say). A trial is not eligible when any criterion is not met, possibly eligible
/// when facts are missing, else eligible. Nothing is guessed: an absent fact is never taken as
/// normal, and a record read less strictly than written is checked by hand rather than excluded.
/// </summary>
public static partial class TrialMatcher
{
    /// <summary>
    /// The trials for this patient, best first: eligible, then possibly eligible (fewest missing
    /// facts first), then not eligible; within each, trials with a site near the clinic, then
    /// later phase, then recruiting before not yet recruiting, then nearer, then by NCT number.
    /// </summary>
    public static IReadOnlyList<TrialMatch> Match(TrialPatient patient, IReadOnlyList<Trial> trials, TrialMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(trials);
        options ??= new TrialMatchOptions();
        var matches = new List<TrialMatch>(trials.Count);
        var keys = new List<SortKey>(trials.Count);
        foreach (var trial in trials)
        {
            if (options.OpenOnly && !trial.IsOpen) continue;
            var m = Evaluate(patient, trial, options.Clinic);
            keys.Add(new SortKey(matches.Count, (int)m.Fit, m.Fit == TrialFit.PossiblyEligible ? MissingCount(m) : 0,
                m.NearestSiteKm is { } km && km <= options.NearKm ? 0 : 1, -trial.HighestPhase, TrialStatuses.Rank(trial.OverallStatus),
                m.NearestSiteKm ?? double.MaxValue, trial.NctId));
            matches.Add(m);
        }
        // Keys are worked out once per trial: the comparison runs n log n times.
        keys.Sort(static (a, b) =>
        {
            var c = a.Fit.CompareTo(b.Fit);
            if (c == 0) c = a.Missing.CompareTo(b.Missing);
            if (c == 0) c = a.Far.CompareTo(b.Far);
            if (c == 0) c = a.Phase.CompareTo(b.Phase);
            if (c == 0) c = a.Status.CompareTo(b.Status);
            if (c == 0) c = a.Km.CompareTo(b.Km);
            return c != 0 ? c : string.CompareOrdinal(a.NctId, b.NctId);
        });
        var sorted = new TrialMatch[keys.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = matches[keys[i].Index];
        return sorted;
    }

    private readonly record struct SortKey(int Index, int Fit, int Missing, int Far, double Phase, int Status, double Km, string NctId);

    /// <summary>One trial against the patient, whatever the trial's status.</summary>
    public static TrialMatch Evaluate(TrialPatient patient, Trial trial, GeoPoint? clinic = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(trial);
        var results = new CriterionResult[trial.Criteria.Count];
        var fit = TrialFit.Eligible;
        for (var i = 0; i < results.Length; i++)
        {
            var criterion = trial.Criteria[i];
            var (outcome, missing) = Evaluate(criterion, patient);
            results[i] = new CriterionResult(criterion, outcome, patient, missing);
            if (outcome == CriterionOutcome.NotMet) fit = TrialFit.NotEligible;
            else if (outcome == CriterionOutcome.Missing && fit == TrialFit.Eligible) fit = TrialFit.PossiblyEligible;
        }
        double? nearest = null;
        TrialSite? nearestSite = null;
        if (clinic is { } here)
        {
            foreach (var site in trial.Sites)
            {
                if (site.Latitude is not { } lat || site.Longitude is not { } lon) continue;
                var km = here.KilometresTo(new GeoPoint(lat, lon));
                if (nearest is null || km < nearest)
                {
                    nearest = km;
                    nearestSite = site;
                }
            }
        }
        return new TrialMatch(trial, fit, results, nearest, nearestSite);
    }

    private static int MissingCount(TrialMatch m)
    {
        var n = 0;
        foreach (var r in m.Results) if (r.Outcome == CriterionOutcome.Missing) n++;
        return n;
    }

    internal static (CriterionOutcome, string?) Evaluate(TrialCriterion c, TrialPatient p)
    {
        var t = p.Case.Tumour;
        switch (c.Kind)
        {
            case CriterionKind.Condition:
                return (ConditionFits(c) switch { Fit.Yes => CriterionOutcome.Met, Fit.No => CriterionOutcome.NotMet, _ => CriterionOutcome.CheckByHand }, null);
            case CriterionKind.PrimarySite:
            {
                var any = Fit.No;
                foreach (var code in c.Values)
                {
                    var fit = TrialSites.Covers(code, t.PrimarySite, t.OtherSite, p.Histology);
                    if (fit == Fit.Yes) return (CriterionOutcome.Met, null);
                    if (fit == Fit.Unclear) any = Fit.Unclear;
                }
                return (any == Fit.Unclear ? CriterionOutcome.CheckByHand : CriterionOutcome.NotMet, null);
            }
            case CriterionKind.Differentiation:
                if (p.Differentiation is not { } d) return (CriterionOutcome.Missing, Facts.Differentiation);
                return (Outcome(c.Values.Contains(WireCode<Differentiation>.Of(d))), null);
            case CriterionKind.Grade:
                if (p.Grade is not { } g) return (CriterionOutcome.Missing, Facts.Grade);
                return (Outcome(GradeFits(c.Values, g)), null);
            case CriterionKind.Ki67:
                if (t.Ki67 is not { } ki67) return (CriterionOutcome.Missing, Facts.Ki67);
                return (Outcome(InRange(ki67.Value, c)), null);
            case CriterionKind.SstrPositive:
            {
                var sstr = p.Case.Imaging.SstrPet;
                if (sstr.Positive is { } positive) return (Outcome(positive), null);
                if (sstr.KrenningScore is { } krenning) return (Outcome(krenning >= 2), null);
                return (CriterionOutcome.Missing, Facts.Sstr);
            }
            case CriterionKind.DiseaseExtent:
                return c.Values.Contains("resected") ? Resected(t) : Advanced(t);
            case CriterionKind.Progression:
                return Progression(c, p);
            case CriterionKind.MeasurableDisease:
            case CriterionKind.PerformanceScore:
            case CriterionKind.FreeText:
                return (CriterionOutcome.CheckByHand, null);
            case CriterionKind.PriorTherapyRequired:
                return PriorRequired(c, p);
            case CriterionKind.PriorTherapyExcluded:
                foreach (var course in p.Case.History.PriorTherapies)
                {
                    if (c.Values.Contains(course.Code)) return (CriterionOutcome.NotMet, null);
                }
                return (CriterionOutcome.Met, null);
            case CriterionKind.PriorSystemicLines:
                return (Outcome(InRange(p.SystemicCodes.Count, c)), null);
            case CriterionKind.Ecog:
                if (p.Case.Patient.Ecog is not { } ecog) return (CriterionOutcome.Missing, Facts.Ecog);
                return (Outcome(InRange(ecog, c)), null);
            case CriterionKind.Age:
                if (p.Case.Patient.AgeYears is not { } age) return (CriterionOutcome.Missing, Facts.Age);
                return (Outcome(InRange(age, c)), null);
            case CriterionKind.Sex:
                if (p.Case.Patient.Sex is not { } sex) return (CriterionOutcome.Missing, Facts.Sex);
                if (sex == Sex.Other) return (CriterionOutcome.CheckByHand, null);
                return (Outcome(c.Values.Contains(WireCode<Sex>.Of(sex))), null);
            case CriterionKind.Lab:
            {
                if (c.Analyte is not { } analyte) return (CriterionOutcome.CheckByHand, null);
                if (LabValue(p.Case.Labs, analyte) is not { } value) return (CriterionOutcome.Missing, LabWords.Label(analyte));
                if (InRange(value, c)) return (CriterionOutcome.Met, null);
                // A limit with a stated exception ("<5x with liver involvement", "unless PT normal") is not applied alone.
                return (c.Note is not null && Exception().IsMatch(c.Note) ? CriterionOutcome.CheckByHand : CriterionOutcome.NotMet, null);
            }
            case CriterionKind.NotPregnant:
                if (p.Pregnant is not { } pregnant) return (CriterionOutcome.Missing, Facts.Pregnancy);
                return (Outcome(!pregnant), null);
            case CriterionKind.GermlineExcluded:
                foreach (var syndrome in p.Case.Patient.Germline)
                {
                    if (c.Values.Contains(WireCode<GermlineSyndrome>.Of(syndrome))) return (CriterionOutcome.NotMet, null);
                }
                return (CriterionOutcome.Met, null);
            case CriterionKind.GermlineRequired:
                foreach (var syndrome in p.Case.Patient.Germline)
                {
                    if (c.Values.Contains(WireCode<GermlineSyndrome>.Of(syndrome))) return (CriterionOutcome.Met, null);
                }
                return (CriterionOutcome.Missing, Facts.Germline);
            default:
                return (CriterionOutcome.CheckByHand, null);
        }
    }

    private static CriterionOutcome Outcome(bool met) => met ? CriterionOutcome.Met : CriterionOutcome.NotMet;

    internal static bool InRange(double value, TrialCriterion c)
    {
        if (c.Min is { } min && (c.MinInclusive ? value < min : value <= min)) return false;
        if (c.Max is { } max && (c.MaxInclusive ? value > max : value >= max)) return false;
        return true;
    }

    /// <summary>
    /// A neuroendocrine carcinoma is grade 3 by definition; a typical lung carcinoid stands for the low and an atypical one for
    /// the intermediate grade where a trial lists G1 and G2 only (the WHO thoracic equivalence).
    /// </summary>
    internal static bool GradeFits(IReadOnlyList<string> values, GradeValue grade) => grade switch
    {
        GradeValue.G1 => values.Contains("G1"),
        GradeValue.G2 => values.Contains("G2"),
        GradeValue.G3 or GradeValue.Nec or GradeValue.HighGradeCarcinoma => values.Contains("G3"),
        GradeValue.TypicalCarcinoid => values.Contains("typical-carcinoid") || values.Contains("G1"),
        GradeValue.AtypicalCarcinoid => values.Contains("atypical-carcinoid") || values.Contains("G2"),
        _ => false,
    };

    private static (CriterionOutcome, string?) Advanced(Tumour t)
    {
        if (t.Metastases?.IsPresent == true || t.Resectability == Resectability.Unresectable) return (CriterionOutcome.Met, null);
        var removed = t.Resection.Done == true && t.Resection.Margin is ResectionMargin.R0 or ResectionMargin.R1;
        if (t.Metastases?.IsKnownAbsent == true && (t.Resectability == Resectability.Resectable || removed)) return (CriterionOutcome.NotMet, null);
        return (CriterionOutcome.Missing, Facts.Extent);
    }

    private static (CriterionOutcome, string?) Resected(Tumour t)
    {
        if (t.Resection.Done is not { } done) return (CriterionOutcome.Missing, Facts.Resection);
        if (!done) return (CriterionOutcome.NotMet, null);
        return t.Resection.Margin switch
        {
            ResectionMargin.R0 or ResectionMargin.R1 => (CriterionOutcome.Met, null),
            ResectionMargin.R2 => (CriterionOutcome.NotMet, null),
            _ => (CriterionOutcome.Missing, Facts.Margin),
        };
    }

    private static (CriterionOutcome, string?) Progression(TrialCriterion c, TrialPatient p)
    {
        PriorTherapy? latest = null;
        foreach (var course in p.Case.History.PriorTherapies)
        {
            if (course.Outcome != TherapyOutcome.Progression) continue;
            if (latest is null || (course.EndDate ?? DateOnly.MinValue) > (latest.EndDate ?? DateOnly.MinValue)) latest = course;
        }
        if (latest is null) return (CriterionOutcome.Missing, Facts.Progression);
        if (c.Max is not { } months) return (CriterionOutcome.Met, null);
        if (latest.EndDate is not { } end) return (CriterionOutcome.Missing, Facts.ProgressionDate);
        // A progression older than the window does not exclude: a newer scan may not be in the case.
        return end.AddMonths((int)Math.Ceiling(months)) >= p.AsOf ? (CriterionOutcome.Met, null) : (CriterionOutcome.Missing, Facts.RecentProgression);
    }

    private static (CriterionOutcome, string?) PriorRequired(TrialCriterion c, TrialPatient p)
    {
        var given = false;
        var unknownOutcome = false;
        foreach (var course in p.Case.History.PriorTherapies)
        {
            if (!c.Values.Contains(course.Code)) continue;
            given = true;
            if (!c.RequiresProgression || course.Outcome == TherapyOutcome.Progression) return (CriterionOutcome.Met, null);
            if (course.Outcome is null or TherapyOutcome.Ongoing) unknownOutcome = true;
        }
        if (!given) return (CriterionOutcome.NotMet, null);
        return unknownOutcome ? (CriterionOutcome.Missing, Facts.CourseOutcome) : (CriterionOutcome.NotMet, null);
    }

    internal static double? LabValue(Labs labs, LabAnalyte analyte) => analyte switch
    {
        LabAnalyte.Egfr => labs.EgfrMlMin,
        LabAnalyte.Bilirubin => labs.BilirubinXUln,
        LabAnalyte.Platelets => labs.PlateletsPerNl,
        LabAnalyte.Neutrophils => labs.NeutrophilsPerNl,
        LabAnalyte.Hemoglobin => labs.HemoglobinGDl,
        LabAnalyte.Albumin => labs.AlbuminGL,
        _ => null,
    };

    private static readonly ConditionalWeakTable<TrialCriterion, StrongBox<Fit>> ConditionCache = [];

    /// <summary>Whether the trial's conditions include a neuroendocrine neoplasm; worked out once per criterion.</summary>
    internal static Fit ConditionFits(TrialCriterion c) => ConditionCache.GetValue(c, static criterion =>
    {
        if (criterion.Values.Any(v => NeuroendocrineCondition().IsMatch(v))) return new StrongBox<Fit>(Fit.Yes);
        return new StrongBox<Fit>(criterion.Values.Any(v => BasketCondition().IsMatch(v)) ? Fit.Unclear : Fit.No);
    }).Value;

    [GeneratedRegex(@"\bunless\b|\bwith\b|\bexcept|\bor\b|\bif\b", RegexOptions.IgnoreCase)]
    private static partial Regex Exception();

    [GeneratedRegex(@"neuroendocrine|somatostatin receptor|\bSSTR|carcinoid|\bNETs?\b|\bNENs?\b|\bNECs?\b|ph?a?eochromocytoma|paraganglioma|islet cell|insulinoma|gastrinoma|glucagonoma|vipoma|somatostatinoma|\bPPGL\b|\bMiNEN\b|small cell carcinoma", RegexOptions.IgnoreCase)]
    private static partial Regex NeuroendocrineCondition();

    [GeneratedRegex(@"solid tumou?rs?|advanced cancers?$|^cancers?$|^neoplasms?$|^malignan|^carcinomas?$|any tumou?r", RegexOptions.IgnoreCase)]
    private static partial Regex BasketCondition();
}

/// <summary>The facts a trial can wait on, in words, one spelling each so that a fact is listed once.</summary>
internal static class Facts
{
    public const string Differentiation = "differentiation (well or poorly differentiated)";
    public const string Grade = "grade (Ki-67 or mitotic count)";
    public const string Ki67 = "Ki-67";
    public const string Sstr = "somatostatin receptor imaging (SSTR PET)";
    public const string Extent = "whether the disease is metastatic or unresectable";
    public const string Resection = "whether the tumour was resected";
    public const string Margin = "the resection margin (R0, R1 or R2)";
    public const string Progression = "whether the disease is progressing";
    public const string ProgressionDate = "the date of the last progression";
    public const string RecentProgression = "a progression within the trial's time window";
    public const string CourseOutcome = "how the earlier treatment ended (progression or not)";
    public const string Ecog = "ECOG performance status";
    public const string Age = "age";
    public const string Sex = "sex";
    public const string Pregnancy = "whether the patient is pregnant";
    public const string Germline = "germline testing result";
}
