using BenchmarkDotNet.Attributes;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Trials;

namespace NetPath.Benchmarks;

/// <summary>
/// Matching one patient against 1,000 trials (target: under 5 ms). The trials are the 28 shipped
/// NET trials repeated under new NCT numbers, all recruiting, each with one geocoded site, so every
/// trial is evaluated criterion by criterion and ranked by distance to the clinic.
/// </summary>
// The build machine is shared with other builds: the minimum and median say more than the mean.
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class TrialMatchingBenchmarks
{
    private const string PatientJson = """
        {
          "schemaVersion": "1", "id": "bench", "assessmentDate": "2026-11-22",
          "patient": { "sex": "female", "ageYears": 58, "ecog": 1, "pregnant": false },
          "tumour": { "primarySite": "pancreas", "differentiation": "well", "ki67Percent": 12, "sizeMm": 40,
                      "metastases": { "liver": true, "extrahepatic": [] }, "resectability": "unresectable", "functionalSyndrome": "none" },
          "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 3 } },
          "labs": { "egfrMlMin": 85, "bilirubinXUln": 0.7, "plateletsPerNl": 240, "neutrophilsPerNl": 4.2, "hemoglobinGDl": 13.1, "albuminGL": 41 },
          "history": { "priorTherapies": [ { "code": "systemic.ssa", "outcome": "progression", "endDate": "2026-09-30" } ] }
        }
        """;

    private Trial[] trials = [];
    private TrialPatient patient = null!;
    private readonly TrialMatchOptions options = new(new GeoPoint(52.37, 4.90), 250);

    [GlobalSetup]
    public void Setup()
    {
        var shipped = ShippedTrials.All;
        var random = new Random(15);
        trials = [.. Enumerable.Range(0, 1000).Select(i => shipped[i % shipped.Count] with
        {
            NctId = $"NCT9{i:0000000}",
            OverallStatus = TrialStatuses.Recruiting,
            Sites = [new TrialSite("Site", "City", "Country", TrialStatuses.Recruiting, 35 + random.NextDouble() * 25, -10 + random.NextDouble() * 40)],
        })];
        var engine = NetPathEngine.Current;
        var c = engine.Read(PatientJson).Case!;
        patient = TrialPatient.From(c, engine.Assess(c, new DateOnly(2026, 11, 22), explain: false), new DateOnly(2026, 11, 22));
    }

    [Benchmark(Description = "match one patient against 1,000 trials, ranked")]
    public int MatchThousand() => TrialMatcher.Match(patient, trials, options).Count;

    [Benchmark(Description = "match against 1,000 trials and word every criterion's explanation")]
    public int MatchThousandWithExplanations()
    {
        var length = 0;
        foreach (var m in TrialMatcher.Match(patient, trials, options))
        {
            foreach (var r in m.Results) length += r.Explanation.Length;
        }
        return length;
    }
}
