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
    case "stages":
        return Stages.Run(args[1]);
    case "startup":
        return StartupProbe.Run(args[1]);
    case "recist-cpu":
        return NetPath.Benchmarks.RecistCpuProbe.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
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

/// <summary>Where the time of `assess --ndjson` goes: read, validate, assess, write, each timed alone over the same lines.</summary>
internal static class Stages
{
    public static int Run(string input)
    {
        var lines = File.ReadAllLines(input).Where(l => l.Length > 0).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var engine = NetPath.Clinical.Engine.NetPathEngine.Current;
        var today = new DateOnly(2026, 11, 23);
        using var sink = new BufferedStream(Stream.Null, 1 << 16);
        using var writer = new Utf8JsonWriter(sink);
        for (var round = 0; round < 3; round++)
        {
            long read = 0, assess = 0, write = 0, bytes = 0, readAlloc = 0, assessAlloc = 0;
            foreach (var line in lines)
            {
                var m0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var c = engine.Read(line).Case!;
                var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                var m1 = GC.GetAllocatedBytesForCurrentThread();
                var a = engine.Assess(c, today, explain: false);
                var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                readAlloc += m1 - m0;
                assessAlloc += GC.GetAllocatedBytesForCurrentThread() - m1;
                
                JsonSerializer.Serialize(writer, a, NetPath.Clinical.Assessments.AssessmentJsonContext.Default.Assessment);
                writer.Flush();
                bytes += writer.BytesCommitted;
                writer.Reset();
                var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
                read += t1 - t0; assess += t2 - t1; write += t3 - t2;
            }
            static double Us(long ticks, int n) => ticks * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency / n;
            Console.WriteLine($"round {round}: {lines.Length} cases streamed; per case: read+validate {Us(read, lines.Length):0.0} us, assess {Us(assess, lines.Length):0.0} us, write {Us(write, lines.Length):0.0} us ({bytes / lines.Length} bytes); allocated: read {readAlloc / lines.Length} B, assess {assessAlloc / lines.Length} B");
        }
        return 0;
    }
}

/// <summary>Where a cold `assess one.json` spends its time: each first step timed once, in a fresh process.</summary>
internal static class StartupProbe
{
    public static int Run(string caseFile)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string what) { Console.WriteLine($"{what}: {sw.Elapsed.TotalMilliseconds:0.0} ms"); sw.Restart(); }
        var source = NetPath.Clinical.Knowledge.KnowledgeSource.Embedded();
        Lap("embedded files + hash");
        var grading = NetPath.Clinical.Grading.GradingKnowledge.Load(source);
        Lap("grading");
        var staging = NetPath.Clinical.Staging.StagingKnowledge.Load(source);
        Lap("staging");
        var pathways = NetPath.Clinical.Pathways.PathwayKnowledge.Load(source);
        Lap("pathways");
        var engine = NetPath.Clinical.Engine.NetPathEngine.Current;
        Lap("engine (loads again)");
        var read = engine.Read(File.ReadAllBytes(caseFile));
        Lap("read case");
        var a = engine.Assess(read.Case!, new DateOnly(2026, 11, 23));
        Lap("assess");
        var json = JsonSerializer.Serialize(a, NetPath.Clinical.Assessments.AssessmentJsonContext.Default.Assessment);
        Lap("serialize");
        GC.KeepAlive(grading); GC.KeepAlive(staging); GC.KeepAlive(pathways); GC.KeepAlive(json);
        return 0;
    }
}
