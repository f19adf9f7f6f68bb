using System.Text.Json.Nodes;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>
/// Random cases over the fields the pathway rules read, built from a seed (so FsCheck can drive
/// and replay them). Values stay inside the contract's ranges; a combination the reader rejects as
/// contradictory is simply invalid and skipped by the properties.
/// </summary>
internal static class RandomCases
{
    private static readonly string[] Sites = ["stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas", "lung", "thymus", "adrenal", "extra-adrenal-paraganglion", "unknown-primary", "other"];
    private static readonly string[] Syndromes = ["none", "carcinoid-syndrome", "insulinoma", "gastrinoma", "vipoma", "glucagonoma", "somatostatinoma", "ectopic-acth", "catecholamine-excess", "other"];
    private static readonly string[] Depths = ["lamina-propria", "submucosa", "muscularis-propria", "subserosa", "serosa"];
    private static readonly string[] Extrahepatic = ["bone", "lung", "peritoneum", "distant-lymph-nodes", "brain", "pleura", "other"];
    private static readonly string[] Therapies = ["systemic.ssa", "systemic.prrt", "systemic.everolimus", "systemic.sunitinib", "systemic.captem", "systemic.platinum-etoposide", "liver.tae", "surgery.primary-resection"];
    private static readonly string[] Outcomes = ["response", "stable", "progression", "intolerance", "ongoing"];
    private static readonly string[] Symptoms = ["flushing", "diarrhea", "abdominal-pain", "weight-loss", "fatigue", "hypertension", "palpitations", "hypoglycemia", "peptic-ulcer", "bone-pain", "bowel-obstruction", "bleeding", "jaundice", "rash"];
    private static readonly string[] Germline = ["MEN1", "VHL", "NF1", "TSC", "SDHB", "RET"];

    public static string Json(int seed) => Build(new Random(seed)).ToJsonString();

    public static JsonObject Build(Random r)
    {
        var site = Pick(r, Sites);
        var female = r.Next(2) == 0;
        var age = r.Next(15, 90);
        var patient = new JsonObject { ["sex"] = female ? "female" : "male", ["ageYears"] = age };
        if (Maybe(r)) patient["ecog"] = r.Next(0, 5);
        if (female && age < 50 && r.Next(4) == 0) patient["pregnant"] = true;
        else if (Maybe(r)) patient["pregnant"] = false;
        if (r.Next(8) == 0) patient["germline"] = new JsonArray(Pick(r, Germline));

        var tumour = new JsonObject { ["primarySite"] = site };
        if (site == "other") tumour["otherSite"] = "kidney";
        var ppgl = site is "adrenal" or "extra-adrenal-paraganglion";
        if (!ppgl)
        {
            var poor = r.Next(6) == 0;
            if (r.Next(8) != 0) tumour["differentiation"] = poor ? "poor" : "well";
            if (Maybe(r)) tumour["ki67Percent"] = poor ? r.Next(25, 95) : Math.Round(r.NextDouble() * (r.Next(5) == 0 ? 60 : 20), 1);
            if (Maybe(r) && !poor) tumour["mitosesPer2mm2"] = r.Next(0, 6);
        }
        if (site == "extra-adrenal-paraganglion" && Maybe(r)) tumour["paragangliomaType"] = r.Next(2) == 0 ? "sympathetic" : "parasympathetic";
        if (site == "stomach" && Maybe(r)) tumour["gastricType"] = r.Next(1, 4);
        if (r.Next(5) != 0) tumour["sizeMm"] = r.Next(3, 80);
        if (site is "stomach" or "duodenum" or "jejunum" or "ileum" or "appendix" or "colon" or "rectum" && Maybe(r)) tumour["depth"] = Pick(r, Depths);
        if (site == "appendix" && Maybe(r)) tumour["mesoappendixInvasionMm"] = r.Next(0, 8);
        if (Maybe(r)) tumour["lymphovascularInvasion"] = r.Next(2) == 0;
        if (Maybe(r)) tumour["lymphNodes"] = new JsonObject { ["examined"] = 12, ["positive"] = r.Next(0, 4) };
        if (r.Next(6) == 0) tumour["tumourCount"] = r.Next(1, 4);
        if (r.Next(8) == 0) tumour["mainDuctDilatation"] = r.Next(2) == 0;
        if (r.Next(6) != 0)
        {
            var liver = r.Next(2) == 0;
            var extra = new JsonArray();
            if (r.Next(3) == 0) extra.Add(Pick(r, Extrahepatic));
            tumour["metastases"] = new JsonObject { ["liver"] = liver, ["extrahepatic"] = extra };
            if (liver && Maybe(r)) tumour["liverTumourBurdenPercent"] = r.Next(1, 95);
        }
        if (Maybe(r)) tumour["resectability"] = Pick(r, ["resectable", "borderline", "unresectable", "unknown"]);
        if (r.Next(3) == 0) tumour["resection"] = new JsonObject { ["done"] = true, ["margin"] = Pick(r, ["R0", "R1", "R2"]) };
        if (r.Next(6) != 0) tumour["functionalSyndrome"] = ppgl ? Pick(r, ["none", "catecholamine-excess"]) : Pick(r, Syndromes[..8]);

        var c = new JsonObject { ["schemaVersion"] = "1", ["id"] = "rnd", ["patient"] = patient, ["tumour"] = tumour };
        if (Maybe(r))
        {
            var positive = r.Next(3) != 0;
            c["imaging"] = new JsonObject
            {
                ["sstrPet"] = new JsonObject { ["done"] = true, ["positive"] = positive, ["krenningScore"] = positive ? r.Next(2, 5) : r.Next(0, 2) },
                ["fdgPet"] = r.Next(3) == 0 ? new JsonObject { ["done"] = true, ["positive"] = r.Next(2) == 0 } : null,
            };
        }
        var labs = new JsonObject();
        if (Maybe(r)) labs["egfrMlMin"] = r.Next(10, 120);
        if (Maybe(r)) labs["bilirubinXUln"] = Math.Round(r.NextDouble() * 4, 1);
        if (Maybe(r)) labs["plateletsPerNl"] = r.Next(40, 400);
        if (Maybe(r)) labs["hemoglobinGDl"] = r.Next(6, 16);
        if (Maybe(r)) labs["neutrophilsPerNl"] = Math.Round(r.NextDouble() * 6, 1);
        if (Maybe(r)) labs["ntProBnpPgMl"] = r.Next(20, 2000);
        if (Maybe(r)) labs["chromograninAXUln"] = Math.Round(r.NextDouble() * 10, 1);
        if (r.Next(4) == 0) labs["urine5HiaaMg24h"] = r.Next(2, 200);
        if (r.Next(4) == 0) labs["onPpi"] = r.Next(2) == 0;
        c["labs"] = labs;
        if (Maybe(r))
        {
            var prior = new JsonArray();
            for (var i = r.Next(1, 4); i > 0; i--) prior.Add(new JsonObject { ["code"] = Pick(r, Therapies), ["outcome"] = Pick(r, Outcomes) });
            c["history"] = new JsonObject { ["priorTherapies"] = prior };
        }
        if (Maybe(r))
        {
            var present = new JsonArray();
            for (var i = r.Next(1, 4); i > 0; i--)
            {
                var s = Pick(r, Symptoms);
                if (!present.Any(p => p!.GetValue<string>() == s)) present.Add(s);
            }
            var symptoms = new JsonObject { ["present"] = present };
            if (Maybe(r)) symptoms["diarrheaPerDay"] = r.Next(0, 12);
            c["symptoms"] = symptoms;
        }
        return c;
    }

    private static bool Maybe(Random r) => r.Next(2) == 0;

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];
}
