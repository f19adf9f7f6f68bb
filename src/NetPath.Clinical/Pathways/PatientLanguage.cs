using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Pathways;

/// <summary>
/// Plain words for patients (knowledge/&lt;version&gt;/pathways/patient-language.json): every care
/// code, grade, stage group and team role explained in short sentences, for <c>--format patient</c>.
/// </summary>
public sealed class PatientLanguage
{
    private readonly IReadOnlyDictionary<string, string> codes;
    private readonly IReadOnlyDictionary<string, string> grades;
    private readonly IReadOnlyDictionary<string, string> stageGroups;
    private readonly IReadOnlyDictionary<string, string> roles;

    private PatientLanguage(IReadOnlyDictionary<string, string> codes, IReadOnlyDictionary<string, string> grades,
        IReadOnlyDictionary<string, string> stageGroups, IReadOnlyDictionary<string, string> roles)
    {
        this.codes = codes;
        this.grades = grades;
        this.stageGroups = stageGroups;
        this.roles = roles;
    }

    public IReadOnlyDictionary<string, string> Codes => codes;
    public IReadOnlyDictionary<string, string> Grades => grades;
    public IReadOnlyDictionary<string, string> StageGroups => stageGroups;
    public IReadOnlyDictionary<string, string> Roles => roles;

    /// <summary>The explanation of a care code; every code of codes.md has one (checked at load).</summary>
    public string ForCode(string code) => codes.TryGetValue(code, out var text) ? text : throw new ArgumentException($"No plain-language text for {code}.", nameof(code));

    public string ForGrade(GradeValue grade) => grades[WireCode<GradeValue>.Of(grade)];

    /// <summary>Plain words for an AJCC stage group (I, IIA, IIIB, IV ...); the Roman numeral's stage is explained.</summary>
    public string? ForStageGroup(string? group)
    {
        if (group is null) return null;
        if (stageGroups.TryGetValue(group, out var text)) return text;
        // IIA, IIB and IA2 share the words of their stage number.
        var root = group.TrimEnd('A', 'B', 'C', '1', '2', '3');
        return stageGroups.TryGetValue(root, out text) ? text : null;
    }

    public string ForRole(TeamRole role) => roles[WireCode<TeamRole>.Of(role)];

    /// <summary>
    /// The words of a version: its chain's patient-language.json files merged entry by entry, the
    /// later version's words winning, then the words the codes files give with the codes they add.
    /// </summary>
    internal static PatientLanguage Load(KnowledgeSource source, CareVocabulary vocabulary)
    {
        const string name = "pathways/patient-language.json";
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var grades = new Dictionary<string, string>(StringComparer.Ordinal);
        var stageGroups = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in source.Layers)
        {
            if (layer.OwnFile(name) is not { } bytes) continue;
            PatientLanguageDto dto;
            try
            {
                dto = System.Text.Json.JsonSerializer.Deserialize(bytes, PathwayJsonContext.Default.PatientLanguageDto)
                    ?? throw new KnowledgeException($"{name} is empty.");
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new KnowledgeException($"knowledge/{layer.Version}/{name} does not load: {ex.Message}", ex);
            }
            Merge(codes, dto.Codes);
            Merge(grades, dto.Grades);
            Merge(stageGroups, dto.StageGroups);
            Merge(roles, dto.Roles);
        }
        Merge(codes, vocabulary.PatientWords);
        foreach (var c in vocabulary.All)
        {
            if (!codes.TryGetValue(c.Code, out var t) || string.IsNullOrWhiteSpace(t)) throw new KnowledgeException($"{name}: no text for code {c.Code}.");
        }
        foreach (var g in WireCode<GradeValue>.All)
        {
            if (!grades.ContainsKey(g)) throw new KnowledgeException($"{name}: no text for grade {g}.");
        }
        foreach (var r in WireCode<TeamRole>.All)
        {
            if (!roles.ContainsKey(r)) throw new KnowledgeException($"{name}: no text for team role {r}.");
        }
        return new PatientLanguage(codes, grades, stageGroups, roles);
    }

    private static void Merge(Dictionary<string, string> into, IReadOnlyDictionary<string, string>? from)
    {
        if (from is null) return;
        foreach (var (key, text) in from) into[key] = text;
    }
}
