using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetPath.Clinical.Monitoring;

namespace NetPath.Cli.Commands;

/// <summary>
/// `netpath trends measurements.json [--format text|json]`: each marker's change from its first and
/// previous value, the doubling time of a rise, and the caveats that bias it
/// (docs/contracts/measurements.md).
/// </summary>
internal static class TrendsCommand
{
    public static Command CommandLine(CliIo io)
    {
        var input = new Argument<string>("measurements") { Description = "A measurements file (docs/contracts/measurements.md), or - for standard input." };
        var format = RecistCommand.TextOrJson();
        var command = new Command("trends", "Trends of dated measurements: changes, doubling time, caveats.") { input, format };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(format), io));
        return command;
    }

    private static readonly TrendJsonContext Readable = new(new JsonSerializerOptions(TrendJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static int Run(string input, OutputFormat format, CliIo io)
    {
        if (RecistCommand.ReadInput(input, io) is not { } bytes) return ExitCodes.InvalidInput;
        var read = MeasurementsReader.Read(bytes);
        if (!read.IsValid)
        {
            RecistCommand.WriteErrors(io.Stderr, input, read.Errors);
            return ExitCodes.InvalidInput;
        }
        var report = TrendAnalyzer.Analyze(read.Value!);
        using var w = new StreamWriter(io.Stdout, new UTF8Encoding(false), leaveOpen: true);
        if (format == OutputFormat.Json)
        {
            w.WriteLine(JsonSerializer.Serialize(report, Readable.TrendReport));
            return ExitCodes.Assessed;
        }
        w.WriteLine($"Trends{(report.PatientId is { } id ? $" for {id}" : "")}");
        foreach (var t in report.Trends)
        {
            w.WriteLine();
            w.WriteLine($"{t.Name} ({t.Unit})");
            foreach (var p in t.Points)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Date:yyyy-MM-dd}  {p.Value,10:0.###}{(p.UpperLimitOfNormal is { } uln ? $"  (upper limit {uln:0.###})" : "")}{(p.Laboratory is null && p.Assay is null ? "" : $"  {string.Join(", ", new[] { p.Laboratory, p.Assay }.Where(x => x is not null))}")}"));
            if (t.FromBaseline is { } b) w.WriteLine(Change("From the first value", b));
            if (t.FromPrevious is { } c) w.WriteLine(Change("From the previous value", c));
            if (t.LatestTimesUpperLimit is { } x) w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Latest value: {x:0.##} times the upper limit of normal."));
            w.WriteLine("  " + t.DoublingTimeNote);
            foreach (var caveat in t.Caveats) w.WriteLine("  Caveat: " + caveat);
        }
        return ExitCodes.Assessed;
    }

    private static string Change(string what, Change c) => string.Create(CultureInfo.InvariantCulture,
        $"  {what} ({c.From:yyyy-MM-dd}): {(c.Absolute >= 0 ? "+" : "")}{c.Absolute:0.###}{(c.Percent is { } p ? $" ({(p >= 0 ? "+" : "")}{p:0.#} %)" : "")}.");
}
