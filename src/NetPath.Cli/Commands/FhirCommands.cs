using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using NetPath.Cli.Output;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Engine;
using NetPath.Interop;
using NetPath.Storage;

namespace NetPath.Cli.Commands;

/// <summary>One line of a FHIR read's report on stderr: an error (nothing assessed or stored) or an element not mapped.</summary>
internal sealed record FhirIssueLine(string Input, string Severity, string? Resource, string? Expression, string Message);

/// <summary>What `netpath import` stored.</summary>
internal sealed record ImportedLine(Guid PatientId, int CaseVersion, string? CaseId, int NotMapped);

/// <summary>
/// The FHIR commands (issue 13, decision 0700): `netpath assess --fhir`, `netpath import`,
/// `netpath export`. A bundle is read into a case with every element NetPath did not map reported
/// on stderr; a bundle that is not valid FHIR, or whose facts contradict each other, is reported
/// there with the paths in the bundle, and nothing is assessed or stored from it.
/// </summary>
internal static class FhirCommands
{
    /// <summary>`netpath assess --fhir`: assess each bundle, store nothing.</summary>
    public static int Assess(IReadOnlyList<string> inputs, OutputFormat format, bool explain, CliIo io, TimeProvider clock)
    {
        var engine = NetPathEngine.Current;
        var importer = new FhirCaseImporter(engine);
        var today = Today(clock);
        var exit = ExitCodes.Assessed;
        using var stdout = new BufferedStream(io.Stdout, 1 << 16);
        using var text = new StreamWriter(stdout, leaveOpen: true);
        IAssessmentRenderer? renderer = format switch
        {
            OutputFormat.Text => new TextRenderer(text, io.Colour, explain),
            OutputFormat.Patient => new PatientRenderer(text, engine.Knowledge.Pathways.PatientLanguage),
            _ => null,
        };
        foreach (var input in inputs)
        {
            if (Read(input, io) is not { } json)
            {
                exit = ExitCodes.InvalidInput;
                continue;
            }
            var result = importer.Import(json, today);
            Report(input, result, io.Stderr);
            if (!result.IsValid)
            {
                exit = ExitCodes.InvalidInput;
                continue;
            }
            var assessment = engine.Assess(result.Case!, today, explain);
            if (renderer is not null) renderer.Render(result.Case!, assessment);
            else text.WriteLine(JsonSerializer.Serialize(assessment, inputs.Count == 1 ? AssessmentJsonContext.Indented.Assessment : AssessmentJsonContext.Default.Assessment));
            text.Flush();
        }
        stdout.Flush();
        return exit;
    }

    public static Command Import(CliIo io, TimeProvider clock)
    {
        var input = new Argument<string>("bundle") { Description = "A FHIR R4 Bundle (collection, transaction or searchset) of one patient, or - for standard input." };
        var database = new Option<string?>("--database") { Description = "A SQLite file path, or a PostgreSQL connection string. Default: the file `serve` uses." };
        var date = new Option<string?>("--date") { Description = "The date the case describes (yyyy-mm-dd; the patient's age is taken on it). Default: today." };
        var user = new Option<string?>("--user") { Description = "Who imports, for the audit trail. Default: the operating-system user." };
        var command = new Command("import", "Read a FHIR bundle as a case and store the patient and the case (not an assessment).") { input, database, date, user };
        command.SetAction(async (parse, ct) =>
        {
            if (Read(parse.GetValue(input)!, io) is not { } json) return ExitCodes.InvalidInput;
            if (!TryDate(parse.GetValue(date), clock, io, out var asOf)) return ExitCodes.InvalidInput;
            var result = new FhirCaseImporter(NetPathEngine.Current).Import(json, asOf);
            Report(parse.GetValue(input)!, result, io.Stderr);
            if (!result.IsValid) return ExitCodes.InvalidInput;
            var stored = await StoreAsync(result, parse.GetValue(database), parse.GetValue(user) ?? Environment.UserName, clock, ct).ConfigureAwait(false);
            if (stored is null)
            {
                await io.Stderr.WriteLineAsync("netpath: the patient was stored but the case was not (the record changed meanwhile); import again.").ConfigureAwait(false);
                return ExitCodes.InternalFault;
            }
            using var writer = new StreamWriter(io.Stdout, leaveOpen: true);
            await writer.WriteLineAsync(JsonSerializer.Serialize(stored, CliJsonContext.Readable.ImportedLine)).ConfigureAwait(false);
            return ExitCodes.Assessed;
        });
        return command;
    }

    public static Command Export(CliIo io, TimeProvider clock)
    {
        var input = new Argument<string>("case") { Description = "A case file (contracts/case.md), or - for standard input." };
        var command = new Command("export", "Assess a case and write the case and its assessment as a FHIR R4 bundle (mCODE).") { input };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(input)!;
            if (Read(name, io) is not { } json) return ExitCodes.InvalidInput;
            var engine = NetPathEngine.Current;
            var read = engine.Read(json);
            if (!read.IsValid)
            {
                ErrorLines.Write(io.Stderr, name, read);
                return ExitCodes.InvalidInput;
            }
            var wire = JsonSerializer.Deserialize(json, CaseJsonContext.Default.CaseDto)!;
            var assessment = engine.Assess(read.Case!, Today(clock));
            var bundle = FhirExporter.Export(wire, assessment, engine.Knowledge, clock.GetUtcNow());
            using var writer = new StreamWriter(io.Stdout, leaveOpen: true);
            writer.WriteLine(FhirJson.Serialize(bundle));
            return ExitCodes.Assessed;
        });
        return command;
    }

    private static async Task<ImportedLine?> StoreAsync(FhirImportResult result, string? database, string userName, TimeProvider clock, CancellationToken ct)
    {
        var location = DatabaseLocation.Parse(database);
        var db = StorageServices.Open(location);
        await using (db.ConfigureAwait(false))
        {
            await Migrator.MigrateAsync(db, location.Provider, clock, ct).ConfigureAwait(false);
            var records = new PatientRecords(db, new AuditTrail(db, clock), clock);
            var actor = new Actor("cli:" + userName, Roles.Clinician, null);
            var person = result.Person;
            var name = person?.DisplayName ?? "Unnamed patient (FHIR import" + (person?.RecordNumber is { } mrn ? $", record {mrn})" : ")");
            var patient = await records.CreatePatientAsync(actor, new PatientInput(name, person?.BirthDate, person?.RecordNumber), null, ct).ConfigureAwait(false);
            var caseJson = JsonSerializer.Serialize(result.Wire!, CaseJsonContext.Default.CaseDto);
            var version = await records.AddCaseVersionAsync(actor, patient.Value!.Id, patient.Value.Version, caseJson, null, ct).ConfigureAwait(false);
            return version.Value is null ? null : new ImportedLine(patient.Value.Id, version.Value.VersionNumber, result.Wire!.Id, result.Unmapped.Count);
        }
    }

    private static void Report(string input, FhirImportResult result, TextWriter stderr)
    {
        foreach (var issue in result.ToOperationOutcome().Issue)
        {
            var severity = issue.Severity switch
            {
                OperationOutcome.IssueSeverity.Information => "not-mapped",
                OperationOutcome.IssueSeverity.Warning => "warning",
                _ => "error",
            };
            stderr.WriteLine(JsonSerializer.Serialize(new FhirIssueLine(input, severity, issue.Location.FirstOrDefault(),
                string.Join(" | ", issue.Expression), issue.Diagnostics ?? issue.Details?.Text ?? ""), CliJsonContext.Readable.FhirIssueLine));
        }
    }

    private static string? Read(string input, CliIo io)
    {
        try
        {
            if (input == "-")
            {
                using var reader = new StreamReader(io.Stdin());
                return reader.ReadToEnd();
            }
            return File.ReadAllText(input);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            io.Stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(input, null, "input-not-found", "", ex.Message, "an existing file, or - for standard input"), CliJsonContext.Readable.ErrorLine));
            return null;
        }
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static bool TryDate(string? text, TimeProvider clock, CliIo io, out DateOnly date)
    {
        if (text is null)
        {
            date = Today(clock);
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        io.Stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine("--date", null, "invalid-date", "", $"'{text}' is not a date.", "yyyy-mm-dd"), CliJsonContext.Readable.ErrorLine));
        return false;
    }
}
