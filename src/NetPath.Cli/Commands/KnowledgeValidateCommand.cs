using NetPath.Clinical.Knowledge;

namespace NetPath.Cli.Commands;

/// <summary>`netpath knowledge validate`: checks every knowledge version embedded in this build.</summary>
internal static class KnowledgeValidateCommand
{
    public static int Run(CliIo io)
    {
        using var writer = new StreamWriter(io.Stdout, leaveOpen: true);
        var ok = true;
        foreach (var report in KnowledgeChecks.ValidateEmbedded())
        {
            var state = report.Released ? "released" : "draft";
            writer.WriteLine($"knowledge {report.Version} ({state}, sha256 {report.ContentHash}): {(report.Problems.Count == 0 ? "ok" : $"{report.Problems.Count} problem(s)")}");
            foreach (var p in report.Problems) writer.WriteLine("  - " + p);
            ok &= report.Problems.Count == 0;
        }
        return ok ? ExitCodes.Assessed : ExitCodes.InternalFault;
    }
}
