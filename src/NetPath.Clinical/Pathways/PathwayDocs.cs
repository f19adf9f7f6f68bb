using NetPath.Clinical.Knowledge;
using System.Globalization;
using System.Text;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Pathways;

/// <summary>
/// Renders the pathway rules as clinician-readable pages (docs/clinical/): one page per rule file
/// (a site group or a therapy or safety area), an index and the fact vocabulary. The pages are
/// generated, never edited by hand, so that what is documented is what runs.
/// </summary>
public static class PathwayDocs
{
    /// <summary>File name (e.g. <c>pathway-pancreas.md</c>) to Markdown, for every page.</summary>
    public static IReadOnlyDictionary<string, string> Render(PathwayKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in knowledge.Files) pages[PageName(file)] = RenderFile(file);
        pages["pathway-vocabulary.md"] = RenderVocabulary();
        pages["pathway-index.md"] = RenderIndex(knowledge);
        return pages;
    }

    private static string PageName(PathwayFile file) => "pathway-" + file.Name + ".md";

    // The version is written once, in its folder and manifest: pages name the rules, not the version (knowledge/README.md says which applies).
    private const string Header =
        "<!-- Generated from the pathway rules of the knowledge version the engine applies by default, by PathwayDocs.Render; do not edit. Regenerate: NETPATH_WRITE_DOCS=1 dotnet test tests/NetPath.Clinical.Tests --filter PathwayDocsTests -->\n\n";

    private static string RenderIndex(PathwayKnowledge knowledge)
    {
        var sb = new StringBuilder(Header);
        sb.Append("# Treatment pathways\n\n");
        sb.Append("Each page lists the rules of one site or therapy area as they run in NetPath: the conditions that must all hold, ")
          .Append("what the rule then recommends, rules out or asks for, and its sources. A condition the case does not give is ")
          .Append("unknown: the rule then does not fire but asks for the fact (missing data or work-up). ")
          .Append("A contraindicated code is removed from the recommendations and listed with its reason. ")
          .Append("The conditions are written in a small vocabulary: see [the fact vocabulary](pathway-vocabulary.md).\n\n");
        sb.Append("| Page | Rules | About |\n| --- | --- | --- |\n");
        foreach (var f in knowledge.Files)
            sb.Append("| [").Append(f.Title).Append("](").Append(PageName(f)).Append(") | ").Append(f.Rules.Count.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(f.About)).Append(" |\n");
        sb.Append("\nCodes by category and the rules that can recommend them:\n\n| Code | Meaning | Rules |\n| --- | --- | --- |\n");
        foreach (var code in knowledge.Codes.All)
        {
            var ids = knowledge.Rules.Where(r => r.Kind is RuleKind.Recommend or RuleKind.Workup && r.Code == code.Code).Select(r => "`" + r.Id + "`");
            sb.Append("| `").Append(code.Code).Append("` | ").Append(code.Meaning).Append(" | ").Append(string.Join(", ", ids)).Append(" |\n");
        }
        return sb.ToString();
    }

    private static string RenderVocabulary()
    {
        var sb = new StringBuilder(Header);
        sb.Append("# Pathway fact vocabulary\n\n")
          .Append("Every condition of a pathway rule is one of these facts. Each is three-valued: true, false, or unknown when the case ")
          .Append("does not give it. `!x` negates (unknown stays unknown); `?x` is true when x is unknown. `any` groups hold when one member holds.\n\n")
          .Append("| Syntax | Meaning |\n| --- | --- |\n");
        foreach (var e in FactVocabulary.Entries()) sb.Append("| `").Append(e.Syntax.Replace("|", "\\|", StringComparison.Ordinal)).Append("` | ").Append(Cell(e.Meaning)).Append(" |\n");
        return sb.ToString();
    }

    private static string RenderFile(PathwayFile file)
    {
        var sb = new StringBuilder(Header);
        sb.Append("# ").Append(file.Title).Append("\n\n").Append(file.About).Append("\n\n");
        sb.Append("Rules file: `pathways/").Append(file.Name).Append(".json` of the knowledge version (a version with a parent holds only its changes to it).\n\n");
        foreach (var rule in file.Rules)
        {
            sb.Append("## `").Append(rule.Id).Append("`\n\n");
            sb.Append(Describe(rule)).Append("\n\n");
            if (rule.Conditions.Count == 0) sb.Append("When: always.\n\n");
            else
            {
                sb.Append("When all of:\n");
                foreach (var c in rule.Conditions) sb.Append("- ").Append(c.Phrase).Append(" (`").Append(c.Expression).Append("`)\n");
                sb.Append('\n');
            }
            sb.Append(rule.Kind switch
            {
                RuleKind.Recommend => "Rationale: ",
                RuleKind.FollowUp => "Note: ",
                RuleKind.Warn or RuleKind.Missing => "Message: ",
                _ => "Reason: ",
            }).Append(rule.Text).Append("\n\n");
            if (rule.AfterProgression is { } ap) sb.Append("Offered again after progression on it: ").Append(ap).Append("\n\n");
            if (rule.WouldChange.Count > 0) sb.Append("Would change: ").Append(string.Join("; ", rule.WouldChange)).Append(".\n\n");
            sb.Append("Sources:\n");
            foreach (var e in rule.Evidence) sb.Append("- ").Append(e.Source).Append(" (").Append(WireCode<EvidenceKind>.Of(e.Kind)).Append(')').Append(Links(e.Source)).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Describe(PathwayRule r) => r.Kind switch
    {
        RuleKind.Recommend => $"Recommends `{r.Code}` ({Meaning(r.Code)}), strength **{WireCode<Strength>.Of(r.Strength)}**, intent {WireCode<Intent>.Of(r.Intent)}, priority {r.Priority}{(r.ClearsFollowUp ? "; replaces any follow-up schedule" : "")}.",
        RuleKind.Contraindicate => $"Rules out {string.Join(", ", r.Codes.Select(c => "`" + c + "`"))}{(r.Always ? " (listed whenever it holds)" : " (listed when proposed)")}.",
        RuleKind.Caution => $"Adds a caution to {string.Join(", ", r.Codes.Select(c => "`" + c + "`"))}.",
        RuleKind.Workup => $"Asks for work-up `{r.Code}` ({Meaning(r.Code)}).",
        RuleKind.Team => $"Adds `{WireCode<TeamRole>.Of(r.Role!.Value)}` to the team.",
        RuleKind.FollowUp => $"Follow-up: `{r.Test}` every {r.EveryMonths?.ToString(CultureInfo.InvariantCulture) ?? "?"} months{(r.ForYears is { } y ? $" for {y} years" : "")}{(r.Group is { } g ? $" (group {g}: the first rule of the group by priority wins)" : "")}.",
        RuleKind.Warn => $"Warns `{r.Target}`.",
        _ => $"Asks for the missing field `{r.Target}`.",
    };

    /// <summary>A released rule's free-text source with the links of the registry entries it stands for (knowledge/sources.json).</summary>
    private static string Links(string cited)
    {
        var links = new List<string>();
        foreach (var (_, entry) in SourceRegistry.Embedded.Resolve(cited))
        {
            if (entry is null || cited.Contains(entry.Citation, StringComparison.Ordinal)) continue;
            var link = entry.Doi is { } doi ? $"[doi:{doi}](https://doi.org/{doi})"
                : entry.Url is { } url && url.StartsWith("docs/clinical/", StringComparison.Ordinal) ? $"[{url["docs/clinical/".Length..]}]({url["docs/clinical/".Length..]})"
                : entry.Url is { } decisions && decisions.StartsWith("docs/", StringComparison.Ordinal) ? $"[{decisions}](../{decisions["docs/".Length..]})"
                : entry.Pmid is { } pmid ? $"[PMID {pmid}](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)"
                : $"[link]({entry.Url})";
            if (!links.Contains(link)) links.Add(link);
        }
        return links.Count == 0 ? "" : ": " + string.Join(", ", links);
    }

    private static string Meaning(string code) => CareCodes.TryGet(code, out var c) ? c.Meaning : code;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
