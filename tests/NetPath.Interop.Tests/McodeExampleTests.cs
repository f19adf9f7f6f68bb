using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace NetPath.Interop.Tests;

/// <summary>The official mCODE 4.0.0 examples NetPath reads: they validate, and NetPath reads from them what they say.</summary>
public class McodeExampleTests
{
    private static readonly FhirJsonDeserializer Json = new();

    internal static Resource Example(string file) =>
        Json.DeserializeResource(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "mcode-examples", file)));

    public static TheoryData<string> ExampleFiles => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "mcode-examples"), "*.json").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_copied_official_example_validates_against_its_profile(string file)
    {
        var outcome = Profiles.Validate(Example(file));
        Profiles.Errors(outcome).ShouldBeEmpty();
    }
}

/// <summary>What NetPath reads from the official mCODE examples, and the stage-group workaround (decision 0704).</summary>
public class McodeReadingTests
{
    private static FhirImportResult ImportExamples(params string[] files)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var f in files) bundle.Entry.Add(new Bundle.EntryComponent { Resource = McodeExampleTests.Example(f) });
        return TestCases.Importer.Import(bundle, TestCases.ScenarioDate);
    }

    [Fact]
    public void The_official_ecog_tnm_and_tumour_size_examples_give_their_values()
    {
        var result = ImportExamples("Observation-ecog-performance-status-jenny-m.json", "Observation-tnm-clinical-primary-tumor-category-cT3.json",
            "Observation-tnm-clinical-regional-nodes-category-cN3.json", "Observation-tnm-clinical-distant-metastases-category-cM0.json", "Observation-tumor-size-jenny-m.json");
        result.Wire!.Patient!.Ecog.ShouldBe(0);
        result.Wire.Tumour!.Tnm!.T.ShouldBe("cT3");
        result.Wire.Tumour.Tnm.N.ShouldBe("cN3");
        result.Wire.Tumour.Tnm.M.ShouldBe("cM0");
        result.Wire.Tumour.SizeMm.ShouldBe(25); // 2.5 cm, greatest dimension (LOINC 33728-7)
    }

    [Fact]
    public void The_official_radiotherapy_course_is_external_beam_radiotherapy_with_its_dates()
    {
        var result = ImportExamples("Procedure-radiotherapy-treatment-summary-chest-wall-jenny-m.json");
        var therapy = result.Wire!.History!.PriorTherapies!.ShouldHaveSingleItem()!;
        therapy.Code.ShouldBe("radiation.ebrt"); // photons and electrons: both external beam
        therapy.StartDate.ShouldBe("2018-08-15"); // performedPeriod
        therapy.EndDate.ShouldBe("2018-10-25");
        result.Unmapped.ShouldContain(u => u.Why.Contains("mcode-radiotherapy-sessions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_karnofsky_of_90_is_reported_because_the_conversions_disagree()
    {
        var result = ImportExamples("Observation-karnofsky-performance-status-normal-activity.json");
        result.Wire!.Patient?.Ecog.ShouldBeNull();
        result.Unmapped.ShouldContain(u => u.Resource == "Observation/karnofsky-performance-status-normal-activity" && u.Expression.EndsWith(".value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_breast_cancer_is_not_read_as_a_neuroendocrine_neoplasm()
    {
        // The hand-translated jenny-m staging subset: a breast carcinoma staged cT3 cN0 cM0 under AJCC 8.
        var json = File.ReadAllText(Path.Combine(TestCases.Folder("mcode-hand-translation"), "Bundle-mcode-jenny-m-staging-subset.json"));
        var result = TestCases.Importer.Import(json, TestCases.ScenarioDate);
        result.FhirErrors.ShouldBeNull();
        result.Wire!.Tumour!.Tnm!.T.ShouldBe("cT3");
        result.Unmapped.ShouldContain(u => u.Resource == "Condition/primary-cancer-condition-jenny-m" && u.Why.Contains("primary site stays unknown", StringComparison.Ordinal));
        result.Unmapped.ShouldContain(u => u.Resource == "Condition/primary-cancer-condition-jenny-m" && u.Why.Contains("not an ICD-O-3 neuroendocrine histology", StringComparison.Ordinal));
        result.IsValid.ShouldBeFalse();
        result.CaseErrors.ShouldContain(e => e.Error.Path == "tumour.primarySite");
    }

    public static TheoryData<string> HandTranslations => [.. Directory.GetFiles(TestCases.Folder("mcode-hand-translation"), "*.json").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(HandTranslations))]
    public void The_hand_translation_validates_after_its_fixes(string file)
    {
        var r = new FhirJsonDeserializer().DeserializeResource(File.ReadAllText(Path.Combine(TestCases.Folder("mcode-hand-translation"), file)));
        Profiles.Errors(Profiles.Validate(r)).ShouldBeEmpty();
    }

    [Fact]
    public void The_published_stage_group_profile_cannot_be_compiled_so_the_derived_copy_is_needed()
    {
        var example = McodeExampleTests.Example("Observation-tnm-clinical-stage-group-3c.json");
        var outcome = Profiles.Validator.Validate(example);
        Profiles.Errors(outcome).ShouldNotBeEmpty();
        Profiles.Errors(Profiles.Validate(example)).ShouldBeEmpty();
    }

    [Fact]
    public void The_derived_stage_group_still_enforces_the_rest_of_the_profile()
    {
        var example = (Observation)McodeExampleTests.Example("Observation-tnm-clinical-stage-group-3c.json");
        example.Focus.Clear(); // mCODE: focus 1..1 (the primary cancer condition)
        Profiles.Errors(Profiles.Validate(example)).ShouldNotBeEmpty();
    }
}
