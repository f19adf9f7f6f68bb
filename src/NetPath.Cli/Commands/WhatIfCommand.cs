using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;

namespace NetPath.Cli.Commands;

internal sealed record WhatIfOptions(string Input, IReadOnlyList<string> Sets, OutputFormat Format);

/// <summary>
/// `netpath whatif CASE --set tumour.ki67Percent=15`: assesses the case as it is and with the
/// changed facts, and prints what changes. The case file is never modified.
/// </summary>
internal sealed class WhatIfCommand(NetPathEngine engine, TimeProvider clock)
{
    public int Run(WhatIfOptions options, CliIo io)
    {
        byte[] original;
        try
        {
            original = options.Input == "-" ? ReadAll(io.Stdin()) : File.ReadAllBytes(options.Input);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            io.Stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(options.Input, null, "input-not-found", "", ex.Message, "an existing case file"), CliJsonContext.Readable.ErrorLine));
            return ExitCodes.InvalidInput;
        }

        var before = engine.Read(original);
        if (!before.IsValid)
        {
            ErrorLines.Write(io.Stderr, options.Input, before);
            return ExitCodes.InvalidInput;
        }

        var changed = ApplySets(original, options.Sets, io.Stderr, options.Input);
        if (changed is null) return ExitCodes.InvalidInput;
        var after = engine.Read(changed);
        if (!after.IsValid)
        {
            ErrorLines.Write(io.Stderr, options.Input + " (changed)", after);
            return ExitCodes.InvalidInput;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var diff = AssessmentDiff.Between(engine.Assess(before.Case!, today), engine.Assess(after.Case!, today));
        using var writer = new StreamWriter(io.Stdout, new UTF8Encoding(false), leaveOpen: true);
        if (options.Format == OutputFormat.Json)
        {
            writer.WriteLine(diff.ToJson(options.Sets).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        else
        {
            writer.WriteLine($"What if {string.Join(", ", options.Sets)}:");
            if (diff.Lines.Count == 0) writer.WriteLine("  nothing in the assessment changes.");
            foreach (var change in diff.Lines) writer.WriteLine("  " + change.Text);
        }
        return ExitCodes.Assessed;
    }

    /// <summary>Applies each "dotted.path=value" to a copy of the case; the value is JSON where it parses (15, true, null, ["bone"]), else text.</summary>
    internal static byte[]? ApplySets(byte[] original, IReadOnlyList<string> sets, TextWriter stderr, string input)
    {
        var root = JsonNode.Parse(original) as JsonObject;
        if (root is null) return null;
        foreach (var set in sets)
        {
            var eq = set.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(input, null, "invalid-set", set, $"'{set}' is not PATH=VALUE.", "tumour.ki67Percent=15"), CliJsonContext.Readable.ErrorLine));
                return null;
            }
            var path = set[..eq].Split('.');
            var text = set[(eq + 1)..];
            JsonNode? value;
            try
            {
                value = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                value = JsonValue.Create(text);
            }
            var node = root;
            for (var i = 0; i < path.Length - 1; i++)
            {
                if (node[path[i]] is not JsonObject child)
                {
                    child = [];
                    node[path[i]] = child;
                }
                node = child;
            }
            node[path[^1]] = value;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
