using System.Text.Json.Nodes;
using NetPath.Clinical.Response;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Tests.Response;

/// <summary>Builds imaging-studies JSON (docs/contracts/imaging-studies.md) for tests, read through the real reader.</summary>
internal sealed class StudiesJson
{
    private readonly JsonObject root = new() { ["schemaVersion"] = "1", ["studies"] = new JsonArray() };

    public StudiesJson Study(string date, params JsonObject[] lesions) => StudyOn(date, "ct", lesions);

    public StudiesJson StudyOn(string date, string modality, params JsonObject[] lesions)
    {
        var array = new JsonArray();
        foreach (var l in lesions) array.Add(l);
        ((JsonArray)root["studies"]!).Add(new JsonObject { ["date"] = date, ["modality"] = modality, ["lesions"] = array });
        return this;
    }

    /// <summary>Sets a member of the last study added ("tumourMarkersAboveNormal").</summary>
    public StudiesJson WithLast(string member, JsonNode? value)
    {
        var studies = (JsonArray)root["studies"]!;
        studies[^1]![member] = value;
        return this;
    }

    public StudiesJson Set(string member, JsonNode? value)
    {
        root[member] = value;
        return this;
    }

    public static JsonObject Target(string id, string organ, decimal mm) =>
        new() { ["id"] = id, ["organ"] = organ, ["nodal"] = false, ["role"] = "target", ["longestDiameterMm"] = mm };

    public static JsonObject TargetNode(string id, decimal shortAxisMm) =>
        new() { ["id"] = id, ["organ"] = "lymph-node", ["nodal"] = true, ["role"] = "target", ["shortAxisMm"] = shortAxisMm };

    public static JsonObject NonTarget(string id, string organ) =>
        new() { ["id"] = id, ["organ"] = organ, ["nodal"] = false, ["role"] = "non-target" };

    public static JsonObject Measure(string id, decimal mm) => new() { ["id"] = id, ["longestDiameterMm"] = mm };

    public static JsonObject MeasureNode(string id, decimal mm) => new() { ["id"] = id, ["shortAxisMm"] = mm };

    public static JsonObject NotEvaluated(string id) => new() { ["id"] = id, ["status"] = "not-evaluated" };

    public static JsonObject Status(string id, string status) => new() { ["id"] = id, ["status"] = status };

    public static JsonObject New(string id, string organ, bool equivocal = false)
    {
        var o = new JsonObject { ["id"] = id, ["organ"] = organ, ["nodal"] = false, ["new"] = true };
        if (equivocal) o["equivocal"] = true;
        return o;
    }

    public string Json => root.ToJsonString();

    public ReadResult<ImagingHistory> Read() => StudiesReader.Read(Json);

    public RecistResult Evaluate()
    {
        var read = Read();
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return RecistEvaluator.Evaluate(read.Value!);
    }

    public IReadOnlyList<ValidationError> Errors()
    {
        var read = Read();
        read.IsValid.ShouldBeFalse("expected the studies to be refused");
        return read.Errors;
    }
}
