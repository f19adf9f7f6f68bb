using System.Buffers;
using System.Text.Json;
using NetPath.Cli.Input;
using NetPath.Cli.Output;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Validation;

namespace NetPath.Cli.Commands;

internal enum OutputFormat { Json, Text, Patient }

internal sealed record AssessOptions(IReadOnlyList<string> Inputs, OutputFormat Format, bool Ndjson, bool Explain);

/// <summary>
/// `netpath assess`: reads cases, validates each, assesses the valid ones and writes the
/// assessments in input order. One bad case in a batch is reported on stderr and does not stop
/// the others; the exit code then says 2.
/// </summary>
internal sealed class AssessCommand(Func<NetPathEngine> loadEngine, TimeProvider clock)
{
    // The knowledge is loaded when the first case passes the reader's checks: a run whose cases
    // are all malformed reports them without loading it.
    private readonly Lazy<NetPathEngine> engine = new(loadEngine);

    /// <summary>Cases assessed together: large enough to keep both cores busy, small enough to keep memory flat.</summary>
    private const int BatchSize = 256;

    public int Run(AssessOptions options, CliIo io)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var single = options.Inputs.Count == 1 && !options.Ndjson && !Directory.Exists(options.Inputs[0]);
        using var stdout = new BufferedStream(io.Stdout, 1 << 16);
        try
        {
            return options.Format == OutputFormat.Json
                ? RunJson(options, io, stdout, today, indented: single)
                : RunForPeople(options, io, stdout, today);
        }
        catch (InputNotFoundException ex)
        {
            stdout.Flush();
            io.Stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(ex.Path, null, "input-not-found", "", ex.Message, "an existing file, a folder, or - for standard input"), CliJsonContext.Readable.ErrorLine));
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary>
    /// JSON out: cases are read in batches, each batch validated, assessed and serialised on every
    /// core, then written in input order. Memory stays bounded by one batch.
    /// </summary>
    private int RunJson(AssessOptions options, CliIo io, Stream stdout, DateOnly today, bool indented)
    {
        var anyInvalid = false;
        var batch = new List<CaseInput>(BatchSize);
        // Cases are copied out of the reader's reused line buffer into their slot's own buffer.
        var inputs = new ArrayBufferWriter<byte>[BatchSize];
        for (var i = 0; i < inputs.Length; i++) inputs[i] = new ArrayBufferWriter<byte>(2 * 1024);
        // One output buffer per batch slot, reused batch after batch: a case's JSON never becomes
        // a heap array of its own (about 6 KB a case, as much as the assessment itself allocates).
        var outputs = new ArrayBufferWriter<byte>[BatchSize];
        for (var i = 0; i < outputs.Length; i++) outputs[i] = new ArrayBufferWriter<byte>(8 * 1024);
        var invalid = new CaseReadResult?[BatchSize];
        var writerOptions = new JsonWriterOptions { Indented = indented, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        void Flush()
        {
            Parallel.For(0, batch.Count, () => new Utf8JsonWriter(Stream.Null, writerOptions), (i, _, writer) =>
            {
                var read = Read(batch[i].Json.Span);
                outputs[i].ResetWrittenCount();
                if (read.IsValid) Write(writer, outputs[i], engine.Value.Assess(read.Case!, today, options.Explain), options.Explain);
                else invalid[i] = read;
                return writer;
            }, writer => writer.Dispose());
            for (var i = 0; i < batch.Count; i++)
            {
                if (invalid[i] is { } errors)
                {
                    anyInvalid = true;
                    ErrorLines.Write(io.Stderr, batch[i].Origin, errors);
                    invalid[i] = null;
                }
                else
                {
                    stdout.Write(outputs[i].WrittenSpan);
                    stdout.WriteByte((byte)'\n');
                }
            }
            batch.Clear();
        }

        foreach (var input in CaseInputs.Enumerate(options.Inputs, options.Ndjson, io.Stdin))
        {
            var slot = inputs[batch.Count];
            slot.ResetWrittenCount();
            slot.Write(input.Json.Span);
            batch.Add(input with { Json = slot.WrittenMemory });
            if (batch.Count == BatchSize) Flush();
        }
        Flush();
        stdout.Flush();
        return anyInvalid ? ExitCodes.InvalidInput : ExitCodes.Assessed;
    }

    /// <summary>
    /// Serialises into a buffer, never a stream, because Utf8JsonWriter.Flush on a stream also
    /// flushes the stream (a system call per case).
    /// </summary>
    private static void Write(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Assessment assessment, bool explain)
    {
        writer.Reset(buffer);
        if (explain) WithExplanation(assessment).WriteTo(writer);
        else JsonSerializer.Serialize(writer, assessment, AssessmentJsonContext.Default.Assessment);
        writer.Flush();
    }

    /// <summary>The reader's checks first; only a case that passes them meets the knowledge (the staging rules' own checks).</summary>
    private CaseReadResult Read(ReadOnlySpan<byte> json)
    {
        var read = CaseReader.Read(json);
        return read.IsValid ? engine.Value.Check(read) : read;
    }

    private int RunForPeople(AssessOptions options, CliIo io, Stream stdout, DateOnly today)
    {
        var anyInvalid = false;
        using var text = new StreamWriter(stdout, leaveOpen: true);
        IAssessmentRenderer? renderer = null;
        foreach (var input in CaseInputs.Enumerate(options.Inputs, options.Ndjson, io.Stdin))
        {
            var read = Read(input.Json.Span);
            if (!read.IsValid)
            {
                anyInvalid = true;
                ErrorLines.Write(io.Stderr, input.Origin, read);
                continue;
            }
            renderer ??= options.Format == OutputFormat.Patient
                ? new PatientRenderer(text, engine.Value.Knowledge.Pathways.PatientLanguage)
                : new TextRenderer(text, io.Colour, options.Explain);
            renderer.Render(read.Case!, engine.Value.Assess(read.Case!, today));
            text.Flush();
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
