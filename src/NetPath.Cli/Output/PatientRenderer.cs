using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Pathways;

namespace NetPath.Cli.Output;

/// <summary>
/// `--format patient`: the plan in plain words for the patient, in short sentences, every medical
/// term explained once, in the order a patient asks: what is it, what happens next, who will look
/// after me, when are the check-ups. The words come from the knowledge (patient-language.json), so
/// they are reviewed with the rules.
/// </summary>
internal sealed class PatientRenderer(TextWriter output, PatientLanguage words) : IAssessmentRenderer
{
    public void Render(Case c, Assessment a)
    {
        output.WriteLine("Your plan in plain words");
        output.WriteLine("========================");
        output.WriteLine();
        output.WriteLine("About your tumour");
        output.WriteLine($"- It started in {SitePlain(a.Classification)}.");
        output.WriteLine(a.Classification.Differentiation == Differentiation.Poor
            ? "- It is a neuroendocrine carcinoma: a cancer of the cells that make hormones, growing fast."
            : "- It is a neuroendocrine tumour (NET): a tumour of the cells that make hormones. Most NETs grow slowly.");
        output.WriteLine("- " + words.ForGrade(a.Grade.Value));
        var ajcc = a.Staging.FirstOrDefault(s => s.System == "AJCC8");
        if (ajcc is { Stageable: true } && words.ForStageGroup(ajcc.Group) is { } stage)
            output.WriteLine("- " + stage + " (The stage tells how far the tumour has spread.)");
        else if (ajcc is not null)
            output.WriteLine("- The stage (how far the tumour has spread) cannot be told yet: some test results are still needed.");
        if (a.Classification.Functioning == true)
            output.WriteLine("- Your tumour makes hormones that cause symptoms. Treating those symptoms is part of the plan.");
        output.WriteLine();

        if (a.Workup.Count > 0)
        {
            output.WriteLine("Tests still needed before deciding");
            foreach (var w in a.Workup) output.WriteLine("- " + words.ForCode(w.Code));
            output.WriteLine();
        }

        if (a.Recommendations.Count > 0)
        {
            output.WriteLine("What your team suggests");
            var n = 0;
            foreach (var r in a.Recommendations)
            {
                n++;
                output.WriteLine($"{n}. {words.ForCode(r.Code)}");
                output.WriteLine("   " + r.Strength switch
                {
                    Strength.Preferred => "This is the usual first choice in your situation.",
                    Strength.Alternative => "This is another good choice in your situation.",
                    _ => "This may be an option; your team will talk it through with you.",
                });
            }
            output.WriteLine();
        }

        if (a.Contraindicated.Count > 0)
        {
            output.WriteLine("Treatments that are not right for you now");
            foreach (var x in a.Contraindicated)
                output.WriteLine($"- {FirstSentence(words.ForCode(x.Code))} Not now, because: {x.Reason} Your team can explain this.");
            output.WriteLine();
        }

        if (a.Team.Count > 0)
        {
            output.WriteLine("Who will look after you");
            foreach (var role in a.Team) output.WriteLine("- " + words.ForRole(role));
            output.WriteLine();
        }

        if (a.FollowUp.Count > 0)
        {
            output.WriteLine("Check-ups");
            foreach (var f in a.FollowUp) output.WriteLine("- " + FollowUpPlain(f));
            output.WriteLine();
        }

        if (a.MissingData.Count > 0)
            output.WriteLine($"Some facts are not known yet ({a.MissingData.Count}). When they are, the plan may change.");
        output.WriteLine("This summary helps you talk with your care team. It does not replace their advice.");
        output.WriteLine();
    }

    private static string SitePlain(Classification c) => c.Site switch
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
        var when = f.EveryMonths is { } m ? $" every {m:0.#} months" : "";
        var howLong = f.ForYears is { } y ? $", for {y} years" : "";
        return $"{test}{when}{howLong}.";
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}
