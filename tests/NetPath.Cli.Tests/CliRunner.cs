using System.Text;
using NetPath.Cli.Commands;

namespace NetPath.Cli.Tests;

/// <summary>Runs the netpath command line in-process with captured streams and a fixed clock.</summary>
internal static class CliRunner
{
    public static CliResult RunWithInput(string stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var io = new CliIo(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr, Colour: false);
        var exit = Program.Build(io, new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))).Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stderr, Error = stderr });
        return new CliResult(exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public static CliResult Run(params string[] args) => RunWithInput("", args);
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A TimeProvider that always answers the same instant (the wall clock is banned in tests too).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
