using System.Text;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Staging;

/// <summary>Renders the staging knowledge as clinician documentation (docs/clinical/staging.md).</summary>
internal static class StagingDocs
{
    public static string Render(StagingKnowledge k)
    {
        var sb = new StringBuilder();
        sb.Append("# Staging rules (generated)\n\n");
        sb.Append("Generated from knowledge/<version>/staging/*.json by `StagingKnowledge.ToMarkdown()`; a test fails when this page\n");
        sb.Append("and the knowledge differ. Do not edit by hand: change the knowledge, then regenerate\n");
        sb.Append("(`NETPATH_WRITE_DOCS=1 dotnet test tests/NetPath.Clinical.Tests --filter StagingKnowledgeTests`).\n\n");
        sb.Append("How the rules are read (docs/decisions/0100-0105): rules run from the most advanced category down and the first\n");
        sb.Append("that surely holds decides; a rule on a fact the case does not give leaves its category possible. An empty\n");
        sb.Append("`invades` list means no invasion was reported; an absent `depth` is unknown; no examined nodes is NX; an absent\n");
        sb.Append("`metastases` object leaves M open. The stage group is read for every combination still possible and given\n");
        sb.Append("where they agree (at the finest level they share: IIIA and IIIB give III).\n\n");
        foreach (var ch in k.Chapters.OrderBy(c => c.System == Systems.Ajcc8 ? 0 : 1).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            sb.Append("## ").Append(ch.Title).Append("\n\n");
            sb.Append("System ").Append(ch.System).Append("; sites: ").Append(string.Join(", ", ch.Sites.Select(WireCode<PrimarySite>.Of))).Append(".\n");
            sb.Append("Source: ").Append(ch.Source).Append("\n\n");
            if (ch.Note is not null) sb.Append(ch.Note).Append("\n\n");
            foreach (var axis in new[] { ch.T, ch.N, ch.M })
            {
                sb.Append("### ").Append(axis.Prefix).Append("\n\n");
                sb.Append("| Category | Meaning |\n| --- | --- |\n");
                for (var i = 0; i < axis.Leaves.Length; i++)
                    sb.Append("| ").Append(axis.Leaves[i]).Append(" | ").Append(axis.Meanings[i]).Append(" |\n");
                for (var p = 0; p < axis.ParentNames.Length; p++)
                    sb.Append("| ").Append(axis.ParentNames[p]).Append(" | any of ").Append(axis.Join(axis.ParentMasks[p], ", ")).Append(" |\n");
                sb.Append('\n');
                if (axis.Rules.Length > 0)
                {
                    sb.Append("Rules, first that holds decides:\n\n");
                    foreach (var r in axis.Rules)
                    {
                        sb.Append("- **").Append(axis.Leaves[r.Category]).Append("**");
                        if (!r.Sites.IsEmpty) sb.Append(" (").Append(string.Join(", ", r.Sites.Select(WireCode<PrimarySite>.Of))).Append(')');
                        sb.Append(": ").Append(r.Text).Append(". Read as: ");
                        sb.Append(string.Join("; or ", r.AnyOf.Select(a => string.Join(" and ", a.Select(c => c.Explain())))));
                        sb.Append(". Source: ").Append(r.Source).Append('\n');
                    }
                    sb.Append('\n');
                }
                if (!axis.ReadsClinicianCategory) sb.Append("A clinician's ").Append(axis.Prefix).Append(" category (AJCC) is not read by this system.\n\n");
            }
            sb.Append("### Stage groups (first matching row wins)\n\n| T | N | M | Group | Source |\n| --- | --- | --- | --- | --- |\n");
            foreach (var row in ch.Rows)
            {
                var parts = row.Text.Split(' ', 4);
                sb.Append("| ").Append(parts[0]).Append(" | ").Append(parts[1]).Append(" | ").Append(parts[2].TrimEnd(':'))
                  .Append(" | ").Append(row.Group < 0 ? "not stageable" : ch.Groups[row.Group].Name).Append(" | ").Append(row.Source).Append(" |\n");
            }
            sb.Append('\n');
        }
        sb.Append("## Not staged\n\n");
        foreach (var site in Enum.GetValues<PrimarySite>())
        {
            if (k.NotStagedReason(site) is { } reason) sb.Append("- ").Append(WireCode<PrimarySite>.Of(site)).Append(": ").Append(reason).Append('\n');
        }
        sb.Append("- parasympathetic paraganglioma: ").Append(k.ParasympatheticReason).Append('\n');
        sb.Append("- NEC and MiNEN of digestive sites: ").Append(k.NecReason).Append(" (").Append(k.NecSource).Append(")\n\n");
        sb.Append("Source of the list: ").Append(k.NotStagedSource).Append('\n');
        return sb.ToString();
    }
}
