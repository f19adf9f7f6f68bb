using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetPath.Cli.Tests;

/// <summary>
/// The README's command-line examples run as written, from the repository's folder, on the files
/// the repository ships; and every relative link in the project's documentation leads somewhere.
/// A newcomer copies these lines first: they must never point at files that do not exist.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly string Root = FindRepoRoot();

    /// <summary>`netpath ...` lines of the README's sh blocks, without their trailing comments.</summary>
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var line in ShellLines(File.ReadAllText(Path.Combine(Root, "README.md"))))
        {
            if (!line.StartsWith("netpath ", StringComparison.Ordinal)) continue;
            // Servers, account commands and imports run until stopped or write a database; their own tests cover them.
            if (line.StartsWith("netpath serve", StringComparison.Ordinal) || line.StartsWith("netpath admin", StringComparison.Ordinal)
                || line.StartsWith("netpath import", StringComparison.Ordinal)) continue;
            data.Add(line);
        }
        return data;
    }

    [Fact]
    public void The_readme_has_command_line_examples_to_check()
    {
        Examples().Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_readme_example_runs_as_written(string line)
    {
        var args = Words(line).Skip(1).Select(FromRepositoryFolder).ToArray();

        var result = CliRunner.Run(args);

        result.ExitCode.ShouldBe(0, $"{line}\n{result.Stderr}");
        result.Stdout.Trim().ShouldNotBeEmpty(line);
        var json = args[0] == "assess" && !args.Contains("--format");
        if (json && args.Contains("--ndjson"))
        {
            foreach (var output in result.StdoutLines) ShouldBeAnAssessment(output, line);
        }
        else if (json)
        {
            ShouldBeAnAssessment(result.Stdout, line);
        }
    }

    [Fact]
    public void Every_relative_link_in_the_documentation_resolves()
    {
        var pages = new List<string> { Path.Combine(Root, "README.md"), Path.Combine(Root, "samples", "README.md") };
        pages.AddRange(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories));
        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match m in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                var target = m.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var path = target.Split('#')[0];
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
                if (!File.Exists(full) && !Directory.Exists(full)) broken.Add($"{Path.GetRelativePath(Root, page)}: {target}");
            }
        }
        broken.ShouldBeEmpty();
    }

    private static void ShouldBeAnAssessment(string json, string line)
    {
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("schemaVersion").GetString().ShouldBe("1", line);
        doc.RootElement.GetProperty("classification").ValueKind.ShouldBe(JsonValueKind.Object, line);
    }

    /// <summary>An argument naming a file or folder of the repository, made absolute: the test does not run in the repository's folder.</summary>
    private static string FromRepositoryFolder(string word)
    {
        if (word.StartsWith('-') || !word.Contains('/', StringComparison.Ordinal)) return word;
        var candidate = Path.Combine(Root, word);
        return File.Exists(candidate) || Directory.Exists(candidate) ? candidate : word;
    }

    private static IEnumerable<string> ShellLines(string markdown)
    {
        var inShell = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal)) { inShell = !inShell && line.Trim() == "```sh"; continue; }
            if (!inShell) continue;
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            yield return (hash < 0 ? line : line[..hash]).Trim();
        }
    }

    /// <summary>Shell words: split on spaces, with single or double quotes holding a word together.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var any = false;
        foreach (var ch in line)
        {
            if (quote is { } q) { if (ch == q) quote = null; else current.Append(ch); continue; }
            if (ch is '"' or '\'') { quote = ch; any = true; continue; }
            if (char.IsWhiteSpace(ch)) { if (any || current.Length > 0) words.Add(current.ToString()); current.Clear(); any = false; continue; }
            current.Append(ch);
        }
        if (any || current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetPath.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NetPath.slnx not found above the test output folder.");
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
