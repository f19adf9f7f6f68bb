using System.Text;
using System.Text.RegularExpressions;

namespace NetPath.Clinical.Trials;

/// <summary>
/// Splits the registry's eligibility markdown into sentences: one per bullet, numbered item,
/// sub-item or note paragraph, under the inclusion or exclusion heading that precedes it
/// (ctgov-v2-shape.md §3). Headings are lines ending in a colon that name inclusion or exclusion
/// ("Key Inclusion Criteria:"). Markdown escapes (\&gt;, \[) are removed so that numbers parse.
/// </summary>
public static partial class EligibilityText
{
    public static IReadOnlyList<EligibilitySentence> Split(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return [];
        var sentences = new List<EligibilitySentence>();
        var section = CriterionSection.Inclusion;
        var counts = new Dictionary<CriterionSection, int>();
        var current = new StringBuilder();

        void Flush()
        {
            var text = Clean(current.ToString());
            current.Clear();
            if (text.Length == 0) return;
            counts[section] = counts.GetValueOrDefault(section) + 1;
            var prefix = section == CriterionSection.Exclusion ? "exclusion" : "inclusion";
            sentences.Add(new EligibilitySentence($"{prefix}-{counts[section]}", section, text));
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            var heading = Heading().Match(trimmed);
            if (heading.Success)
            {
                Flush();
                section = heading.Groups["kind"].Value.StartsWith("ex", StringComparison.OrdinalIgnoreCase)
                    ? CriterionSection.Exclusion : CriterionSection.Inclusion;
                continue;
            }
            var item = Item().Match(line);
            if (item.Success)
            {
                Flush();
                current.Append(item.Groups["text"].Value);
                continue;
            }
            // A continuation of the item above, or a paragraph of its own (a "Note:").
            if (current.Length > 0) current.Append(' ');
            current.Append(trimmed);
        }
        Flush();
        return sentences;
    }

    /// <summary>Removes markdown escapes and emphasis and folds runs of white space.</summary>
    public static string Clean(string text)
    {
        var unescaped = Escape().Replace(text, "$1");
        return Spaces().Replace(unescaped.Replace("**", "", StringComparison.Ordinal), " ").Trim();
    }

    [GeneratedRegex(@"^(?:\*\*)?(?:key |main |general |additional )?(?<kind>inclusion|exclusion)(?: criteria)?(?:\*\*)?\s*:(?:\*\*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:[*\-+•]|\d{1,3}[.)])\s+(?<text>.*)$")]
    private static partial Regex Item();

    [GeneratedRegex(@"\\([<>\[\]*_#()\-+.!~`|{}])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
