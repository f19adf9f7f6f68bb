using System.Text.Json;
using Bogus;
using NetPath.Clinical.Cases.Wire;

namespace NetPath.Benchmarks;

/// <summary>
/// Clearly synthetic, valid cases spread over every site, grade and stage, for benchmarks and
/// load tests. Seeded, so every run measures the same cases.
/// </summary>
public static class SyntheticCases
{
    private static readonly string[] DigestiveSites = ["stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas"];
    private static readonly string[] Depths = ["lamina-propria", "submucosa", "muscularis-propria", "subserosa", "serosa"];
    private static readonly string[] Syndromes = ["none", "none", "none", "carcinoid-syndrome", "insulinoma", "gastrinoma"];
    private static readonly string[] Extrahepatic = ["bone", "lung", "peritoneum", "distant-lymph-nodes"];
    private static readonly string[] PriorCodes = ["systemic.ssa", "systemic.everolimus", "systemic.prrt", "systemic.captem"];
    private static readonly string[] Outcomes = ["progression", "stable", "intolerance", "response"];

    public static IEnumerable<CaseDto> Generate(int count, int seed = 20261123)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        for (var i = 0; i < count; i++) yield return One(faker, i);
    }

    /// <summary>Writes the cases as JSON Lines, streaming: any count runs in constant memory.</summary>
    public static void WriteNdjson(Stream output, IEnumerable<CaseDto> cases)
    {
        using var buffered = new BufferedStream(output, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered);
        foreach (var c in cases)
        {
            JsonSerializer.Serialize(writer, c, CaseJsonContext.Default.CaseDto);
            writer.Flush();
            writer.Reset();
            buffered.WriteByte((byte)'\n');
        }
    }

    private static CaseDto One(Faker f, int index)
    {
        var r = f.Random;
        var roll = r.Int(0, 99);
        var site = roll switch
        {
            < 80 => r.ArrayElement(DigestiveSites),
            < 90 => "lung",
            < 95 => "adrenal",
            _ => "unknown-primary",
        };
        var metastatic = r.Bool(0.35f);
        var tumour = new TumourDto
        {
            PrimarySite = site,
            SizeMm = Math.Round(r.Double(3, 80), 1),
            LymphNodes = r.Bool(0.7f) ? Nodes(r) : null,
            Metastases = r.Bool(0.9f)
                ? new MetastasesDto { Liver = metastatic && r.Bool(0.8f), Extrahepatic = metastatic && r.Bool(0.4f) ? [r.ArrayElement(Extrahepatic)] : [] }
                : null,
            Resectability = metastatic ? r.ArrayElement(new[] { "unresectable", "borderline", "resectable" }) : "resectable",
            FunctionalSyndrome = site == "adrenal" ? "catecholamine-excess" : r.ArrayElement(Syndromes),
        };
        if (site == "adrenal")
        {
            tumour.HistologicType = "pheochromocytoma";
        }
        else
        {
            var poor = r.Bool(0.08f);
            tumour.Differentiation = poor ? "poor" : "well";
            tumour.Ki67Percent = poor ? Math.Round(r.Double(30, 95), 1) : Math.Round(r.Double(0.5, 40), 1);
            tumour.MitosesPer2mm2 = r.Bool(0.7f) ? r.Int(0, poor ? 80 : 25) : null;
            if (site == "lung") tumour.Necrosis = r.ArrayElement(new[] { "none", "none", "punctate" });
            if (site is not ("pancreas" or "lung" or "unknown-primary")) tumour.Depth = r.ArrayElement(Depths);
            if (site == "stomach") tumour.GastricType = r.Int(1, 3);
        }
        if (tumour.Metastases is { Liver: true }) tumour.LiverTumourBurdenPercent = r.Int(1, 80);
        var prior = metastatic && r.Bool(0.5f)
            ? new List<PriorTherapyDto?> { new() { Code = r.ArrayElement(PriorCodes), Outcome = r.ArrayElement(Outcomes) } }
            : null;
        return new CaseDto
        {
            SchemaVersion = "1",
            Id = $"synthetic-{index:D7}",
            AssessmentDate = "2026-11-23",
            Patient = new PatientDto { Sex = r.Bool() ? "female" : "male", AgeYears = r.Int(18, 90), Ecog = r.Int(0, 3) },
            Tumour = tumour,
            Imaging = new ImagingDto { SstrPet = r.Bool(0.7f) ? new SstrPetDto { Done = true, Positive = true, KrenningScore = r.Int(2, 4) } : null },
            Labs = new LabsDto { EgfrMlMin = r.Int(20, 110), BilirubinXUln = Math.Round(r.Double(0.3, 2.5), 1), PlateletsPerNl = r.Int(60, 400), OnPpi = r.Bool(0.2f) },
            History = prior is null ? null : new HistoryDto { PriorTherapies = prior },
        };
    }

    private static LymphNodesDto Nodes(Randomizer r)
    {
        var examined = r.Int(0, 25);
        return new LymphNodesDto { Examined = examined, Positive = examined == 0 ? 0 : r.Int(0, Math.Min(examined, 14)) };
    }

}
