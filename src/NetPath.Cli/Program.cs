using System.CommandLine;
using NetPath.Cli.Commands;
using NetPath.Clinical.Engine;

namespace NetPath.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Build(CliIo.FromConsole(), TimeProvider.System).Parse(args).Invoke();
        }
#pragma warning disable CA1031 // The process boundary: any fault becomes exit code 1 with a message, never a stack dump to a clinician.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"netpath: internal fault: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalFault;
        }
    }

    internal static RootCommand Build(CliIo io, TimeProvider clock)
    {
        var root = new RootCommand("NetPath: classification, grading, staging and treatment planning for neuroendocrine neoplasms.");
        root.Add(AssessCommandLine(io, clock));
        root.Add(WhatIfCommandLine(io, clock));
        root.Add(KnowledgeCommandLine(io));
        root.Add(RecistCommand.CommandLine(io));
        root.Add(TrendsCommand.CommandLine(io));
        root.Add(TrialsCommandLine.Build(io, clock));
        root.Add(ServerCommands.Serve());
        root.Add(ServerCommands.Admin(io));
        root.Add(FhirCommands.Import(io, clock));
        root.Add(FhirCommands.Export(io, clock));
        return root;
    }

    private static Option<OutputFormat> FormatOption(OutputFormat byDefault, params OutputFormat[] allowed)
    {
        var option = new Option<OutputFormat>("--format")
        {
            Description = "Output: " + string.Join(", ", allowed.Select(f => f.ToString().ToLowerInvariant())),
            DefaultValueFactory = _ => byDefault,
            CustomParser = r =>
            {
                var token = r.Tokens.Count == 0 ? byDefault.ToString() : r.Tokens[0].Value;
                var match = allowed.Where(f => f.ToString().Equals(token, StringComparison.OrdinalIgnoreCase)).ToList();
                if (match.Count == 1) return match[0];
                r.AddError($"--format must be one of {string.Join(", ", allowed.Select(f => f.ToString().ToLowerInvariant()))}.");
                return byDefault;
            },
        };
        return option;
    }

    private static Command AssessCommandLine(CliIo io, TimeProvider clock)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Case files, a folder of *.json cases, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption(OutputFormat.Json, OutputFormat.Json, OutputFormat.Text, OutputFormat.Patient);
        var ndjson = new Option<bool>("--ndjson") { Description = "Inputs are JSON Lines, one case per line (a folder: its *.ndjson files)." };
        var explain = new Option<bool>("--explain") { Description = "Show the rules that fired and those that nearly did, with the fact that would flip them." };
        var knowledge = KnowledgeCommands.VersionOption();
        var fhir = new Option<bool>("--fhir") { Description = "Inputs are FHIR R4 bundles (mCODE): read as cases and assessed, nothing stored." };
        var command = new Command("assess", "Classify, grade, stage and plan each case; JSON follows docs/contracts/assessment.md.") { inputs, format, ndjson, explain, knowledge, fhir };
        command.SetAction(parse => parse.GetValue(fhir)
            ? FhirCommands.Assess(parse.GetValue(inputs)!, parse.GetValue(format), parse.GetValue(explain), io, clock)
            : new AssessCommand(() => NetPathEngine.ForVersion(parse.GetValue(knowledge)), clock).Run(
                new AssessOptions(parse.GetValue(inputs)!, parse.GetValue(format), parse.GetValue(ndjson), parse.GetValue(explain)), io));
        return command;
    }

    private static Command WhatIfCommandLine(CliIo io, TimeProvider clock)
    {
        var input = new Argument<string>("case") { Description = "A case file, or - for standard input." };
        var sets = new Option<string[]>("--set") { Description = "A changed fact, PATH=VALUE (tumour.ki67Percent=15); repeatable.", Required = true, AllowMultipleArgumentsPerToken = false };
        var format = FormatOption(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var knowledge = KnowledgeCommands.VersionOption();
        var command = new Command("whatif", "Show how the assessment changes when facts change; the case file is not modified.") { input, sets, format, knowledge };
        command.SetAction(parse =>
            new WhatIfCommand(NetPathEngine.ForVersion(parse.GetValue(knowledge)), clock).Run(
                new WhatIfOptions(parse.GetValue(input)!, parse.GetValue(sets)!, parse.GetValue(format)), io));
        return command;
    }

    private static Command KnowledgeCommandLine(CliIo io)
    {
        var validate = new Command("validate", "Check every knowledge version embedded in this build.");
        validate.SetAction(_ => KnowledgeValidateCommand.Run(io));
        return new Command("knowledge", "Guideline knowledge: versions and checks.") { validate, KnowledgeCommands.Diff(io) };
    }
}
