using System.Text.Json.Nodes;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Trials;

namespace NetPath.Clinical.Tests.Trials;

/// <summary>
/// Synthetic patients for trial matching: a base case per tumour type, changed fact by fact with
/// "dotted.path=value" edits (the same form as `netpath whatif --set`), read and assessed by the
/// engine as of 2026-11-22.
/// </summary>
internal static class TrialPatients
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>A 58-year-old woman, not pregnant, ECOG 1, with a metastatic, unresectable, SSTR-positive well-differentiated pancreatic NET G2 (Ki-67 12 %), normal labs, untreated.</summary>
    public const string PancreaticNet = """
        {
          "schemaVersion": "1", "id": "pnet", "assessmentDate": "2026-11-22",
          "patient": { "sex": "female", "ageYears": 58, "ecog": 1, "pregnant": false },
          "tumour": {
            "primarySite": "pancreas", "differentiation": "well", "ki67Percent": 12, "sizeMm": 40,
            "metastases": { "liver": true, "extrahepatic": [] }, "resectability": "unresectable", "functionalSyndrome": "none"
          },
          "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 3 } },
          "labs": { "egfrMlMin": 85, "bilirubinXUln": 0.7, "plateletsPerNl": 240, "neutrophilsPerNl": 4.2, "hemoglobinGDl": 13.1, "albuminGL": 41 },
          "history": { "priorTherapies": [] }
        }
        """;

    /// <summary>A 64-year-old man, ECOG 1, with a metastatic poorly differentiated large-cell NEC of the colon, Ki-67 70 %, normal labs, untreated.</summary>
    public const string ColonNec = """
        {
          "schemaVersion": "1", "id": "nec", "assessmentDate": "2026-11-22",
          "patient": { "sex": "male", "ageYears": 64, "ecog": 1 },
          "tumour": {
            "primarySite": "colon", "differentiation": "poor", "histologicType": "nec-large-cell", "ki67Percent": 70, "mitosesPer2mm2": 40,
            "metastases": { "liver": true, "extrahepatic": ["bone"] }, "resectability": "unresectable", "functionalSyndrome": "none"
          },
          "labs": { "egfrMlMin": 80, "bilirubinXUln": 0.6, "plateletsPerNl": 230, "neutrophilsPerNl": 5.0, "hemoglobinGDl": 12.5, "albuminGL": 39 },
          "history": { "priorTherapies": [] }
        }
        """;

    /// <summary>A 61-year-old woman, not pregnant, ECOG 0, with a metastatic SSTR-positive typical lung carcinoid (1 mitosis per 2 mm², no necrosis).</summary>
    public const string LungCarcinoid = """
        {
          "schemaVersion": "1", "id": "lung", "assessmentDate": "2026-11-22",
          "patient": { "sex": "female", "ageYears": 61, "ecog": 0, "pregnant": false },
          "tumour": {
            "primarySite": "lung", "differentiation": "well", "mitosesPer2mm2": 1, "necrosis": "none", "ki67Percent": 3,
            "metastases": { "liver": true, "extrahepatic": [] }, "resectability": "unresectable", "functionalSyndrome": "none"
          },
          "imaging": { "sstrPet": { "done": true, "positive": true, "krenningScore": 3 } },
          "labs": { "egfrMlMin": 90, "bilirubinXUln": 0.5, "plateletsPerNl": 250, "neutrophilsPerNl": 3.9, "hemoglobinGDl": 13.4, "albuminGL": 42 },
          "history": { "priorTherapies": [] }
        }
        """;

    public static TrialPatient Patient(string baseCase, params string[] sets)
    {
        var root = JsonNode.Parse(baseCase)!.AsObject();
        foreach (var set in sets)
        {
            var eq = set.IndexOf('=', StringComparison.Ordinal);
            var path = set[..eq].Split('.');
            var text = set[(eq + 1)..];
            var node = root;
            for (var i = 0; i < path.Length - 1; i++)
            {
                if (node[path[i]] is not JsonObject child)
                {
                    child = [];
                    node[path[i]] = child;
                }
                node = child;
            }
            if (text == "<absent>") node.Remove(path[^1]);
            else node[path[^1]] = JsonNode.Parse(text);
        }
        var engine = NetPathEngine.Current;
        var read = engine.Read(root.ToJsonString());
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return TrialPatient.From(read.Case!, engine.Assess(read.Case!, Today, explain: false), Today);
    }

    public static Trial Shipped(string nctId) => ShippedTrials.All.Single(t => t.NctId == nctId);
}
