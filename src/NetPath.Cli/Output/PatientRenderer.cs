using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Pathways;

namespace NetPath.Cli.Output;

/// <summary>
/// `--format patient`: the plan in plain words for the patient (<see cref="PlainPlan"/>, the same
/// model the web's plain-words plan shows), as text.
/// </summary>
internal sealed class PatientRenderer(TextWriter output, PatientLanguage words) : IAssessmentRenderer
{
    public void Render(Case c, Assessment a)
    {
        var plan = PlainPlan.For(a, words);
        output.WriteLine(PlainPlan.Title);
        output.WriteLine(new string('=', PlainPlan.Title.Length));
        output.WriteLine();
        Section(PlainPlan.AboutHeading, plan.AboutTumour);
        Section(PlainPlan.TestsHeading, plan.TestsNeeded);

        if (plan.Suggestions.Count > 0)
        {
            output.WriteLine(PlainPlan.SuggestionsHeading);
            var n = 0;
            foreach (var s in plan.Suggestions)
            {
                n++;
                output.WriteLine($"{n}. {s.Text}");
                output.WriteLine("   " + s.Strength);
            }
            output.WriteLine();
        }

        Section(PlainPlan.NotNowHeading, [.. plan.NotNow.Select(x => x.Text)]);
        Section(PlainPlan.TeamHeading, plan.Team);
        Section(PlainPlan.CheckUpsHeading, plan.CheckUps);
        Section(PlainPlan.QuestionsHeading, plan.Questions);

        if (plan.NotKnownYet is { } unknown) output.WriteLine(unknown);
        output.WriteLine(PlainPlan.Closing);
        output.WriteLine();
    }

    private void Section(string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return;
        output.WriteLine(heading);
        foreach (var line in lines) output.WriteLine("- " + line);
        output.WriteLine();
    }
}
