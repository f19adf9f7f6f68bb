namespace NetPath.Cli.Commands;

/// <summary>
/// The process's standard streams, passed in so that commands run the same in tests as in a
/// terminal. <see cref="Colour"/> is true only when stdout is a terminal that wants colour.
/// </summary>
internal sealed record CliIo(Func<Stream> Stdin, Stream Stdout, TextWriter Stderr, bool Colour)
{
    public static CliIo FromConsole() => new(
        Console.OpenStandardInput,
        Console.OpenStandardOutput(),
        Console.Error,
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
}

/// <summary>The exit codes of every netpath command (the contract).</summary>
internal static class ExitCodes
{
    public const int Assessed = 0;
    public const int InternalFault = 1;
    public const int InvalidInput = 2;
}
