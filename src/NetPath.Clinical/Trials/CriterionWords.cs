using NetPath.Clinical.Cases;
using static NetPath.Clinical.Trials.TrialPatient;

namespace NetPath.Clinical.Trials;

/// <summary>
/// Criteria and results in words for people: labels, never codes ("177Lu-DOTATATE PRRT", not
/// systemic.prrt), and the case's own facts ("Ki-67 8 % is below the 10 % the trial needs").
/// </summary>
internal static class CriterionWords
{
    public static string Requirement(TrialCriterion c) => c.Kind switch
    {
        CriterionKind.Condition => "a neuroendocrine neoplasm among the conditions studied",
        CriterionKind.PrimarySite => "primary in: " + string.Join(", ", c.Values.Select(TrialSites.Label)),
        CriterionKind.Differentiation => c.Values.Contains("well") ? "well-differentiated tumour" : "poorly differentiated carcinoma",
        CriterionKind.Grade => "grade " + Or(c.Values.Select(GradeLabel)),
        CriterionKind.Ki67 => "Ki-67 " + Range(c, "%"),
        CriterionKind.SstrPositive => "somatostatin receptor-positive disease on imaging" + (c.Note is null ? "" : $" ({c.Note})"),
        CriterionKind.DiseaseExtent => c.Values.Contains("resected") ? "tumour resected with R0 or R1 margins" : "metastatic or unresectable disease",
        CriterionKind.Progression => c.Max is { } m ? $"disease progression within {Number(m)} months" : "progressive disease",
        CriterionKind.MeasurableDisease => "measurable disease (RECIST 1.1)",
        CriterionKind.PriorTherapyRequired => (c.RequiresProgression ? "progression after " : "earlier treatment with ") + Or(c.Values.Select(TherapyWords.Label)),
        CriterionKind.PriorTherapyExcluded => "no earlier " + Or(c.Values.Select(TherapyWords.Label)),
        CriterionKind.PriorSystemicLines => "prior systemic therapies: " + Range(c, ""),
        CriterionKind.Ecog => "ECOG performance status " + Range(c with { Min = c.Min ?? 0 }, ""),
        CriterionKind.PerformanceScore => $"{c.Note ?? "performance score"} at least {Number(c.Min ?? 0)}",
        CriterionKind.Age => "age " + Range(c, "years"),
        CriterionKind.Sex => Or(c.Values) + " patients",
        CriterionKind.Lab => $"{LabWords.Label(c.Analyte ?? LabAnalyte.Egfr)} {Range(c, LabWords.Unit(c.Analyte ?? LabAnalyte.Egfr))}" + (c.Note is null ? "" : c.Note.StartsWith('(') ? " " + c.Note : $" ({c.Note})"),
        CriterionKind.NotPregnant => "not pregnant or breastfeeding",
        CriterionKind.GermlineExcluded => "no " + Or(c.Values),
        CriterionKind.GermlineRequired => "a germline " + Or(c.Values),
        _ => c.Note ?? c.Source,
    };

    public static string Explain(TrialCriterion c, CriterionOutcome outcome, TrialPatient p)
    {
        var need = Requirement(c);
        if (outcome == CriterionOutcome.Missing)
            return $"Not known from the case: {need} is required.";
        var t = p.Case.Tumour;
        var fact = c.Kind switch
        {
            CriterionKind.Condition => outcome == CriterionOutcome.Met ? "the trial is for a neuroendocrine neoplasm"
                : outcome == CriterionOutcome.NotMet ? $"the trial studies {string.Join(", ", c.Values)}, not a neuroendocrine neoplasm"
                : $"the trial studies {string.Join(", ", c.Values)}; whether a neuroendocrine neoplasm may enter is for the study team",
            CriterionKind.PrimarySite => $"the primary is in the {p.SiteLabel}",
            CriterionKind.Differentiation => $"the tumour is {(p.Differentiation == Differentiation.Well ? "well differentiated" : "poorly differentiated")}",
            CriterionKind.Grade => $"the grade is {p.GradeLabel}",
            CriterionKind.Ki67 => $"Ki-67 is {Number(t.Ki67!.Value.Value)} %",
            CriterionKind.SstrPositive => p.Case.Imaging.SstrPet.Positive is { } pos
                ? $"SSTR imaging is {(pos ? "positive" : "negative")}" + (p.Case.Imaging.SstrPet.KrenningScore is { } k ? $" (Krenning {k})" : "")
                : $"SSTR uptake is Krenning {p.Case.Imaging.SstrPet.KrenningScore}",
            CriterionKind.DiseaseExtent => Extent(t),
            CriterionKind.Progression => Progressions(p),
            CriterionKind.MeasurableDisease => "the case does not record RECIST-measurable lesions" + (t.Metastases?.IsPresent == true ? " (metastases are recorded)" : ""),
            CriterionKind.PriorTherapyRequired or CriterionKind.PriorTherapyExcluded => History(p, c.Values),
            CriterionKind.PriorSystemicLines => p.SystemicCodes.Count == 0 ? "no systemic therapy is recorded"
                : $"{p.SystemicCodes.Count} systemic {(p.SystemicCodes.Count == 1 ? "therapy is" : "therapies are")} recorded ({string.Join(", ", p.SystemicCodes.Select(TherapyWords.Label))})",
            CriterionKind.Ecog => $"ECOG is {p.Case.Patient.Ecog}",
            CriterionKind.PerformanceScore => p.Case.Patient.Ecog is { } e ? $"the case records ECOG {e}, not a {c.Note ?? "performance"} score" : "the case records no performance score",
            CriterionKind.Age => $"the patient is {p.Case.Patient.AgeYears} years old",
            CriterionKind.Sex => $"the patient's sex is {WireCode<Sex>.Of(p.Case.Patient.Sex ?? Sex.Other)}",
            CriterionKind.Lab => $"{LabWords.Label(c.Analyte!.Value)} is {Number(TrialMatcher.LabValue(p.Case.Labs, c.Analyte.Value) ?? 0)} {LabWords.Unit(c.Analyte.Value)}",
            CriterionKind.NotPregnant => p.Case.Patient.Pregnant is { } preg ? (preg ? "the patient is pregnant" : "the patient is not pregnant")
                : p.Case.Patient.Sex == Sex.Male ? "the patient is a man" : "the patient is a woman of 55 or more, taken as not pregnant",
            CriterionKind.GermlineExcluded or CriterionKind.GermlineRequired => p.Case.Patient.Germline.IsEmpty ? "no germline syndrome is recorded"
                : "germline: " + string.Join(", ", p.Case.Patient.Germline.Select(WireCode<GermlineSyndrome>.Of)),
            _ => FreeText(c, p),
        };
        return outcome switch
        {
            CriterionOutcome.Met => $"Met: {fact}; the trial needs {need}.",
            CriterionOutcome.NotMet => $"Not met: {fact}; the trial needs {need}.",
            _ => $"Check by hand: {fact}.",
        };
    }

    private static string FreeText(TrialCriterion c, TrialPatient p)
    {
        var words = "\"" + (c.Note ?? c.Source) + "\"";
        var had = p.Case.History.PriorTherapies.Where(t => c.Values.Contains(t.Code)).Select(t => TherapyWords.Label(t.Code)).Distinct().ToList();
        return had.Count == 0 ? words : $"{words}; the history records {string.Join(", ", had)}";
    }

    private static string Extent(Tumour t)
    {
        var parts = new List<string>();
        if (t.Metastases is { } m)
        {
            if (m.IsPresent)
            {
                var where = new List<string>();
                if (m.Liver == true) where.Add("liver");
                where.AddRange(m.Extrahepatic.Select(s => WireCode<MetastaticSite>.Of(s).Replace('-', ' ')));
                parts.Add("metastases in " + string.Join(", ", where));
            }
            else if (m.IsKnownAbsent) parts.Add("no distant metastases");
        }
        if (t.Resectability is { } r && r != Resectability.Unknown) parts.Add(WireCode<Resectability>.Of(r));
        if (t.Resection.Done == true) parts.Add("resected" + (t.Resection.Margin is { } margin ? " " + margin : ""));
        if (t.Resection.Done == false) parts.Add("not resected");
        return parts.Count == 0 ? "the extent of disease is not recorded" : "the case records " + string.Join(", ", parts);
    }

    private static string Progressions(TrialPatient p)
    {
        var courses = p.Case.History.PriorTherapies.Where(t => t.Outcome == TherapyOutcome.Progression)
            .Select(t => TherapyWords.Label(t.Code) + (t.EndDate is { } end ? $" (ended {end:yyyy-MM-dd})" : "")).ToList();
        return courses.Count == 0 ? "no progression is recorded" : "progression on " + string.Join(", ", courses);
    }

    private static string History(TrialPatient p, IReadOnlyList<string> codes)
    {
        var courses = p.Case.History.PriorTherapies.Where(t => codes.Contains(t.Code))
            .Select(t => TherapyWords.Label(t.Code) + (t.Outcome is { } o ? $" ({Outcome(o)})" : " (outcome not recorded)")).ToList();
        return courses.Count == 0 ? $"no {Or(codes.Select(TherapyWords.Label))} is recorded" : "the history records " + string.Join(", ", courses);
    }

    private static string Outcome(TherapyOutcome o) => o switch
    {
        TherapyOutcome.Progression => "ended with progression",
        TherapyOutcome.Response => "response",
        TherapyOutcome.Stable => "stable disease",
        TherapyOutcome.Intolerance => "stopped for intolerance",
        _ => "ongoing",
    };

    private static string GradeLabel(string code) => code switch
    {
        "typical-carcinoid" => "typical carcinoid",
        "atypical-carcinoid" => "atypical carcinoid",
        _ => code,
    };

    private static string Or(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1],
        };
    }

    private static string Range(TrialCriterion c, string unit)
    {
        var u = unit.Length == 0 ? "" : " " + unit;
        return (c.Min, c.Max) switch
        {
            ({ } lo, { } hi) when c.MinInclusive && c.MaxInclusive => $"from {Number(lo)} to {Number(hi)}{u}",
            ({ } lo, { } hi) => $"{(c.MinInclusive ? "at least" : "above")} {Number(lo)} and {(c.MaxInclusive ? "at most" : "below")} {Number(hi)}{u}",
            ({ } lo, null) => $"{(c.MinInclusive ? "at least" : "above")} {Number(lo)}{u}",
            (null, { } hi) => $"{(c.MaxInclusive ? "at most" : "below")} {Number(hi)}{u}",
            _ => "any",
        };
    }
}
