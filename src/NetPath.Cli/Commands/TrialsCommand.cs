using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Trials;

namespace NetPath.Cli.Commands;

/// <summary>
/// `netpath trials import` and `netpath trials match`: registry records in, a normalised trial set
/// out; a case in, the trials it may enter with criterion-level reasons out (decision 0603).
/// </summary>
internal static class TrialsCommandLine
{
    public static Command Build(CliIo io, TimeProvider clock)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "ClinicalTrials.gov v2 study JSON: files (one study or a search page) or folders of *.json.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Write the normalised trial set here (JSON); without it the records are only checked." };
        var corrections = new Option<string?>("--corrections") { Description = "A coordinator's corrections file to apply (criteria keyed by trial and criterion id)." };
        var import = new Command("import", "Check trial records and write them as a normalised trial set with structured eligibility.") { inputs, output, corrections };
        import.SetAction(parse => TrialsCommand.Import(parse.GetValue(inputs)!, parse.GetValue(output), parse.GetValue(corrections), io));

        var caseFile = new Argument<string>("case") { Description = "A case file, or - for standard input." };
        var trials = new Option<string[]>("--trials") { Description = "Trial sets or v2 records (files or folders); the shipped NET trials when absent.", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "Output: text, json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var clinic = new Option<string?>("--clinic") { Description = "The clinic's position LAT,LON (decimal degrees): trials with a site nearby come first." };
        var nearKm = new Option<double>("--near-km") { Description = "A site within this many kilometres of the clinic is near.", DefaultValueFactory = _ => 250 };
        var all = new Option<bool>("--all-statuses") { Description = "Also list trials not open to recruitment (after the open ones)." };
        var matchCorrections = new Option<string?>("--corrections") { Description = "A coordinator's corrections file to apply before matching." };
        var match = new Command("match", "The trials a case may enter: eligible, possibly eligible (and the missing facts), not eligible (and why).")
            { caseFile, trials, format, clinic, nearKm, all, matchCorrections };
        match.SetAction(parse => TrialsCommand.Match(new TrialsMatchOptions(parse.GetValue(caseFile)!, parse.GetValue(trials) ?? [], parse.GetValue(format) == "json",
            parse.GetValue(clinic), parse.GetValue(nearKm), parse.GetValue(all), parse.GetValue(matchCorrections)), io, clock));

        return new Command("trials", "Clinical trials: import registry records, match a case against them.") { import, match };
    }
}

internal sealed record TrialsMatchOptions(string Case, IReadOnlyList<string> Trials, bool Json, string? Clinic, double NearKm, bool AllStatuses, string? Corrections);

internal static class TrialsCommand
{
    public static int Import(IReadOnlyList<string> inputs, string? output, string? corrections, CliIo io)
    {
        var read = Load(inputs, corrections, io.Stderr);
        if (read is null) return ExitCodes.InvalidInput;
        using var writer = new StreamWriter(io.Stdout, new UTF8Encoding(false), leaveOpen: true);
        foreach (var t in read)
        {
            var structured = t.Criteria.Count(c => c.Kind != CriterionKind.FreeText);
            var byHand = t.Criteria.Count - structured;
            writer.WriteLine($"{t.NctId} {t.Acronym ?? ""}".TrimEnd() + $": {structured} structured criteria, {byHand} to check by hand, {t.Sentences.Count} sentences; {TrialStatuses.Label(t.OverallStatus)}");
        }
        if (output is null)
        {
            writer.WriteLine($"{read.Count} trials checked; nothing written (use --out FILE to write the trial set).");
            return ExitCodes.Assessed;
        }
        var set = new TrialSet { ImportedFrom = [.. inputs.Select(Path.GetFullPath)], Trials = read };
        var temporary = output + ".tmp";
        File.WriteAllBytes(temporary, set.ToJson());
        File.Move(temporary, output, overwrite: true);
        writer.WriteLine($"{read.Count} trials written to {output}.");
        return ExitCodes.Assessed;
    }

    public static int Match(TrialsMatchOptions options, CliIo io, TimeProvider clock)
    {
        GeoPoint? clinic = null;
        if (options.Clinic is not null)
        {
            var parts = options.Clinic.Split(',');
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || !GeoPoint.IsValid(lat, lon))
            {
                WriteError(io.Stderr, "--clinic", "invalid-option", "", $"'{options.Clinic}' is not a position LAT,LON.", "e.g. 52.37,4.90 (latitude -90 to 90, longitude -180 to 180)");
                return ExitCodes.InvalidInput;
            }
            clinic = new GeoPoint(lat, lon);
        }
        if (options.NearKm is not (> 0 and <= 20_000))
        {
            WriteError(io.Stderr, "--near-km", "invalid-option", "", $"{options.NearKm} km is not a distance to search within.", "more than 0, at most 20000");
            return ExitCodes.InvalidInput;
        }

        byte[] caseJson;
        try
        {
            caseJson = options.Case == "-" ? ReadAll(io.Stdin()) : File.ReadAllBytes(options.Case);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            WriteError(io.Stderr, options.Case, "input-not-found", "", ex.Message, "an existing case file");
            return ExitCodes.InvalidInput;
        }
        var engine = NetPathEngine.Current;
        var read = engine.Read(caseJson);
        if (!read.IsValid)
        {
            ErrorLines.Write(io.Stderr, options.Case, read);
            return ExitCodes.InvalidInput;
        }
        var trials = options.Trials.Count == 0 && options.Corrections is null ? ShippedTrials.All
            : Load(options.Trials.Count == 0 ? [] : options.Trials, options.Corrections, io.Stderr);
        if (trials is null) return ExitCodes.InvalidInput;

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var assessment = engine.Assess(read.Case!, today, explain: false);
        var patient = TrialPatient.From(read.Case!, assessment, today);
        var matches = TrialMatcher.Match(patient, trials, new TrialMatchOptions(clinic, options.NearKm, !options.AllStatuses));
        using var writer = new StreamWriter(io.Stdout, new UTF8Encoding(false), leaveOpen: true);
        if (options.Json) writer.WriteLine(TrialsJson.Of(read.Case!.Id, patient, trials.Count, matches).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        else TrialsText.Write(writer, read.Case!.Id, patient, trials.Count, matches, options.AllStatuses);
        return ExitCodes.Assessed;
    }

    /// <summary>Every trial of the inputs (trial sets or registry records), corrections applied; null after writing the errors.</summary>
    private static IReadOnlyList<Trial>? Load(IReadOnlyList<string> inputs, string? corrections, TextWriter stderr)
    {
        var results = new List<TrialImportResult>();
        if (inputs.Count == 0) results.Add(new TrialImportResult(ShippedTrials.All, []));
        foreach (var input in inputs)
        {
            IEnumerable<string> files;
            if (Directory.Exists(input)) files = Directory.EnumerateFiles(input, "*.json").Order(StringComparer.Ordinal);
            else if (File.Exists(input)) files = [input];
            else
            {
                WriteError(stderr, input, "input-not-found", "", $"No such file or folder: {input}", "an existing file or folder");
                return null;
            }
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                results.Add(TrialSet.IsTrialSet(bytes) ? TrialSet.Read(bytes, file) : TrialImporter.Read(bytes, file));
            }
        }
        var all = TrialImporter.Combine(results);
        if (all.IsValid && corrections is not null)
        {
            if (!File.Exists(corrections))
            {
                WriteError(stderr, corrections, "input-not-found", "", $"No such file: {corrections}", "an existing corrections file");
                return null;
            }
            TrialCorrections? fixes;
            try
            {
                fixes = JsonSerializer.Deserialize(File.ReadAllBytes(corrections), TrialJsonContext.Default.TrialCorrections);
            }
            catch (JsonException ex)
            {
                WriteError(stderr, corrections, "invalid-corrections", ex.Path ?? "$", ex.Message, "a corrections file (docs/contracts/trials.md)");
                return null;
            }
            all = TrialCorrectionsApplier.Apply(all.Trials, fixes ?? new TrialCorrections(), corrections);
        }
        if (all.IsValid) return all.Trials;
        foreach (var e in all.Errors) WriteError(stderr, e.Source, "invalid-trial-record", e.Path, e.Message, null);
        return null;
    }

    private static void WriteError(TextWriter stderr, string input, string code, string path, string message, string? allowed) =>
        stderr.WriteLine(JsonSerializer.Serialize(new ErrorLine(input, null, code, path, message, allowed), CliJsonContext.Readable.ErrorLine));

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>The match as text for a clinician: the trials by fit, each with its reasons in the case's words.</summary>
internal static class TrialsText
{
    public static void Write(TextWriter w, string? caseId, TrialPatient patient, int total, IReadOnlyList<TrialMatch> matches, bool allStatuses)
    {
        var c = patient.Case;
        w.WriteLine($"Trials for {caseId ?? "this case"}: primary in the {patient.SiteLabel}, {patient.GradeLabel}" + (c.Tumour.Ki67 is { } k ? $", Ki-67 {TrialPatient.Number(k.Value)} %" : "") + ".");
        w.WriteLine($"{matches.Count} of {total} trials listed ({(allStatuses ? "every status" : "open to recruitment only")}). Statuses are as dated in the trial set: confirm with the registry.");
        foreach (var group in new[] { TrialFit.Eligible, TrialFit.PossiblyEligible, TrialFit.NotEligible })
        {
            var list = matches.Where(m => m.Fit == group).ToList();
            w.WriteLine();
            w.WriteLine(group switch { TrialFit.Eligible => "ELIGIBLE", TrialFit.PossiblyEligible => "POSSIBLY ELIGIBLE", _ => "NOT ELIGIBLE" } + $" ({list.Count})");
            foreach (var m in list) WriteTrial(w, m);
        }
    }

    private static void WriteTrial(TextWriter w, TrialMatch m)
    {
        var t = m.Trial;
        w.WriteLine($"  {t.NctId}{(t.Acronym is null ? "" : " " + t.Acronym)}: {t.PhaseLabel}, {TrialStatuses.Label(t.OverallStatus)}{(t.StatusAsOf is null ? "" : $" (as of {t.StatusAsOf})")}");
        w.WriteLine($"    {t.Title}");
        if (m.NearestSiteKm is { } km) w.WriteLine($"    nearest site: {m.NearestSite!.Facility ?? m.NearestSite.City}, {m.NearestSite.City}, {km:0} km");
        foreach (var r in m.Failing) w.WriteLine($"    {r.Explanation}");
        foreach (var f in m.MissingFacts) w.WriteLine($"    Missing{(f.Decides ? " (decides)" : "")}: {f.Fact}: the trial needs {string.Join("; ", f.Needed)}.");
        if (m.Fit != TrialFit.NotEligible)
        {
            foreach (var r in m.ToCheckByHand) w.WriteLine($"    {r.Explanation}");
        }
    }
}

/// <summary>The match as JSON (docs/contracts/trials.md).</summary>
internal static class TrialsJson
{
    public static JsonObject Of(string? caseId, TrialPatient patient, int total, IReadOnlyList<TrialMatch> matches) => new()
    {
        ["caseId"] = caseId,
        ["asOf"] = patient.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["trialsConsidered"] = total,
        ["matches"] = new JsonArray([.. matches.Select(Match)]),
    };

    private static JsonObject Match(TrialMatch m) => new()
    {
        ["nctId"] = m.Trial.NctId,
        ["acronym"] = m.Trial.Acronym,
        ["title"] = m.Trial.Title,
        ["phase"] = m.Trial.PhaseLabel,
        ["status"] = m.Trial.OverallStatus,
        ["statusAsOf"] = m.Trial.StatusAsOf,
        ["fit"] = Clinical.Cases.WireCode<TrialFit>.Of(m.Fit),
        ["missingFacts"] = new JsonArray([.. m.MissingFacts.Select(f => (JsonNode)new JsonObject
        {
            ["fact"] = f.Fact,
            ["needed"] = new JsonArray([.. f.Needed.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["decides"] = f.Decides,
        })]),
        ["nearestSite"] = m.NearestSite is null ? null : new JsonObject
        {
            ["facility"] = m.NearestSite.Facility,
            ["city"] = m.NearestSite.City,
            ["country"] = m.NearestSite.Country,
            ["km"] = Math.Round(m.NearestSiteKm ?? 0, 1),
        },
        ["criteria"] = new JsonArray([.. m.Results.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Criterion.Id,
            ["outcome"] = Clinical.Cases.WireCode<CriterionOutcome>.Of(r.Outcome),
            ["requirement"] = r.Requirement,
            ["explanation"] = r.Explanation,
            ["section"] = Clinical.Cases.WireCode<CriterionSection>.Of(r.Criterion.Section),
            ["source"] = r.Criterion.Source,
            ["origin"] = Clinical.Cases.WireCode<CriterionOrigin>.Of(r.Criterion.Origin),
        })]),
        ["warnings"] = new JsonArray([.. m.Trial.Provenance.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
    };
}
