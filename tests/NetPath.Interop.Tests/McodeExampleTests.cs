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
