using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Knowledge;
using NetPath.Interop;

namespace NetPath.Benchmarks;

/// <summary>
/// Reading a FHIR bundle of 200 resources into a case (target: under 100 ms, issue 13): a
/// synthetic pancreatic NET exported by NetPath (patient, conditions, tumour, TNM, case facts,
/// labs, therapies and the derived plan, provenance), padded with two years of monthly laboratory
/// results as a record system sends them (older results are superseded and reported).
/// </summary>
[MemoryDiagnoser]
public class FhirImportBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);
    private string json = "";
    private FhirCaseImporter importer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var engine = NetPathEngine.Current;
        importer = new FhirCaseImporter(engine);
        var wire = SyntheticCases.Generate(400).First(c => c.Tumour?.PrimarySite == "pancreas" && c.History?.PriorTherapies?.Count > 0 && c.Labs is not null);
        wire.AssessmentDate = "2026-11-23";
        var read = engine.Read(wire);
        if (!read.IsValid) throw new InvalidOperationException("The synthetic case is not valid.");
        var bundle = FhirExporter.Export(wire, engine.Assess(read.Case!, AsOf), KnowledgeSet.Current, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var patient = bundle.Entry[0].FullUrl;
        var tests = new (string Loinc, decimal Value, string Unit)[] { ("98979-8", 80, "mL/min/{1.73_m2}"), ("777-3", 220, "10*3/uL"), ("718-7", 128, "g/L"), ("751-8", 4.1m, "10*9/L"), ("1751-7", 39, "g/L") };
        for (var i = 0; bundle.Entry.Count < 200; i++)
        {
            var (loinc, value, unit) = tests[i % tests.Length];
            var month = i / tests.Length;
            var o = new Observation
            {
                Id = $"lab-history-{i}",
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
                Code = new CodeableConcept("http://loinc.org", loinc),
                Subject = new ResourceReference(patient),
                Effective = new FhirDateTime(new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero).AddMonths(month)),
                Value = new Quantity(value + month % 7, unit, "http://unitsofmeasure.org"),
            };
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:00000000-0000-4000-8000-{i:D12}", Resource = o });
        }
        json = FhirJson.Serialize(bundle, indented: false);
        if (bundle.Entry.Count != 200 || !importer.Import(json, AsOf).IsValid) throw new InvalidOperationException("The benchmark bundle must be 200 resources and a valid case.");
    }

    [Benchmark(Description = "FHIR JSON parse only (Firely), 200 resources")]
    public Resource ParseOnly() => new FhirJsonDeserializer().DeserializeResource(json);

    [Benchmark(Description = "import: parse, map and validate the case, 200 resources")]
    public bool Import() => importer.Import(json, AsOf).IsValid;
}
