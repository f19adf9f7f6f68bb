using System.Globalization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Pathways;

/// <summary>One suggested treatment in plain words, and how strongly it is suggested, in words.</summary>
public sealed record PlainSuggestion(string Text, string Strength);

/// <summary>A treatment that is not right now: the first sentence of its plain words, and the engine's reason.</summary>
public sealed record PlainNotNow(string Treatment, string Reason)
{
    /// <summary>The sentence the patient reads.</summary>
    public string Text => $"{Treatment} Not now, because: {Reason} Your team can explain this.";
}

/// <summary>
/// The plan in plain words for the patient: short sentences, every medical term explained once,
/// in the order a patient asks (what is it, what happens next, who will look after me, when are
/// the check-ups), and questions to take to the team. The explanations come from the knowledge
/// (patient-language.json, reviewed with the rules); the sentences that join them live here, once,
/// for the command line's <c>--format patient</c> and the web's plain-words plan alike. No care
/// code or wire code appears in it.
/// </summary>
public sealed record PlainPlan(
    IReadOnlyList<string> AboutTumour,
    IReadOnlyList<string> TestsNeeded,
    IReadOnlyList<PlainSuggestion> Suggestions,
    IReadOnlyList<PlainNotNow> NotNow,
    IReadOnlyList<string> Team,
    IReadOnlyList<string> CheckUps,
    string? NotKnownYet,
    IReadOnlyList<string> Questions)
{
    public const string Title = "Your plan in plain words";
    public const string AboutHeading = "About your tumour";
    public const string TestsHeading = "Tests still needed before deciding";
    public const string SuggestionsHeading = "What your team suggests";
    public const string NotNowHeading = "Treatments that are not right for you now";
    public const string TeamHeading = "Who will look after you";
    public const string CheckUpsHeading = "Check-ups";
    public const string QuestionsHeading = "Questions to ask your team";
    public const string Closing = "This summary helps you talk with your care team. It does not replace their advice.";

    public static PlainPlan For(Assessment a, PatientLanguage words)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(words);
        var about = new List<string>
        {
            $"It started in {SitePlain(a.Classification)}.",
            a.Classification.Differentiation == Differentiation.Poor
                ? "It is a neuroendocrine carcinoma: a cancer of the cells that make hormones, growing fast."
                : "It is a neuroendocrine tumour (NET): a tumour of the cells that make hormones. Most NETs grow slowly.",
            words.ForGrade(a.Grade.Value),
        };
        var ajcc = a.Staging.FirstOrDefault(s => s.System == "AJCC8");
        if (ajcc is { Stageable: true } && words.ForStageGroup(ajcc.Group) is { } stage)
            about.Add(stage + " (The stage tells how far the tumour has spread.)");
        else if (ajcc is not null)
            about.Add("The stage (how far the tumour has spread) cannot be told yet: some test results are still needed.");
        if (a.Classification.Functioning == true)
            about.Add("Your tumour makes hormones that cause symptoms. Treating those symptoms is part of the plan.");

        return new PlainPlan(
            about,
            [.. a.Workup.Select(w => words.ForCode(w.Code))],
            [.. a.Recommendations.Select(r => new PlainSuggestion(words.ForCode(r.Code), StrengthPlain(r.Strength)))],
            [.. a.Contraindicated.Select(x => new PlainNotNow(FirstSentence(words.ForCode(x.Code)), x.Reason))],
            [.. a.Team.Select(words.ForRole)],
            [.. a.FollowUp.Select(FollowUpPlain)],
            a.MissingData.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"Some facts are not known yet ({a.MissingData.Count}). When they are, the plan may change.") : null,
            QuestionsFor(a));
    }

    /// <summary>Questions worth asking, chosen by what the plan holds; general prompts, no clinical claim (decision 0522).</summary>
    private static List<string> QuestionsFor(Assessment a)
    {
        var q = new List<string>();
        if (a.Recommendations.Count > 0)
        {
            q.Add("What are the good effects and the side effects of each treatment you suggest?");
            q.Add("What happens if I wait, or choose another treatment?");
        }
        if (a.Recommendations.Count > 1) q.Add("Which treatment comes first, and why?");
        if (a.Contraindicated.Count > 0) q.Add("Why are some treatments not right for me now, and could that change?");
        if (a.Workup.Count > 0 || a.MissingData.Count > 0) q.Add("Which tests do I still need, when will I have them, and when will I hear the results?");
        if (a.Classification.Functioning == true) q.Add("Which symptoms should I watch for, and what do I do if they get worse?");
        if (a.FollowUp.Count > 0) q.Add("Who arranges my check-ups, and whom do I call if something changes before the next one?");
        q.Add("How will the plan affect my daily life, my work and my family?");
        q.Add("Where can I find support, and is there a patient group for neuroendocrine tumours?");
        return q;
    }

    private static string StrengthPlain(Strength s) => s switch
    {
        Strength.Preferred => "This is the usual first choice in your situation.",
        Strength.Alternative => "This is another good choice in your situation.",
        _ => "This may be an option; your team will talk it through with you.",
    };

    private static string SitePlain(Assessments.Classification c) => c.Site switch
    {
        PrimarySite.Stomach => "the stomach",
        PrimarySite.Duodenum => "the duodenum (the first part of the small bowel)",
        PrimarySite.Ampulla => "the ampulla (where the bile duct opens into the bowel)",
        PrimarySite.Jejunum => "the small bowel (jejunum)",
        PrimarySite.Ileum => "the small bowel (ileum, its last part)",
        PrimarySite.Appendix => "the appendix",
        PrimarySite.Colon => "the large bowel (colon)",
        PrimarySite.Rectum => "the rectum (the last part of the large bowel)",
        PrimarySite.Pancreas => "the pancreas",
        PrimarySite.Lung => "the lung",
        PrimarySite.Thymus => "the thymus (a gland in the chest)",
        PrimarySite.Adrenal => "the adrenal gland (a small gland above the kidney)",
        PrimarySite.ExtraAdrenalParaganglion => "a paraganglion (a small cluster of nerve-related cells)",
        PrimarySite.UnknownPrimary => "a place not yet found",
        _ => c.OtherSite is { } other ? other : "an uncommon place",
    };

    private static string FollowUpPlain(FollowUpItem f)
    {
        var test = f.Test switch
        {
            "cross-sectional-imaging" => "A CT or MRI scan",
            "mri" => "An MRI scan",
            "mri-or-eus" or "rectal-mri-or-eus" => "An MRI scan or an endoscopic ultrasound (a camera test with an ultrasound probe)",
            "endoscopy" => "An endoscopy (a camera test of the gut)",
            "echocardiography" => "A heart ultrasound (echocardiogram)",
            "chromogranin-a" => "A blood test for chromogranin A (a tumour marker)",
            "urine-5hiaa" => "A 24-hour urine test for 5-HIAA (a marker of serotonin)",
            "metanephrines" => "A blood or urine test for metanephrines (adrenaline breakdown products)",
            _ => f.Test,
        };
        var when = f.EveryMonths is { } m ? string.Create(CultureInfo.InvariantCulture, $" every {m:0.#} months") : "";
        var howLong = f.ForYears is { } y ? string.Create(CultureInfo.InvariantCulture, $", for {y} years") : "";
        return $"{test}{when}{howLong}.";
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}
