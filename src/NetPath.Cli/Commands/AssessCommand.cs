using System.Text.Json;
using NetPath.Cli.Input;
using NetPath.Cli.Output;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;

namespace NetPath.Cli.Commands;

internal enum OutputFormat { Json, Text, Patient }

internal sealed record AssessOptions(IReadOnlyList<string> Inputs, OutputFormat Format, bool Ndjson, bool Explain);

/// <summary>
/// `netpath assess`: reads cases, validates each, assesses the valid ones and writes the
/// assessments in input order. One bad case in a batch is reported on stderr and does not stop
/// the others; the exit code then says 2.
/// </summary>
internal sealed class AssessCommand(NetPathEngine engine, TimeProvider clock)
{
    public int Run(AssessOptions options, CliIo io)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var single = options.Inputs.Count == 1 && !options.Ndjson && !Directory.Exists(options.Inputs[0]);
        var anyInvalid = false;
        using var stdout = new BufferedStream(io.Stdout, 1 << 16);
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = single, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        using var text = options.Format == OutputFormat.Json ? null : new StreamWriter(stdout, leaveOpen: true);
        var renderer = options.Format switch
        {
            OutputFormat.Text => (IAssessmentRenderer)new TextRenderer(text!, io.Colour, options.Explain),
            OutputFormat.Patient => new PatientRenderer(text!, engine.Knowledge.Pathways.PatientLanguage),
            _ => null,
        };

        try
        {
            foreach (var input in CaseInputs.Enumerate(options.Inputs, options.Ndjson, io.Stdin))
            {
                var read = engine.Read(input.Json.Span);
                if (!read.IsValid)
                {
                    anyInvalid = true;
                    ErrorLines.Write(io.Stderr, input.Origin, read);
                    continue;
                }
                var assessment = engine.Assess(read.Case!, today);
                if (renderer is null && options.Explain)
                {
                    WithExplanation(assessment).WriteTo(json);
                    json.Flush();
                    json.Reset();
                    stdout.WriteByte((byte)'\n');
                }
                else if (renderer is null)
                {
                    JsonSerializer.Serialize(json, assessment, AssessmentJsonContext.Default.Assessment);
                    json.Flush();
                    json.Reset();
                    stdout.WriteByte((byte)'\n');
                }
                else
                {
                    renderer.Render(read.Case!, assessment);
                    text!.Flush();
                }
            }
        }
        catch (InputNotFoundException ex)
        {
            stdout.Flush();
            io.Stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(ex.Path, null, "input-not-found", "", ex.Message, "an existing file, a folder, or - for standard input"), CliJsonContext.Readable.ErrorLine));
            return ExitCodes.InvalidInput;
        }
        stdout.Flush();
        return anyInvalid ? ExitCodes.InvalidInput : ExitCodes.Assessed;
    }

    /// <summary>The assessment with an added "explanation" member: the rules that fired, nearly fired or wait on facts.</summary>
    private static System.Text.Json.Nodes.JsonObject WithExplanation(Assessment assessment)
    {
        var node = JsonSerializer.SerializeToNode(assessment, AssessmentJsonContext.Default.Assessment)!.AsObject();
        var explanation = new System.Text.Json.Nodes.JsonArray();
        foreach (var e in assessment.Explanation)
        {
            explanation.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["ruleId"] = e.RuleId,
                ["code"] = e.Code,
                ["outcome"] = e.Outcome switch { NetPath.Clinical.Pathways.RuleOutcome.Fired => "fired", NetPath.Clinical.Pathways.RuleOutcome.NearlyFired => "nearly-fired", _ => "unsettled" },
                ["detail"] = e.Detail,
            });
        }
        node["explanation"] = explanation;
        return node;
    }
}
