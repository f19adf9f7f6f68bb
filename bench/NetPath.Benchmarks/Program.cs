using System.Text.Json;
using BenchmarkDotNet.Running;
using NetPath.Benchmarks;
using NetPath.Clinical.Cases.Wire;

// bench/NetPath.Benchmarks:
//   (no arguments or BenchmarkDotNet arguments)   run the BenchmarkDotNet suites
//   generate COUNT FILE                            write COUNT synthetic cases as JSON Lines
//   bare-stj IN OUT                                the baseline: read, parse and write back each line with System.Text.Json
switch (args.FirstOrDefault())
{
    case "generate":
        using (var file = args[2] == "-" ? Console.OpenStandardOutput() : File.Create(args[2]))
        {
            SyntheticCases.WriteNdjson(file, SyntheticCases.Generate(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
        }
        return 0;
    case "bare-stj":
        return BareStj.Run(args[1], args[2]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
        return 0;
}

/// <summary>
/// What System.Text.Json alone costs for the same batch: each line parsed into the case's wire
/// type and written back. `netpath assess --ndjson` must stay within 3 times this.
/// </summary>
internal static class BareStj
{
    public static int Run(string input, string output)
    {
        using var inStream = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var outStream = new BufferedStream(new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), 1 << 16);
        using var writer = new Utf8JsonWriter(outStream);
        using var reader = new StreamReader(inStream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var dto = JsonSerializer.Deserialize(line, CaseJsonContext.Default.CaseDto);
            JsonSerializer.Serialize(writer, dto, CaseJsonContext.Default.CaseDto);
            writer.Flush();
            writer.Reset();
            outStream.WriteByte((byte)'\n');
        }
        return 0;
    }
}
