using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Assessments;

namespace NetPath.Clinical.Tests.TestSupport;

/// <summary>
/// Generators for property tests: random valid cases over every field of contracts/case.md, honouring
/// each consistency rule the reader enforces, and random damage to them. A case is built from a seed
/// so that a failure prints the JSON and can be replayed.
/// </summary>
public static class CaseGen
{
    public static readonly DateOnly AssessmentDate = new(2026, 11, 23);

    private static readonly string[] Sites =
    [
        "stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas",
        "lung", "thymus", "adrenal", "extra-adrenal-paraganglion", "unknown-primary", "other",
    ];

    private static readonly string[] Treatments = [.. CareCodes.All.Where(c => CareCodes.IsTreatment(c.Code)).Select(c => c.Code)];

    /// <summary>Valid case JSON, as text.</summary>
    public static Gen<string> ValidCaseJson { get; } = Gen.Choose(0, int.MaxValue).Select(seed => ValidCase(seed).ToJsonString());

    public static Arbitrary<string> ValidCases => ValidCaseJson.ToArbitrary();

    /// <summary>A valid case with one node replaced by a random JSON value, one member added, or one removed.</summary>
    public static Arbitrary<string> DamagedCases { get; } =
        Gen.Choose(0, int.MaxValue).Select(seed => Damage(ValidCase(seed), new Random(seed ^ 0x5bd1e995)).ToJsonString()).ToArbitrary();

    /// <summary>Valid case text with a few characters deleted, inserted or replaced: mostly not JSON at all.</summary>
    public static Arbitrary<string> GarbledCases { get; } =
        Gen.Choose(0, int.MaxValue).Select(seed => Garble(ValidCase(seed).ToJsonString(), new Random(~seed))).ToArbitrary();

    /// <summary>Random bytes, including invalid UTF-8 and stray structure characters.</summary>
    public static Arbitrary<byte[]> RandomBytes { get; } = Gen.Choose(0, int.MaxValue).Select(seed =>
    {
        var r = new Random(seed);
        var bytes = new byte[r.Next(0, 200)];
        r.NextBytes(bytes);
        if (bytes.Length > 0 && r.Next(2) == 0) bytes[0] = (byte)'{';
        return bytes;
    }).ToArbitrary();

    /// <summary>A valid case with one member no contract defines added to one of its objects, and that member's path.</summary>
    public static Arbitrary<(string Json, string Path)> WithUnknownMember { get; } = Gen.Choose(0, int.MaxValue).Select(seed =>
    {
        var root = ValidCase(seed);
        var objects = new List<(JsonObject Node, string Path)>();
        CollectObjects(root, "", objects);
        var (node, path) = objects[new Random(seed).Next(objects.Count)];
        node["zzUnknown"] = 1;
        return (root.ToJsonString(), path.Length == 0 ? "zzUnknown" : path + ".zzUnknown");
    }).ToArbitrary();

    private static void CollectObjects(JsonNode node, string path, List<(JsonObject, string)> into)
    {
        if (node is JsonObject o)
        {
            into.Add((o, path));
            foreach (var (name, child) in o.ToList())
            {
                if (child is not null) CollectObjects(child, path.Length == 0 ? name : path + "." + name, into);
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is { } child) CollectObjects(child, $"{path}[{i}]", into);
            }
        }
    }

    public static JsonObject ValidCase(int seed)
    {
        var r = new Random(seed);
        var site = Pick(r, Sites);
        var root = new JsonObject { ["schemaVersion"] = "1" };
        MaybeSet(r, root, "id", () => $"case-{seed}");
        var hasDate = r.Next(5) > 0;
        if (hasDate) root["assessmentDate"] = AssessmentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        else if (r.Next(2) == 0) root["assessmentDate"] = null;

        root["tumour"] = Tumour(r, site);
        Maybe(r, () => root["patient"] = Patient(r));
        Maybe(r, () => root["imaging"] = Imaging(r));
        Maybe(r, () => root["labs"] = Labs(r));
        Maybe(r, () => root["history"] = History(r, hasDate));
        Maybe(r, () => root["symptoms"] = Symptoms(r));
        return root;
    }

    private static JsonObject Tumour(Random r, string site)
    {
        var t = new JsonObject { ["primarySite"] = site };
        var ppglSite = site is "adrenal" or "extra-adrenal-paraganglion";
        var thoracic = site is "lung" or "thymus";
        var free = site is "unknown-primary" or "other";

        string?[] types = ppglSite ? [null, site == "adrenal" ? "pheochromocytoma" : "paraganglioma"]
            : thoracic ? [null, "net", "typical-carcinoid", "atypical-carcinoid", "nec-small-cell", "nec-large-cell", "minen"]
            : free ? [null, "net", "typical-carcinoid", "atypical-carcinoid", "nec-small-cell", "nec-large-cell", "minen", "paraganglioma"]
            : [null, "net", "nec-small-cell", "nec-large-cell", "minen"];
        var type = Pick(r, types);
        if (type is not null) t["histologicType"] = type;
        var ppgl = ppglSite || type is "paraganglioma";

        string?[] differentiations = ppgl ? [null, "unknown"]
            : type switch
            {
                "net" or "typical-carcinoid" or "atypical-carcinoid" => [null, "well", "unknown"],
                "nec-small-cell" or "nec-large-cell" or "minen" => [null, "poor", "unknown"],
                _ => [null, "well", "poor", "unknown"],
            };
        if (Pick(r, differentiations) is { } d) t["differentiation"] = d;

        if (site == "other") MaybeSet(r, t, "otherSite", () => Pick(r, ["ovary", "kidney", "liver", "testis", "breast"]));
        MaybeSet(r, t, "ki67Percent", () => Number(r, [0, 0.5, 0.99, 1, 2.9, 2.99, 3, 3.01, 9.9, 10, 19.9, 20, 20.01, 20.1, 55, 55.1, 100], 0, 100));
        MaybeSet(r, t, "mitosesPer2mm2", () => Number(r, [0, 1, 1.9, 2, 2.4, 10, 10.5, 11, 20, 20.5, 21, 1000], 0, 80));
        MaybeSet(r, t, "necrosis", () => Pick(r, ["none", "punctate", "extensive"]));
        MaybeSet(r, t, "sizeMm", () => Number(r, [0.1, 5, 10, 10.1, 20, 20.1, 30, 40, 40.1, 50, 70, 1000], 0.1, 200));
        string[] depths = site == "ampulla"
            ? ["lamina-propria", "submucosa", "muscularis-propria", "subserosa", "serosa", "sphincter-of-oddi", "duodenal-submucosa"]
            : ["lamina-propria", "submucosa", "muscularis-propria", "subserosa", "serosa"];
        if (site is not ("pancreas" or "lung" or "thymus" or "adrenal" or "extra-adrenal-paraganglion")) MaybeSet(r, t, "depth", () => Pick(r, depths));
        MaybeSet(r, t, "invades", () => Subset(r, ["duodenum", "common-bile-duct", "pancreas", "peripancreatic-tissue", "stomach", "spleen", "colon",
            "adrenal", "kidney", "liver", "large-vessels", "mesoappendix", "peritoneum", "adjacent-organ", "local-tissues"]));
        if (site == "appendix") MaybeSet(r, t, "mesoappendixInvasionMm", () => Number(r, [0, 3, 3.1, 200], 0, 20));
        if (site == "extra-adrenal-paraganglion") MaybeSet(r, t, "paragangliomaType", () => Pick(r, ["sympathetic", "parasympathetic"]));
        if (site == "stomach") MaybeSet(r, t, "gastricType", () => r.Next(1, 4));
        MaybeSet(r, t, "tumourCount", () => r.Next(1, 6));

        int? positive = null;
        Maybe(r, () =>
        {
            var nodes = new JsonObject();
            var examined = r.Next(3) > 0 ? r.Next(0, 41) : (int?)null;
            if (examined is not null) nodes["examined"] = examined;
            if (r.Next(3) > 0)
            {
                positive = r.Next(0, (examined ?? 40) + 1);
                nodes["positive"] = positive;
            }
            if (r.Next(2) == 0) nodes["mesentericMassOver2cm"] = positive != 0 && r.Next(2) == 0;
            t["lymphNodes"] = nodes;
        });
        MaybeSet(r, t, "mainDuctDilatation", () => r.Next(2) == 0);

        bool? liver = null;
        Maybe(r, () =>
        {
            var m = new JsonObject();
            if (r.Next(4) > 0)
            {
                liver = r.Next(2) == 0;
                m["liver"] = liver;
            }
            MaybeSet(r, m, "extrahepatic", () => Subset(r, ["bone", "lung", "peritoneum", "distant-lymph-nodes", "brain", "pleura", "other"]));
            t["metastases"] = m;
        });
        MaybeSet(r, t, "liverTumourBurdenPercent", () => liver == false ? 0 : Number(r, [0, 50, 70, 70.1, 100], 0, 100));
        MaybeSet(r, t, "lymphovascularInvasion", () => r.Next(2) == 0);
        MaybeSet(r, t, "resectability", () => Pick(r, ["resectable", "borderline", "unresectable", "unknown"]));
        Maybe(r, () =>
        {
            var done = Pick(r, new bool?[] { null, true, false });
            var res = new JsonObject();
            if (done is not null) res["done"] = done;
            if (done != false) MaybeSet(r, res, "margin", () => Pick(r, ["R0", "R1", "R2"]));
            t["resection"] = res;
        });
        MaybeSet(r, t, "functionalSyndrome", () => Pick(r, ["none", "carcinoid-syndrome", "insulinoma", "gastrinoma", "vipoma", "glucagonoma",
            "somatostatinoma", "ectopic-acth", "catecholamine-excess", "other"]));
        Maybe(r, () =>
        {
            var tnm = new JsonObject();
            MaybeSet(r, tnm, "t", () => Pick(r, ["", "p", "c", "yp"]) + Pick(r, ["TX", "T0", "T1", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T3", "T4", "T3(m)"]));
            MaybeSet(r, tnm, "n", () => Pick(r, ["", "p", "c"]) + Pick(r, ["NX", "N0", "N1", "N2", "N3"]));
            MaybeSet(r, tnm, "m", () => Pick(r, ["", "c", "p"]) + Pick(r, ["M0", "M1", "M1a", "M1b", "M1c"]));
            t["tnm"] = tnm;
        });
        if (ppgl)
        {
            Maybe(r, () =>
            {
                var g = new JsonObject();
                MaybeSet(r, g, "histologicPattern", () => Pick(r, ["zellballen", "large-irregular-nests", "pseudorosette"]));
                MaybeSet(r, g, "cellularity", () => Pick(r, ["low", "moderate", "high"]));
                MaybeSet(r, g, "comedoNecrosis", () => r.Next(2) == 0);
                MaybeSet(r, g, "vascularOrCapsularInvasion", () => r.Next(2) == 0);
                var syndrome = t["functionalSyndrome"]?.GetValue<string>();
                MaybeSet(r, g, "catecholamineType", () => Pick<string>(r, syndrome == "catecholamine-excess" ? ["adrenergic", "noradrenergic"] : ["adrenergic", "noradrenergic", "non-functioning"]));
                t["gapp"] = g;
            });
        }
        return t;
    }

    private static JsonObject Patient(Random r)
    {
        var p = new JsonObject();
        var sex = Pick(r, new[] { null, "female", "male", "other" });
        if (sex is not null) p["sex"] = sex;
        MaybeSet(r, p, "ageYears", () => r.Next(0, 121));
        MaybeSet(r, p, "ecog", () => r.Next(0, 6));
        MaybeSet(r, p, "pregnant", () => sex != "male" && r.Next(2) == 0);
        MaybeSet(r, p, "germline", () => Subset(r, ["MEN1", "MEN4", "VHL", "NF1", "TSC", "SDHA", "SDHB", "SDHC", "SDHD", "SDHAF2", "MAX", "TMEM127", "RET", "FH"]));
        return p;
    }

    private static JsonObject Imaging(Random r)
    {
        var i = new JsonObject();
        Maybe(r, () =>
        {
            var s = new JsonObject();
            var done = Pick(r, new bool?[] { null, true, false });
            if (done is not null) s["done"] = done;
            if (done != false)
            {
                var positive = Pick(r, new bool?[] { null, true, false });
                if (positive is not null) s["positive"] = positive;
                MaybeSet(r, s, "krenningScore", () => r.Next(0, positive == false ? 2 : 5));
            }
            i["sstrPet"] = s;
        });
        Maybe(r, () =>
        {
            var f = new JsonObject();
            var done = Pick(r, new bool?[] { null, true, false });
            if (done is not null) f["done"] = done;
            if (done != false) MaybeSet(r, f, "positive", () => r.Next(2) == 0);
            i["fdgPet"] = f;
        });
        return i;
    }

    private static JsonObject Labs(Random r)
    {
        var l = new JsonObject();
        MaybeSet(r, l, "egfrMlMin", () => Number(r, [0, 29.9, 30, 50, 250], 0, 150));
        MaybeSet(r, l, "bilirubinXUln", () => Number(r, [0, 2, 3, 3.1, 100], 0, 5));
        MaybeSet(r, l, "plateletsPerNl", () => Number(r, [0, 74, 75, 5000], 0, 500));
        MaybeSet(r, l, "neutrophilsPerNl", () => Number(r, [0, 1.4, 1.5, 500], 0, 15));
        MaybeSet(r, l, "hemoglobinGDl", () => Number(r, [0, 7.9, 8, 30], 0, 18));
        MaybeSet(r, l, "albuminGL", () => Number(r, [0, 80], 0, 60));
        MaybeSet(r, l, "ntProBnpPgMl", () => Number(r, [0, 260, 261, 200000], 0, 3000));
        MaybeSet(r, l, "chromograninAXUln", () => Number(r, [0, 1, 100000], 0, 50));
        MaybeSet(r, l, "urine5HiaaMg24h", () => Number(r, [0, 6, 100000], 0, 200));
        MaybeSet(r, l, "gastrinXUln", () => Number(r, [0, 10, 100000], 0, 50));
        MaybeSet(r, l, "onPpi", () => r.Next(2) == 0);
        return l;
    }

    private static JsonObject History(Random r, bool hasDate)
    {
        var list = new JsonArray();
        for (var n = r.Next(0, 4); n > 0; n--)
        {
            var p = new JsonObject { ["code"] = Pick(r, Treatments) };
            MaybeSet(r, p, "outcome", () => Pick(r, ["response", "stable", "progression", "intolerance", "ongoing"]));
            var latest = hasDate ? AssessmentDate : AssessmentDate.AddYears(5);
            var start = r.Next(2) == 0 ? latest.AddDays(-r.Next(0, 3000)) : (DateOnly?)null;
            if (start is { } s) p["startDate"] = Iso(s);
            if (r.Next(2) == 0) p["endDate"] = Iso((start ?? latest.AddDays(-3000)).AddDays(r.Next(0, 400)));
            list.Add(p);
        }
        return new JsonObject { ["priorTherapies"] = list };
    }

    private static JsonObject Symptoms(Random r)
    {
        var s = new JsonObject();
        MaybeSet(r, s, "present", () => Subset(r, ["flushing", "diarrhea", "abdominal-pain", "weight-loss", "fatigue", "wheezing", "cough",
            "hypertension", "palpitations", "hypoglycemia", "peptic-ulcer", "rash", "hyperglycemia", "cushingoid", "neurological",
            "bowel-obstruction", "bleeding", "bone-pain", "jaundice"]));
        MaybeSet(r, s, "diarrheaPerDay", () => Number(r, [0, 4, 100], 0, 20));
        MaybeSet(r, s, "flushesPerDay", () => Number(r, [0, 200], 0, 20));
        return s;
    }

    /// <summary>One structural change to a valid case: a node replaced by any JSON value, a member added, or one removed.</summary>
    private static JsonObject Damage(JsonObject root, Random r)
    {
        var nodes = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, nodes);
        var (parent, name, index) = nodes[r.Next(nodes.Count)];
        switch (r.Next(3))
        {
            case 0:
                if (name is not null) parent.AsObject()[name] = RandomValue(r, 2);
                else parent.AsArray()[index] = RandomValue(r, 2);
                break;
            case 1:
                if (parent is JsonObject o) o[Pick(r, ["x", "ki67", "Tumour", "primarySite", "positive", "done", "code", "t"]) + r.Next(3)] = RandomValue(r, 1);
                else parent.AsArray().Add(RandomValue(r, 1));
                break;
            default:
                if (name is not null) parent.AsObject().Remove(name);
                else parent.AsArray().RemoveAt(index);
                break;
        }
        return root;
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> into)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, child) in o.ToList())
            {
                into.Add((o, name, -1));
                if (child is not null) Collect(child, into);
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                into.Add((a, null, i));
                if (a[i] is { } child) Collect(child, into);
            }
        }
    }

    private static JsonNode? RandomValue(Random r, int depth) => r.Next(depth > 0 ? 12 : 10) switch
    {
        0 => null,
        1 => r.Next(2) == 0,
        2 => r.Next(-1000, 1000),
        3 => Math.Round((r.NextDouble() - 0.3) * 1e3, 3),
        4 => Pick(r, [1e300, -1e300, 0.1, -0.0, 1e-300, 4.2e9, 2147483648d, -2147483649d]),
        5 => Pick(r, ["", " ", "well", "G1", "T2", "2026-11-23", "2026-02-30", "null", "1", "\u0000", "\ud83d\ude00", "pT2", "R0"]),
        6 => new string((char)r.Next(32, 0x3000), r.Next(0, 5)),
        7 => new JsonArray(),
        8 => new JsonObject(),
        9 => JsonValue.Create(long.MaxValue),
        10 => new JsonArray(RandomValue(r, depth - 1), RandomValue(r, depth - 1)),
        _ => new JsonObject { ["a"] = RandomValue(r, depth - 1) },
    };

    private static string Garble(string json, Random r)
    {
        var chars = new List<char>(json);
        for (var n = r.Next(1, 4); n > 0 && chars.Count > 0; n--)
        {
            var at = r.Next(chars.Count);
            switch (r.Next(3))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, Pick(r, ['{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', '.', ' ', 'n', '\u00e9'])); break;
                default: chars[at] = (char)r.Next(0, 128); break;
            }
        }
        return new string([.. chars]);
    }

    private static void Maybe(Random r, Action set)
    {
        if (r.Next(2) == 0) set();
    }

    /// <summary>Half the time sets the member; a quarter of the rest writes an explicit null (absent on the wire).</summary>
    private static void MaybeSet<T>(Random r, JsonObject o, string name, Func<T> value)
    {
        var roll = r.Next(8);
        if (roll < 4) o[name] = JsonValue.Create(value()) ?? null;
        else if (roll == 4) o[name] = null;
    }

    private static void MaybeSet(Random r, JsonObject o, string name, Func<JsonArray> value)
    {
        var roll = r.Next(8);
        if (roll < 4) o[name] = value();
        else if (roll == 4) o[name] = null;
    }

    private static T Pick<T>(Random r, IReadOnlyList<T> from) => from[r.Next(from.Count)];

    /// <summary>A boundary value half the time, else a uniform value rounded to 2 decimals.</summary>
    private static double Number(Random r, double[] boundaries, double min, double max) =>
        r.Next(2) == 0 ? Pick(r, boundaries) : Math.Round(min + r.NextDouble() * (max - min), 2);

    private static JsonArray Subset(Random r, string[] from)
    {
        var a = new JsonArray();
        foreach (var code in from.OrderBy(_ => r.Next()).Take(r.Next(0, 4))) a.Add(code);
        return a;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
