using System.Globalization;
using System.Text.Json.Nodes;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Validation;

namespace NetPath.Web.Components.Cases;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Integer and Number name the kinds of form input, as the case contract does.")]
public enum FieldKind { Number, Integer, Choice, IntegerChoice, YesNo, Codes, Text, Date }

/// <summary>
/// One input of the case form, named by its path in the case contract (docs/contracts/case.md); its
/// label and unit are the contract's words (<see cref="CaseFieldWords"/>).
/// </summary>
public sealed record CaseField(string Path, FieldKind Kind, IReadOnlyList<string>? Options = null, string? Hint = null)
{
    public string Label => CaseFieldWords.Label(Path);
    public string? Unit => CaseFieldWords.TryGet(Path, out var words) ? words.Unit : null;

    /// <summary>What the input shows for one of its options: the code's label where the option is a code of a closed set.</summary>
    public string OptionLabel(string option) => Options is CodeOptions codes ? codes.Label(option) : option;

    public string Id => "f-" + Path.Replace('.', '-');
    public string ErrorId => Id + "-error";
}

/// <summary>The codes of a closed set that an input offers; the value sent is the code, the text shown its label.</summary>
public sealed class CodeOptions : IReadOnlyList<string>
{
    private readonly IReadOnlyList<string> codes;
    private readonly Func<string, string> label;

    private CodeOptions(IReadOnlyList<string> codes, Func<string, string> label) => (this.codes, this.label) = (codes, label);

    public static CodeOptions Of<T>() where T : struct, Enum => new(WireCode<T>.All, WireCode<T>.LabelOf);

    public string Label(string code) => label(code);

    public string this[int index] => codes[index];
    public int Count => codes.Count;
    public IEnumerator<string> GetEnumerator() => codes.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A group of the case form. A <paramref name="Collapsed"/> group is one a clinician seldom changes:
/// the page shows a one-line summary of what it holds and renders its inputs only when opened
/// (docs/decisions/0541-case-entry-render.md).
/// </summary>
public sealed record FieldGroup(string Title, IReadOnlyList<CaseField> Fields, bool Collapsed = false)
{
    /// <summary>The element id of the region that holds the group's inputs.</summary>
    public string Id => "g-" + string.Concat(Title.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
}

/// <summary>One row of <c>history.priorTherapies</c>, as typed.</summary>
public sealed class TherapyRow
{
    public string Code { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string StartDate { get; set; } = "";
    public string EndDate { get; set; } = "";
}

/// <summary>
/// The case form's state: the text of each input, turned into the case JSON the engine reads.
/// Values are written as typed, never corrected: text that is not a number goes into the JSON as
/// text, so the engine's reader reports the problem at that field, in the same words as the API.
/// Members of a loaded case that the form does not show (prior therapies, for one) are kept.
/// </summary>
public sealed class CaseForm
{
    /// <summary>The "none" choice of a list: an explicit empty list ("known none"), as against an absent one ("unknown").</summary>
    public const string None = "none";

    // Grouped the way the case is gathered: the pathology report, staging facts, imaging, labs, history, symptoms.
    // Choices come from the engine's own vocabularies; units are those in the contract's field names.
    public static IReadOnlyList<FieldGroup> Groups { get; } =
    [
        new("Pathology",
        [
            new("tumour.primarySite", FieldKind.Choice, Options: CodeOptions.Of<PrimarySite>()),
            new("tumour.otherSite", FieldKind.Text, Hint: "only for primary site 'other'"),
            new("tumour.differentiation", FieldKind.Choice, Options: CodeOptions.Of<Differentiation>()),
            new("tumour.histologicType", FieldKind.Choice, Options: CodeOptions.Of<HistologicType>()),
            new("tumour.ki67Percent", FieldKind.Number, Hint: "hot-spot, 0 to 100"),
            new("tumour.mitosesPer2mm2", FieldKind.Number),
            new("tumour.necrosis", FieldKind.Choice, Options: CodeOptions.Of<Necrosis>()),
            new("tumour.gastricType", FieldKind.IntegerChoice, Options: ["1", "2", "3"]),
            new("tumour.paragangliomaType", FieldKind.Choice, Options: CodeOptions.Of<ParagangliomaType>()),
            new("tumour.lymphovascularInvasion", FieldKind.YesNo),
        ]),
        new("Staging facts",
        [
            new("tumour.sizeMm", FieldKind.Number, Hint: "greatest dimension"),
            new("tumour.depth", FieldKind.Choice, Options: CodeOptions.Of<Depth>()),
            new("tumour.invades", FieldKind.Codes, Options: CodeOptions.Of<InvadedStructure>()),
            new("tumour.mesoappendixInvasionMm", FieldKind.Number),
            new("tumour.tumourCount", FieldKind.Integer),
            new("tumour.lymphNodes.examined", FieldKind.Integer),
            new("tumour.lymphNodes.positive", FieldKind.Integer),
            new("tumour.lymphNodes.mesentericMassOver2cm", FieldKind.YesNo),
            new("tumour.mainDuctDilatation", FieldKind.YesNo),
            new("tumour.metastases.liver", FieldKind.YesNo),
            new("tumour.metastases.extrahepatic", FieldKind.Codes, Options: CodeOptions.Of<MetastaticSite>()),
            new("tumour.liverTumourBurdenPercent", FieldKind.Number),
            new("tumour.resectability", FieldKind.Choice, Options: CodeOptions.Of<Resectability>()),
            new("tumour.resection.done", FieldKind.YesNo),
            new("tumour.resection.margin", FieldKind.Choice, Options: CodeOptions.Of<ResectionMargin>()),
            new("tumour.functionalSyndrome", FieldKind.Choice, Options: CodeOptions.Of<FunctionalSyndrome>()),
            new("tumour.tnm.t", FieldKind.Text, Hint: "e.g. T2, where facts are missing"),
            new("tumour.tnm.n", FieldKind.Text),
            new("tumour.tnm.m", FieldKind.Text),
        ]),
        // Imaging to symptoms: collapsed until opened; most cases change them far less than the tumour facts.
        new("Imaging",
        [
            new("imaging.sstrPet.done", FieldKind.YesNo),
            new("imaging.sstrPet.positive", FieldKind.YesNo),
            new("imaging.sstrPet.krenningScore", FieldKind.Integer),
            new("imaging.fdgPet.done", FieldKind.YesNo),
            new("imaging.fdgPet.positive", FieldKind.YesNo),
        ], Collapsed: true),
        new("Labs",
        [
            new("labs.egfrMlMin", FieldKind.Number),
            new("labs.bilirubinXUln", FieldKind.Number),
            new("labs.plateletsPerNl", FieldKind.Number),
            new("labs.neutrophilsPerNl", FieldKind.Number),
            new("labs.hemoglobinGDl", FieldKind.Number),
            new("labs.albuminGL", FieldKind.Number),
            new("labs.ntProBnpPgMl", FieldKind.Number),
            new("labs.chromograninAXUln", FieldKind.Number),
            new("labs.urine5HiaaMg24h", FieldKind.Number),
            new("labs.gastrinXUln", FieldKind.Number),
            new("labs.onPpi", FieldKind.YesNo),
        ], Collapsed: true),
        new("Patient and history",
        [
            new("assessmentDate", FieldKind.Date, Hint: "blank: today"),
            new("patient.sex", FieldKind.Choice, Options: CodeOptions.Of<Sex>()),
            new("patient.ageYears", FieldKind.Integer),
            new("patient.ecog", FieldKind.Integer),
            new("patient.pregnant", FieldKind.YesNo),
            new("patient.germline", FieldKind.Codes, Options: CodeOptions.Of<GermlineSyndrome>()),
        ], Collapsed: true),
        new("Symptoms",
        [
            new("symptoms.present", FieldKind.Codes, Options: CodeOptions.Of<Symptom>()),
            new("symptoms.diarrheaPerDay", FieldKind.Number),
            new("symptoms.flushesPerDay", FieldKind.Number),
        ], Collapsed: true),
    ];

    public static IReadOnlyDictionary<string, CaseField> ByPath { get; } = Groups.SelectMany(g => g.Fields).ToDictionary(f => f.Path, StringComparer.Ordinal);

    private static readonly Dictionary<string, FieldGroup> GroupByPath =
        Groups.SelectMany(g => g.Fields.Select(f => (f.Path, g))).ToDictionary(x => x.Path, x => x.g, StringComparer.Ordinal);

    /// <summary>The group that holds a field's input; null for prior-therapy cells, which have their own group.</summary>
    public static FieldGroup? GroupOf(string path) => GroupByPath.GetValueOrDefault(path);

    /// <summary>
    /// What a collapsed group holds, one entry per filled field ("eGFR (mL/min): 85", "Germline syndromes: none"),
    /// so that a closed group still shows its facts.
    /// </summary>
    public IEnumerable<string> Entered(FieldGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var f in group.Fields)
        {
            if (f.Kind == FieldKind.Codes)
            {
                if (codes.TryGetValue(f.Path, out var set) && set.Count > 0)
                    yield return $"{f.Label}: {(set.Contains(None) ? None : string.Join(", ", f.Options!.Where(set.Contains).Select(f.OptionLabel)))}";
                continue;
            }
            var text = Get(f.Path).Trim();
            // As the label shows it: "eGFR (mL/min): 85", "Krenning score (0 to 4): 3".
            if (text.Length > 0) yield return f.Unit is { } unit ? $"{f.Label} ({unit}): {text}" : $"{f.Label}: {text}";
        }
    }

    /// <summary>The prior therapies as a collapsed group shows them: "systemic.ssa (progression)".</summary>
    public IEnumerable<string> EnteredTherapies() =>
        Therapies.Select(t => (t.Code.Length > 0 ? t.Code : "therapy not chosen") + (t.Outcome.Length > 0 ? $" ({t.Outcome})" : ""));

    private readonly JsonObject baseCase;
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> codes = new(StringComparer.Ordinal);

    public CaseForm(string? caseJson)
    {
        baseCase = (caseJson is null ? null : JsonNode.Parse(caseJson) as JsonObject) ?? new JsonObject();
        baseCase["schemaVersion"] = "1";
        foreach (var f in ByPath.Values)
        {
            var node = Find(baseCase, f.Path);
            if (node is null) continue;
            if (f.Kind == FieldKind.Codes && node is JsonArray list)
            {
                var set = list.Select(n => n?.ToString() ?? "").ToHashSet(StringComparer.Ordinal);
                if (set.Count == 0) set.Add(None);
                codes[f.Path] = set;
            }
            else if (f.Kind == FieldKind.YesNo && node is JsonValue b && b.TryGetValue<bool>(out var flag))
            {
                values[f.Path] = flag ? "yes" : "no";
            }
            else
            {
                values[f.Path] = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
            }
        }
        LoadTherapies();
    }

    public const string TherapiesPath = "history.priorTherapies";
    public static readonly string[] TherapyMembers = ["code", "outcome", "startDate", "endDate"];

    /// <summary>Treatments a prior therapy can name: the treatment codes of contracts/codes.md.</summary>
    public static IReadOnlyList<NetPath.Clinical.Assessments.CareCode> TherapyCodes { get; } =
        [.. NetPath.Clinical.Assessments.CareCodes.All.Where(c => NetPath.Clinical.Assessments.CareCodes.IsTreatment(c.Code))];

    public List<TherapyRow> Therapies { get; } = [];

    /// <summary>The element id of a field or a prior-therapy cell ("history.priorTherapies[0].code").</summary>
    public static string IdOf(string path) =>
        "f-" + path.Replace('.', '-').Replace("[", "-", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);

    private void LoadTherapies()
    {
        if (Find(baseCase, TherapiesPath) is not JsonArray list) return;
        foreach (var item in list)
        {
            var o = item as JsonObject;
            string Text(string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var t) ? t : o?[name]?.ToJsonString() ?? "";
            Therapies.Add(new TherapyRow { Code = Text("code"), Outcome = Text("outcome"), StartDate = Text("startDate"), EndDate = Text("endDate") });
        }
    }

    public string Get(string path) => values.TryGetValue(path, out var v) ? v : "";

    public void Set(string path, string? value)
    {
        if (string.IsNullOrEmpty(value)) values.Remove(path);
        else values[path] = value;
    }

    public bool Has(string path, string code) => codes.TryGetValue(path, out var set) && set.Contains(code);

    public void Toggle(string path, string code, bool on)
    {
        if (!codes.TryGetValue(path, out var set)) codes[path] = set = new HashSet<string>(StringComparer.Ordinal);
        if (!on) { set.Remove(code); return; }
        // "none" and a listed value exclude each other.
        if (code == None) set.Clear(); else set.Remove(None);
        set.Add(code);
    }

    /// <summary>The case JSON: the loaded case with every form field written over it, empty objects left out.</summary>
    public string ToJson()
    {
        var root = (JsonObject)baseCase.DeepClone();
        foreach (var f in ByPath.Values)
        {
            var value = Value(f);
            if (value is null) Remove(root, f.Path);
            else Put(root, f.Path, value);
        }
        Remove(root, TherapiesPath);
        if (Therapies.Count > 0)
        {
            var list = new JsonArray();
            foreach (var t in Therapies)
            {
                var o = new JsonObject();
                foreach (var (name, value) in new[] { ("code", t.Code), ("outcome", t.Outcome), ("startDate", t.StartDate), ("endDate", t.EndDate) })
                    if (value.Trim().Length > 0) o[name] = value.Trim();
                list.Add(o);
            }
            Put(root, TherapiesPath, list);
        }
        Prune(root);
        return root.ToJsonString();
    }

    private JsonNode? Value(CaseField f)
    {
        if (f.Kind == FieldKind.Codes)
        {
            if (!codes.TryGetValue(f.Path, out var set) || set.Count == 0) return null;
            // Declaration order, so that the JSON reads like the contract whatever the click order.
            return set.Contains(None) ? new JsonArray() : new JsonArray([.. f.Options!.Where(set.Contains).Select(c => (JsonNode)JsonValue.Create(c))]);
        }
        var text = Get(f.Path).Trim();
        if (text.Length == 0) return null;
        return f.Kind switch
        {
            FieldKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(text),
            FieldKind.Integer or FieldKind.IntegerChoice => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? JsonValue.Create(x) : JsonValue.Create(text),
            FieldKind.YesNo => text switch { "yes" => JsonValue.Create(true), "no" => JsonValue.Create(false), _ => JsonValue.Create(text) },
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>
    /// The form field an error belongs to: its path, the prior-therapy cell it names
    /// ("history.priorTherapies[0].code"), or the nearest enclosing field ("tumour.invades[1]" to "tumour.invades").
    /// </summary>
    public static string? FieldOf(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var path = error.Path;
        if (path.StartsWith(TherapiesPath + "[", StringComparison.Ordinal))
        {
            var close = path.IndexOf(']', StringComparison.Ordinal);
            var member = close > 0 && path.Length > close + 2 ? path[(close + 2)..] : null;
            return member is not null && TherapyMembers.Contains(member) ? path : close > 0 ? path[..(close + 1)] + ".code" : null;
        }
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0) path = path[..bracket];
        while (path.Length > 0)
        {
            if (ByPath.ContainsKey(path)) return path;
            var dot = path.LastIndexOf('.');
            if (dot < 0) break;
            path = path[..dot];
        }
        return null;
    }

    private static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return node;
    }

    private static void Put(JsonObject root, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var o = root;
        foreach (var part in parts[..^1])
        {
            if (o[part] is not JsonObject child) o[part] = child = new JsonObject();
            o = child;
        }
        o[parts[^1]] = value;
    }

    private static void Remove(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonObject? o = root;
        foreach (var part in parts[..^1]) o = o?[part] as JsonObject;
        o?.Remove(parts[^1]);
    }

    private static void Prune(JsonObject o)
    {
        foreach (var (name, child) in o.ToList())
        {
            if (child is not JsonObject c) continue;
            Prune(c);
            if (c.Count == 0) o.Remove(name);
        }
    }
}
