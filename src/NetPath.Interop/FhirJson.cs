using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace NetPath.Interop;

/// <summary>FHIR JSON out, through the SDK's serializer (never hand-written).</summary>
public static class FhirJson
{
    private static readonly JsonSerializerOptions Pretty = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();
    private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource, bool indented = true) =>
        JsonSerializer.Serialize(resource, indented ? Pretty : Compact);
}
