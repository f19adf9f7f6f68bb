using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Pathways;
using NetPath.Clinical.Staging;
using Spectre.Console;

namespace NetPath.Cli.Output;

/// <summary>
/// `--format text`: the assessment as a clinician reads it: classification and grade with their
/// basis, the stage by each system, the plan by strength, what is ruled out, what is missing.
/// Colour only where the terminal has it.
/// </summary>
internal sealed class TextRenderer : IAssessmentRenderer
{
    private readonly IAnsiConsole console;
    private readonly bool explain;

    public TextRenderer(TextWriter output, bool colour, bool explain)
    {
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 110;
        this.explain = explain;
    }

    public void Render(Case c, Assessment a)
    {
        var cls = a.Classification;
        var title = $"{a.CaseId ?? "case"}: {Label(cls.Site)}{(cls.OtherSite is null ? "" : $" ({cls.OtherSite})")}, {Label(cls.Family).ToLowerInvariant()}";
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        var facts = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        var differentiation = cls.Differentiation switch
        {
            Differentiation.Well => "well differentiated",
            Differentiation.Poor => "poorly differentiated",
            _ => "differentiation unknown",
        };
        facts.AddRow("Histology", Markup.Escape($"{(cls.HistologicType is { } h ? Label(h) : "type not derivable")}, {differentiation}"));
        facts.AddRow("Function", Markup.Escape(cls.Functioning switch { true => $"functioning: {Label(cls.Syndrome!.Value)}", false => "non-functioning", null => "not stated" }));
        facts.AddRow("Grade", $"[bold]{Markup.Escape(Label(a.Grade.Value))}[/] ({Markup.Escape(Label(a.Grade.System))})" + (a.Grade.Discordant ? " [yellow]Ki-67 and mitoses disagree[/]" : ""));
        foreach (var b in a.Grade.Basis) facts.AddRow("", Markup.Escape("- " + b));
        console.Write(facts);

        if (a.Staging.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title("Stage");
            table.AddColumns("System", "T", "N", "M", "Group", "Basis");
            foreach (var s in a.Staging)
            {
                table.AddRow(
                    new Text(Systems.Label(s.System)),
                    new Text(s.T ?? "-"), new Text(s.N ?? "-"), new Text(s.M ?? "-"),
                    s.Stageable ? new Markup($"[bold]{Markup.Escape(s.Group ?? "-")}[/]") : new Markup("[yellow]not stageable[/]"),
                    new Text(string.Join("\n", s.Basis)));
            }
            console.Write(table);
        }

        if (a.Recommendations.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title("Plan");
            table.AddColumns("Strength", "Recommendation", "Why");
            foreach (var r in a.Recommendations)
            {
                var why = r.Rationale + "\nEvidence: " + string.Join("; ", r.Evidence.Select(e => e.Source));
                if (r.Cautions.Count > 0) why += "\nCaution: " + string.Join("; ", r.Cautions);
                if (explain && r.WouldChange.Count > 0) why += "\nWould change: " + string.Join("; ", r.WouldChange);
                table.AddRow(StrengthMarkup(r.Strength), new Text(Describe(r.Code) + (r.Line is { } line ? $" (line {line})" : "")), new Text(why));
            }
            console.Write(table);
        }
        Section("Ruled out", a.Contraindicated.Select(x => $"{Describe(x.Code)}: {x.Reason}"), "red");
        Section("Work-up still needed", a.Workup.Select(x => $"{Describe(x.Code)}: {x.Reason}"), "blue");
        if (a.Team.Count > 0) Section("Team", [string.Join(", ", a.Team.Select(Label))], "default");
        Section("Follow-up", a.FollowUp.Select(f => FollowUpTest(f.Test) + (f.EveryMonths is { } m ? $" every {m:0.#} months" : "") + (f.ForYears is { } y ? $" for {y} years" : "") + (f.Note is null ? "" : $": {f.Note}")), "default");
        Section("Missing data", a.MissingData.Select(m => $"{CaseFieldWords.Label(m.Field)}: {m.Why}"), "yellow");
        Section("Warnings", a.Warnings.Select(w => w.Message), "yellow");
        if (explain) Explain(a);
        console.MarkupLine($"[grey]Knowledge {Markup.Escape(a.KnowledgeVersion)}[/]");
        console.WriteLine();
    }

    /// <summary>The rules behind the plan: those that fired, those one fact away, those waiting on a fact.</summary>
    private void Explain(Assessment a)
    {
        Section("Rules that fired", a.Explanation.Where(e => e.Outcome == RuleOutcome.Fired).Select(e => e.Code.Length == 0 ? e.RuleId : $"{e.RuleId} -> {Describe(e.Code)}"), "green");
        Section("Rules that nearly fired (one fact away)", a.Explanation.Where(e => e.Outcome == RuleOutcome.NearlyFired).Select(e => $"{e.RuleId} -> {Describe(e.Code)}: {e.Detail}"), "default");
        Section("Rules waiting on a fact", a.Explanation.Where(e => e.Outcome == RuleOutcome.Unsettled).Select(e => $"{e.RuleId} -> {Describe(e.Code)}: {e.Detail}"), "yellow");
    }

    private void Section(string heading, IEnumerable<string> lines, string colour)
    {
        var items = lines.ToList();
        if (items.Count == 0) return;
        console.MarkupLine($"[bold {colour}]{Markup.Escape(heading)}[/]");
        foreach (var line in items) console.MarkupLine("  - " + Markup.Escape(line));
    }

    private static Markup StrengthMarkup(Strength s) => s switch
    {
        Strength.Preferred => new Markup("[green bold]preferred[/]"),
        Strength.Alternative => new Markup("[green]alternative[/]"),
        _ => new Markup("consider"),
    };

    private static string Describe(string code) => CareCodes.TryGet(code, out var c) ? c.Meaning : code;

    /// <summary>A follow-up test is named like the work-up item that orders it ("chromogranin-a": serum chromogranin A).</summary>
    private static string FollowUpTest(string test) => CareCodes.TryGet("workup." + test, out var c) ? c.Meaning : test;

    private static string Label<T>(T value) where T : struct, Enum => WireCode<T>.Label(value);
}
