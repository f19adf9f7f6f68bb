using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Response;
using static NetPath.Clinical.Tests.Response.StudiesJson;

namespace NetPath.Clinical.Tests.Response;

/// <summary>Properties RECIST 1.1 guarantees over random imaging histories.</summary>
public class RecistProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly string[] Organs = ["liver", "lung", "bone", "pancreas", "peritoneum"];

    /// <summary>1 to 5 targets (2 per organ at most) of 10-150 mm, and 0 to 2 non-target lesions.</summary>
    private sealed record Baseline(int[] TargetMm, int NonTargets);

    private static readonly Gen<Baseline> Baselines =
        from n in Gen.Choose(1, 5)
        from sizes in Gen.ArrayOf(Gen.Choose(10, 150), n)
        from nonTargets in Gen.Choose(0, 2)
        select new Baseline(sizes, nonTargets);

    private static string TargetOrgan(int i) => Organs[i / 2];

    private static StudiesJson History(Baseline b, List<int[]> followUps, List<string> nonTargetStatus, bool newLesionAtLast = false)
    {
        var baseline = new List<System.Text.Json.Nodes.JsonObject>();
        for (var i = 0; i < b.TargetMm.Length; i++) baseline.Add(Target($"L{i + 1}", TargetOrgan(i), b.TargetMm[i]));
        for (var i = 0; i < b.NonTargets; i++) baseline.Add(NonTarget($"NT{i + 1}", "peritoneum"));
        var studies = new StudiesJson().Study("2026-01-05", [.. baseline]);
        var day = new DateOnly(2026, 1, 5);
        for (var k = 0; k < followUps.Count; k++)
        {
            day = day.AddDays(56);
            var lesions = new List<System.Text.Json.Nodes.JsonObject>();
            for (var i = 0; i < followUps[k].Length; i++) lesions.Add(Measure($"L{i + 1}", followUps[k][i]));
            for (var i = 0; i < b.NonTargets; i++) lesions.Add(Status($"NT{i + 1}", nonTargetStatus[k]));
            if (newLesionAtLast && k == followUps.Count - 1) lesions.Add(New("X1", "lung"));
            studies.Study(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), [.. lesions]);
        }
        return studies;
    }

    /// <summary>Follow-ups in which each lesion is never larger than at the study before.</summary>
    private static Gen<(Baseline, List<int[]>, List<string>)> Shrinking() =>
        from b in Baselines
        from count in Gen.Choose(1, 6)
        from fractions in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 100), b.TargetMm.Length), count)
        from statuses in Gen.ArrayOf(Gen.Elements("present", "absent", "not-evaluated"), count)
        select (b, Shrink(b.TargetMm, fractions), statuses.ToList());

    private static List<int[]> Shrink(int[] start, int[][] fractions)
    {
        var result = new List<int[]>();
        var previous = start;
        foreach (var f in fractions)
        {
            var next = new int[previous.Length];
            for (var i = 0; i < next.Length; i++) next[i] = previous[i] * f[i] / 100;
            result.Add(next);
            previous = next;
        }
        return result;
    }

    [Fact]
    public void A_shrinking_tumour_without_new_lesions_is_never_PD() =>
        Check.One(Runs, Prop.ForAll(Shrinking().ToArbitrary(), input =>
        {
            var (b, followUps, statuses) = input;
            var r = History(b, followUps, statuses).Evaluate();
            return r.TimePoints.All(p => p.Overall != OverallResponse.ProgressiveDisease && p.Target != TargetResponse.ProgressiveDisease);
        }));

    /// <summary>Follow-ups that wander up and down from the baseline.</summary>
    private static Gen<(Baseline, List<int[]>)> Wandering() =>
        from b in Baselines
        from count in Gen.Choose(1, 6)
        from sizes in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 200), b.TargetMm.Length), count)
        select (b, sizes.ToList());

    [Fact]
    public void PR_is_measured_from_baseline_and_PD_from_the_nadir() =>
        Check.One(Runs, Prop.ForAll(Wandering().ToArbitrary(), input =>
        {
            var (b, followUps) = input;
            var r = History(b, followUps, [.. followUps.Select(_ => "present")]).Evaluate();
            decimal baseline = b.TargetMm.Sum();
            var nadir = baseline;
            for (var k = 0; k < followUps.Count; k++)
            {
                decimal sum = followUps[k].Sum();
                var p = r.TimePoints[k];
                // PD: at least 20 % and 5 mm over the smallest earlier sum (baseline included), whatever the baseline says.
                var pd = sum >= nadir * 1.2m && sum - nadir >= 5m;
                if ((p.Target == TargetResponse.ProgressiveDisease) != pd) return false;
                // PR: at least 30 % under the baseline, whatever the nadir says, unless it is PD.
                var pr = !pd && sum <= baseline * 0.7m;
                if ((p.Target == TargetResponse.PartialResponse) != pr) return false;
                if (p.NadirMm != nadir) return false;
                nadir = Math.Min(nadir, sum);
            }
            return true;
        }));

    [Fact]
    public void The_answer_does_not_depend_on_the_order_lesions_and_studies_are_listed() =>
        Check.One(Runs, Prop.ForAll(Gen.Zip(Wandering(), Gen.Choose(0, int.MaxValue)).ToArbitrary(), input =>
        {
            var ((b, followUps), seed) = input;
            var statuses = followUps.Select((_, i) => i % 2 == 0 ? "present" : "absent").ToList();
            var original = History(b, followUps, statuses).Json;
            var shuffled = Shuffle(original, new Random(seed));
            var a = JsonSerializer.Serialize(RecistEvaluator.Evaluate(StudiesReader.Read(original).Value!), RecistJsonContext.Default.RecistResult);
            var c = JsonSerializer.Serialize(RecistEvaluator.Evaluate(StudiesReader.Read(shuffled).Value!), RecistJsonContext.Default.RecistResult);
            return a == c;
        }));

    private static string Shuffle(string json, Random random)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var studies = root["studies"]!.AsArray();
        var list = studies.Select(s => s!.DeepClone().AsObject()).ToList();
        foreach (var s in list)
        {
            var lesions = s["lesions"]!.AsArray().Select(l => l!.DeepClone()).ToList();
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lesions));
            s["lesions"] = new System.Text.Json.Nodes.JsonArray([.. lesions]);
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        root["studies"] = new System.Text.Json.Nodes.JsonArray([.. list]);
        return root.ToJsonString();
    }
}
