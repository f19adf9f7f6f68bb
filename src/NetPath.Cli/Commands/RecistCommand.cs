using System.CommandLine;
using System.Text;
using System.Text.Json;
using NetPath.Clinical.Response;
using NetPath.Clinical.Validation;

namespace NetPath.Cli.Commands;

/// <summary>
/// `netpath recist studies.json [--format text|json]`: RECIST 1.1 over a patient's imaging
/// studies (docs/contracts/imaging-studies.md): each follow-up's response with its reasons, the
/// best overall response, and the date of progression where there is one.
/// </summary>
internal static class RecistCommand
{
    public static Command CommandLine(CliIo io)
    {
        var input = new Argument<string>("studies") { Description = "An imaging-studies file (docs/contracts/imaging-studies.md), or - for standard input." };
        var format = TextOrJson();
        var command = new Command("recist", "RECIST 1.1 response of each imaging study, and the best overall response.") { input, format };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(format), io));
        return command;
    }

    /// <summary>`--format text|json`, text by default.</summary>
    internal static Option<OutputFormat> TextOrJson() => new("--format")
    {
        Description = "Output: text, json",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = r =>
        {
            var token = r.Tokens.Count == 0 ? "text" : r.Tokens[0].Value;
            if (token.Equals("text", StringComparison.OrdinalIgnoreCase)) return OutputFormat.Text;
            if (token.Equals("json", StringComparison.OrdinalIgnoreCase)) return OutputFormat.Json;
            r.AddError("--format must be one of text, json.");
            return OutputFormat.Text;
        },
    };

    public static int Run(string input, OutputFormat format, CliIo io)
    {
        if (ReadInput(input, io) is not { } bytes) return ExitCodes.InvalidInput;
        var read = StudiesReader.Read(bytes);
        if (!read.IsValid)
        {
            WriteErrors(io.Stderr, input, read.Errors);
            return ExitCodes.InvalidInput;
        }
        var result = RecistEvaluator.Evaluate(read.Value!);
        using var writer = new StreamWriter(io.Stdout, new UTF8Encoding(false), leaveOpen: true);
        if (format == OutputFormat.Json) writer.WriteLine(JsonSerializer.Serialize(result, Readable.RecistResult));
        else WriteText(writer, result);
        return ExitCodes.Assessed;
    }

    private static readonly RecistJsonContext Readable = new(new JsonSerializerOptions(RecistJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    internal static byte[]? ReadInput(string input, CliIo io)
    {
        try
        {
            if (input != "-") return File.ReadAllBytes(input);
            using var buffer = new MemoryStream();
            io.Stdin().CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            io.Stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(input, null, "input-not-found", "", ex.Message, "an existing file, or - for standard input"), CliJsonContext.Readable.ErrorLine));
            return null;
        }
    }

    internal static void WriteErrors(TextWriter stderr, string input, IReadOnlyList<ValidationError> errors)
    {
        foreach (var e in errors)
            stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(input, null, e.Code, e.Path, e.Message, e.Allowed), CliJsonContext.Readable.ErrorLine));
    }

    private static void WriteText(TextWriter w, RecistResult r)
    {
        w.WriteLine($"RECIST 1.1{(r.PatientId is { } id ? $" for {id}" : "")}");
        w.WriteLine();
        foreach (var line in r.Baseline.Basis) w.WriteLine(line);
        foreach (var p in r.TimePoints)
        {
            w.WriteLine();
            var sum = p.SumMm is { } s ? $", sum {s.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} mm" : "";
            var confirmed = p.Confirmed switch { true => " (confirmed)", false => " (not confirmed)", null => "" };
            w.WriteLine($"{p.Date:yyyy-MM-dd} {OrganWords.Of(p.Modality)}: {RecistRules.Code(p.Overall)}{confirmed}{sum}");
            w.WriteLine($"  {p.Summary}");
            foreach (var b in p.Basis) w.WriteLine($"  - {b}");
        }
        w.WriteLine();
        w.WriteLine($"Best overall response: {RecistRules.Code(r.Best.Response)}{(r.Best.Date is { } d ? $" ({d:yyyy-MM-dd})" : "")}");
        foreach (var b in r.Best.Basis) w.WriteLine($"  - {b}");
        if (r.ProgressionDate is { } pd)
            w.WriteLine($"Progression on {pd:yyyy-MM-dd}: the running course ends with progression on that date; re-plan and list for the tumour board.");
    }
}
