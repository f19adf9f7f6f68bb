using System.Text.Json.Nodes;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Pathways;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// `netpath knowledge diff A B`: what changed between two versions, rule by rule, in the words a
/// clinician reads: the care option and what it now requires, never JSON paths. Both versions are
/// compared as composed (a version with a parent as its whole chain reads it).
/// </summary>
public static class KnowledgeDiff
{
    public static IReadOnlyList<string> Compare(KnowledgeSet from, KnowledgeSet to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var lines = new List<string>();

        foreach (var code in to.Pathways.Codes.All.Where(c => !from.Pathways.Codes.Contains(c.Code)))
            lines.Add($"New care option: {code.Meaning} ({code.Category}).");

        var before = from.Pathways.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var after = to.Pathways.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var file in to.Pathways.Files)
        {
            var section = new List<string>();
            foreach (var rule in file.Rules)
            {
                if (!before.TryGetValue(rule.Id, out var old))
                {
                    section.Add($"  Added: {Describe(rule, to)}.");
                    section.Add($"    when {Words(Conditions(rule), to)}.");
                    continue;
                }
                var changes = Changes(old, rule, from, to);
                if (changes.Count == 0) continue;
                section.Add($"  Changed: {Describe(rule, to)}:");
                section.AddRange(changes.Select(c => "    " + c));
            }
            foreach (var rule in from.Pathways.Rules.Where(r => r.File == file.Name && !after.ContainsKey(r.Id)))
                section.Add($"  Withdrawn: {Describe(rule, from)}.");
            if (section.Count == 0) continue;
            lines.Add($"{file.Title}:");
            lines.AddRange(section);
        }
        foreach (var file in from.Pathways.Files.Where(f => to.Pathways.Files.All(t => t.Name != f.Name)))
            lines.Add($"{file.Title}: withdrawn with all its rules.");

        foreach (var name in from.Source.FileNames.Union(to.Source.FileNames, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!(name == "grading.json" || name.StartsWith("staging/", StringComparison.Ordinal))) continue;
            var a = from.Source.Has(name) ? Meaning(from.Source.Read(name)) : null;
            var b = to.Source.Has(name) ? Meaning(to.Source.Read(name)) : null;
            if (a == b) continue;
            var what = name == "grading.json" ? "Grading thresholds" : $"Staging table {name["staging/".Length..^".json".Length]}";
            lines.Add(a is null ? $"{what}: added." : b is null ? $"{what}: withdrawn." : $"{what}: changed.");
        }
        if (lines.Count == 0) lines.Add("No change in what the knowledge recommends, grades or stages.");
        return lines;
    }

    private static string Describe(PathwayRule rule, KnowledgeSet k)
    {
        var option = string.Join(", ", rule.Codes.Select(c => k.Pathways.Codes.TryGet(c, out var cc) ? cc.Meaning : c));
        return rule.Kind switch
        {
            RuleKind.Recommend => $"{option}, {WireCode<Strength>.Of(rule.Strength)}",
            RuleKind.Contraindicate => $"{option} ruled out",
            RuleKind.Caution => $"caution with {option}",
            RuleKind.Workup => $"work-up: {option}",
            RuleKind.Team => $"team: {(rule.Role is { } role ? WireCode<TeamRole>.Of(role) : "")}",
            RuleKind.FollowUp => $"follow-up: {rule.Test}" + (rule.EveryMonths is { } m ? $" every {m} months" : ""),
            RuleKind.Warn => $"warning: {rule.Text}",
            RuleKind.Missing => $"asks for {rule.Target}",
            _ => option,
        };
    }

    private static string Conditions(PathwayRule rule) =>
        rule.Conditions.Count == 0 ? "always" : string.Join("; ", rule.Conditions.Select(c => c.Phrase));

    private static List<string> Changes(PathwayRule old, PathwayRule now, KnowledgeSet from, KnowledgeSet to)
    {
        var changes = new List<string>();
        if (old.Kind != now.Kind || old.Strength != now.Strength || !old.Codes.SequenceEqual(now.Codes, StringComparer.Ordinal))
            changes.Add($"was: {Describe(old, from)}; now: {Describe(now, to)}.");
        var oldConditions = old.Conditions.ToList();
        var newConditions = now.Conditions.ToList();
        var added = newConditions.Where(c => oldConditions.All(o => o.Phrase != c.Phrase)).ToList();
        var removed = oldConditions.Where(c => newConditions.All(n => n.Phrase != c.Phrase)).ToList();
        // An "any of" group that changed is told by its alternatives, not as one long condition gone and another come.
        foreach (var group in added.Where(c => c.Parts is not null).ToList())
        {
            var was = removed.FirstOrDefault(r => r.Parts is not null);
            if (was is null) break;
            added.Remove(group);
            removed.Remove(was);
            foreach (var p in group.Parts!.Where(p => was.Parts!.All(w => w.Phrase != p.Phrase))) changes.Add($"now also accepts, as one of its alternatives: {Words(p.Phrase, to)}.");
            foreach (var p in was.Parts!.Where(p => group.Parts!.All(g => g.Phrase != p.Phrase))) changes.Add($"no longer accepts, as one of its alternatives: {Words(p.Phrase, from)}.");
        }
        foreach (var c in added) changes.Add($"now also requires: {Words(c.Phrase, to)}.");
        foreach (var c in removed) changes.Add($"no longer requires: {Words(c.Phrase, from)}.");
        if (old.Priority != now.Priority) changes.Add($"ranked {now.Priority} (was {old.Priority}).");
        if (old.Text != now.Text) changes.Add($"now reads: \"{now.Text}\"");
        var oldSources = old.Evidence.Select(e => e.Source).ToList();
        foreach (var source in now.Evidence.Select(e => e.Source).Except(oldSources, StringComparer.Ordinal)) changes.Add($"now also cites: {source}");
        foreach (var source in oldSources.Except(now.Evidence.Select(e => e.Source), StringComparer.Ordinal)) changes.Add($"no longer cites: {source}");
        return changes;
    }

    /// <summary>A condition's phrase with each care code in it replaced by its meaning ("currently on 177Lu-DOTATATE PRRT").</summary>
    private static string Words(string phrase, KnowledgeSet k)
    {
        foreach (var code in k.Pathways.Codes.All)
        {
            if (phrase.Contains(code.Code, StringComparison.Ordinal)) phrase = phrase.Replace(code.Code, code.Meaning, StringComparison.Ordinal);
        }
        return phrase;
    }

    /// <summary>A grading or staging file without its $comment notes, so that a note's wording is not a change in meaning.</summary>
    private static string Meaning(ReadOnlySpan<byte> json)
    {
        var node = JsonNode.Parse(json);
        Strip(node);
        return node?.ToJsonString() ?? "";
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("$comment");
                foreach (var (_, child) in o) Strip(child);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child);
                break;
        }
    }
}
