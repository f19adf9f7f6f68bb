using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using NetPath.Clinical.Response;

namespace NetPath.Benchmarks;

/// <summary>
/// RECIST 1.1 over a 10-study history (baseline and 9 follow-ups, 5 targets, 3 non-targets, a new
/// lesion at the end): target under 20 µs for the evaluation, the history already read. Reading
/// the JSON as well is measured beside it.
/// </summary>
[MemoryDiagnoser]
public class RecistBenchmarks
{
    private ImagingHistory history = null!;
    private byte[] json = [];

    [GlobalSetup]
    public void Setup()
    {
        json = System.Text.Encoding.UTF8.GetBytes(TenStudies());
        history = StudiesReader.Read(json).Value ?? throw new InvalidOperationException("the benchmark history does not read");
    }

    internal static string TenStudies()
    {
        var studies = new JsonArray();
        var day = new DateOnly(2026, 1, 5);
        decimal[] sizes = [42, 35, 28, 24, 18];
        string[] organs = ["liver", "liver", "lung", "lung", "pancreas"];
        // Shrinks to a nadir at the fifth study, then grows back until PD with a new lesion.
        decimal[] factor = [1.0m, 0.9m, 0.8m, 0.7m, 0.65m, 0.66m, 0.7m, 0.75m, 0.8m, 0.95m];
        for (var k = 0; k < 10; k++)
        {
            var lesions = new JsonArray();
            for (var i = 0; i < sizes.Length; i++)
            {
                var size = Math.Round(sizes[i] * factor[k], 1);
                lesions.Add(k == 0
                    ? new JsonObject { ["id"] = $"L{i + 1}", ["organ"] = organs[i], ["nodal"] = false, ["role"] = "target", ["longestDiameterMm"] = size }
                    : new JsonObject { ["id"] = $"L{i + 1}", ["longestDiameterMm"] = size });
            }
            for (var i = 0; i < 3; i++)
            {
                lesions.Add(k == 0
                    ? new JsonObject { ["id"] = $"NT{i + 1}", ["organ"] = i == 0 ? "bone" : "peritoneum", ["nodal"] = false, ["role"] = "non-target" }
                    : new JsonObject { ["id"] = $"NT{i + 1}", ["status"] = "present" });
            }
            if (k == 9) lesions.Add(new JsonObject { ["id"] = "X1", ["organ"] = "liver", ["nodal"] = false, ["new"] = true, ["longestDiameterMm"] = 12 });
            studies.Add(new JsonObject { ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["modality"] = "ct", ["lesions"] = lesions });
            day = day.AddDays(84);
        }
        return new JsonObject { ["schemaVersion"] = "1", ["patientId"] = "bench", ["studies"] = studies }.ToJsonString();
    }

    [Benchmark(Description = "RECIST 1.1 over a 10-study history (evaluation)")]
    public RecistResult Evaluate() => RecistEvaluator.Evaluate(history);

    [Benchmark(Description = "RECIST 1.1 over a 10-study history (read JSON + evaluate)")]
    public RecistResult ReadAndEvaluate() => RecistEvaluator.Evaluate(StudiesReader.Read(json).Value!);
}

/// <summary>
/// `recist-cpu N`: N evaluations of the 10-study history, timed by the process's CPU time as well
/// as the wall clock. On a machine shared with other builds the wall clock counts the time other
/// processes held the cores; CPU time counts only this work.
/// </summary>
internal static class RecistCpuProbe
{
    public static int Run(int count)
    {
        var history = StudiesReader.Read(RecistBenchmarks.TenStudies()).Value!;
        for (var i = 0; i < 20_000; i++) RecistEvaluator.Evaluate(history);
        for (var round = 0; round < 3; round++)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var wall = System.Diagnostics.Stopwatch.StartNew();
            var points = 0;
            for (var i = 0; i < count; i++) points += RecistEvaluator.Evaluate(history).TimePoints.Count;
            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpu0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {count} evaluations ({points / count} time points each): CPU {cpu.TotalMicroseconds / count:0.00} us per evaluation, wall {wall.Elapsed.TotalMicroseconds / count:0.00} us"));
        }
        return 0;
    }
}
