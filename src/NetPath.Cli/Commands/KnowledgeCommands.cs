using System.CommandLine;
using NetPath.Clinical.Knowledge;

namespace NetPath.Cli.Commands;

/// <summary>`--knowledge VERSION` and `netpath knowledge diff A B`.</summary>
internal static class KnowledgeCommands
{
    /// <summary>Names the knowledge version to apply; a draft is applied only when named here. Checked against the build without loading any knowledge.</summary>
    public static Option<string?> VersionOption()
    {
        var option = new Option<string?>("--knowledge")
        {
            Description = "The knowledge version to apply (default: the newest released; a draft only when named).",
        };
        option.Validators.Add(r =>
        {
            var version = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            var versions = KnowledgeSource.EmbeddedVersions();
            if (version is not null && !versions.Contains(version, StringComparer.Ordinal))
                r.AddError($"--knowledge {version} is not in this build; it has {string.Join(", ", versions)}.");
        });
        return option;
    }

    public static Command Diff(CliIo io)
    {
        var from = new Argument<string>("from") { Description = "The earlier knowledge version, e.g. 2026.11." };
        var to = new Argument<string>("to") { Description = "The later knowledge version, e.g. 2026.11.1." };
        var command = new Command("diff", "What changed between two knowledge versions, rule by rule.") { from, to };
        command.SetAction(parse =>
        {
            var versions = KnowledgeSource.EmbeddedVersions();
            foreach (var v in new[] { parse.GetValue(from)!, parse.GetValue(to)! })
            {
                if (versions.Contains(v, StringComparer.Ordinal)) continue;
                io.Stderr.WriteLine($"netpath: knowledge {v} is not in this build; it has {string.Join(", ", versions)}.");
                return ExitCodes.InvalidInput;
            }
            var a = KnowledgeSet.Load(KnowledgeSource.Embedded(parse.GetValue(from)));
            var b = KnowledgeSet.Load(KnowledgeSource.Embedded(parse.GetValue(to)));
            using var writer = new StreamWriter(io.Stdout, leaveOpen: true);
            writer.WriteLine($"Knowledge {a.Version} to {b.Version}{(b.Source.IsDraft ? " (draft)" : "")}:");
            foreach (var line in KnowledgeDiff.Compare(a, b)) writer.WriteLine(line);
            return ExitCodes.Assessed;
        });
        return command;
    }
}
