using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Pathways;

/// <summary>What a pathway rule produces when its conditions hold.</summary>
public enum RuleKind
{
    [JsonStringEnumMemberName("recommend")] Recommend,
    [JsonStringEnumMemberName("contraindicate")] Contraindicate,
    [JsonStringEnumMemberName("caution")] Caution,
    [JsonStringEnumMemberName("workup")] Workup,
    [JsonStringEnumMemberName("team")] Team,
    [JsonStringEnumMemberName("followup")] FollowUp,
    [JsonStringEnumMemberName("warn")] Warn,
    [JsonStringEnumMemberName("missing")] Missing,
}

/// <summary>
/// One compiled pathway rule from knowledge/&lt;version&gt;/pathways/*.json: its conditions are
/// compiled to delegates at load, its text to a template; nothing is parsed while a case is assessed.
/// </summary>
public sealed class PathwayRule
{
    internal PathwayRule() { }

    public required string Id { get; init; }
    public required string File { get; init; }
    public required RuleKind Kind { get; init; }
    /// <summary>The code a recommend, workup or caution rule is about; the codes a contraindication or caution covers.</summary>
    public required IReadOnlyList<string> Codes { get; init; }
    internal int[] CodeIndices { get; init; } = [];
    public TeamRole? Role { get; init; }
    public Strength Strength { get; init; }
    public Intent Intent { get; init; }
    public int Priority { get; init; }
    /// <summary>Load order: breaks ties of strength and priority.</summary>
    public int Order { get; init; }
    public IReadOnlyList<Predicate> Conditions => ConditionArray;
    internal Predicate[] ConditionArray { get; init; } = [];
    internal Func<CaseFacts, Tri>[] Evals { get; init; } = [];
    /// <summary>Rationale, reason, note or message, with {placeholders} for the case's facts.</summary>
    public required string Text { get; init; }
    internal Template Template { get; init; } = null!;
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public IReadOnlyList<string> WouldChange { get; init; } = [];
    /// <summary>Why the therapy is still offered after progression on it (e.g. SSA continued with PRRT, NETTER-1).</summary>
    public string? AfterProgression { get; init; }
    /// <summary>Contraindications: listed even where no rule proposed the code.</summary>
    public bool Always { get; init; }
    /// <summary>Whether unknown conditions ask for the fact (missingData and work-up).</summary>
    public bool SettleUnknown { get; init; }
    public bool ClearsFollowUp { get; init; }
    public string? Test { get; init; }
    public double? EveryMonths { get; init; }
    public int? ForYears { get; init; }
    public string? Group { get; init; }
    /// <summary>Warning code (warn rules) or case field (missing rules).</summary>
    public string? Target { get; init; }
    /// <summary>Second phase: the rule reads what the first phase recommended.</summary>
    public bool SecondPhase { get; init; }
    /// <summary>For each condition, the sentence said when it alone kept the rule from firing.</summary>
    internal string[] NearMiss { get; init; } = [];
    /// <summary>For each condition, the sentence said when the rule waits on it being known.</summary>
    internal string[] WaitsOn { get; init; } = [];

    public string Code => Codes.Count > 0 ? Codes[0] : "";
    public string SourceText => string.Join("; ", Evidence.Select(e => e.Source));
}

/// <summary>A rule file: one site group or one therapy or safety area.</summary>
public sealed record PathwayFile(string Name, string Title, string About, IReadOnlyList<PathwayRule> Rules);

/// <summary>The pathway knowledge of one version: rule files, the surgery code per site, team roles per code.</summary>
public sealed class PathwayKnowledge
{
    private const string Folder = "pathways/";

    private PathwayKnowledge(IReadOnlyList<PathwayFile> files, IReadOnlyList<(string Prefix, TeamRole[] Roles)> teamByCode, PatientLanguage patient, CareVocabulary codes)
    {
        Codes = codes;
        Files = files;
        TeamByCode = teamByCode;
        PatientLanguage = patient;
        var all = new List<PathwayRule>();
        foreach (var f in files) all.AddRange(f.Rules);
        Rules = all;
    }

    public IReadOnlyList<PathwayFile> Files { get; }
    public IReadOnlyList<PathwayRule> Rules { get; }
    public IReadOnlyList<(string Prefix, TeamRole[] Roles)> TeamByCode { get; }
    public PatientLanguage PatientLanguage { get; }
    /// <summary>The care codes this version declares (knowledge/codes.json and the codes.json of its chain).</summary>
    public CareVocabulary Codes { get; }

    public static PathwayKnowledge Load(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var vocabulary = CareVocabulary.Of(source);
        var siteSurgery = LoadSiteSurgery(source, vocabulary);
        var team = LoadTeam(source);
        var files = new List<PathwayFile>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var order = 0;
        foreach (var name in source.FileNames)
        {
            if (!name.StartsWith(Folder, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal)) continue;
            var shortName = name[Folder.Length..^5];
            if (shortName is "site-surgery" or "team" or "patient-language") continue;
            var (title, about, merged) = Merge(source, name);
            var rules = new List<PathwayRule>();
            foreach (var r in merged)
            {
                foreach (var expanded in Expand(r, siteSurgery, name))
                {
                    if (expanded.Id is null || !ids.Add(expanded.Id)) throw new KnowledgeException($"{name}: rule id {expanded.Id} is used twice.");
                    rules.Add(Compile(expanded, shortName, order++, vocabulary));
                }
            }
            files.Add(new PathwayFile(shortName, title, about, rules));
        }
        if (files.Count == 0) throw new KnowledgeException($"Knowledge {source.Version} has no pathway rules.");
        var patient = PatientLanguage.Load(source, vocabulary);
        return new PathwayKnowledge(files, team, patient, vocabulary);
    }

    /// <summary>
    /// One rule file as a version of a chain reads it: the file of the first version that has it,
    /// then each later version's file of the same name applied as a change: <c>withdraw</c> removes
    /// rules by id, a rule whose id exists replaces it where it stood, a new id is added at the end.
    /// </summary>
    private static (string Title, string About, List<RuleDto> Rules) Merge(KnowledgeSource source, string name)
    {
        string? title = null, about = null;
        var rules = new List<RuleDto>();
        foreach (var layer in source.Layers)
        {
            if (layer.OwnFile(name) is not { } bytes) continue;
            var where = $"knowledge/{layer.Version}/{name}";
            var dto = Deserialize(bytes, where, PathwayJsonContext.Default.RuleFileDto);
            title = dto.Title ?? title;
            about = dto.About ?? about;
            foreach (var id in dto.Withdraw ?? [])
            {
                if (rules.RemoveAll(r => r.Id == id) == 0) throw new KnowledgeException($"{where}: withdraws rule {id}, which no earlier version of the file has.");
            }
            foreach (var r in dto.Rules ?? [])
            {
                var at = rules.FindIndex(x => x.Id is not null && x.Id == r.Id);
                if (at >= 0) rules[at] = r;
                else rules.Add(r);
            }
        }
        if (title is null || about is null) throw new KnowledgeException($"{source.Version}: {name} has no title or about.");
        return (title, about, rules);
    }

    private static T Deserialize<T>(KnowledgeSource source, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        Deserialize(source.Read(name), name, info);

    private static T Deserialize<T>(ReadOnlySpan<byte> bytes, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, info) ?? throw new KnowledgeException($"{name} is empty.");
        }
        catch (JsonException ex)
        {
            throw new KnowledgeException($"{name} does not load: {ex.Message}", ex);
        }
    }

    private static Dictionary<PrimarySite, string> LoadSiteSurgery(KnowledgeSource source, CareVocabulary vocabulary)
    {
        var dto = Deserialize(source, Folder + "site-surgery.json", PathwayJsonContext.Default.SiteSurgeryDto);
        var map = new Dictionary<PrimarySite, string>();
        foreach (var (site, code) in dto.Sites)
        {
            if (!WireCode<PrimarySite>.TryParse(site, out var s)) throw new KnowledgeException($"site-surgery.json: '{site}' is not a primary site.");
            if (!vocabulary.TryGet(code, out var c) || c.Category != "surgery") throw new KnowledgeException($"site-surgery.json: '{code}' is not a surgery code.");
            map[s] = code;
        }
        foreach (var s in Enum.GetValues<PrimarySite>())
        {
            if (!map.ContainsKey(s)) throw new KnowledgeException($"site-surgery.json: no surgery code for site {WireCode<PrimarySite>.Of(s)}.");
        }
        return map;
    }

    private static List<(string, TeamRole[])> LoadTeam(KnowledgeSource source)
    {
        var dto = Deserialize(source, Folder + "team.json", PathwayJsonContext.Default.TeamDto);
        var list = new List<(string, TeamRole[])>();
        foreach (var (prefix, roles) in dto.ByCode)
        {
            var parsed = new TeamRole[roles.Count];
            for (var i = 0; i < roles.Count; i++)
            {
                if (!WireCode<TeamRole>.TryParse(roles[i], out parsed[i])) throw new KnowledgeException($"team.json: '{roles[i]}' is not a team role.");
            }
            list.Add((prefix, parsed));
        }
        return list;
    }

    /// <summary>
    /// A rule whose code is <c>@site-surgery</c> stands for the resection of the primary at each of
    /// its <c>sites</c>: it is expanded into one rule per site, with the site's surgery code.
    /// </summary>
    private static IEnumerable<RuleDto> Expand(RuleDto r, Dictionary<PrimarySite, string> siteSurgery, string file)
    {
        var usesSite = r.Code == "@site-surgery" || (r.Codes?.Contains("@site-surgery") ?? false);
        if (!usesSite)
        {
            if (r.Sites is not null) throw new KnowledgeException($"{file}: rule {r.Id} lists sites but has no @site-surgery code.");
            yield return r;
            yield break;
        }
        var sites = r.Sites ?? [.. WireCode<PrimarySite>.All];
        foreach (var siteText in sites)
        {
            if (!WireCode<PrimarySite>.TryParse(siteText, out var site)) throw new KnowledgeException($"{file}: rule {r.Id}: '{siteText}' is not a site.");
            var code = siteSurgery[site];
            yield return r with
            {
                Id = r.Id + "." + siteText,
                Code = r.Code == "@site-surgery" ? code : r.Code,
                Codes = r.Codes?.Select(c => c == "@site-surgery" ? code : c).ToList(),
                When = [.. (r.When ?? []), "site:" + siteText],
                Sites = null,
            };
        }
    }

    private static PathwayRule Compile(RuleDto r, string file, int order, CareVocabulary vocabulary)
    {
        var id = r.Id ?? throw new KnowledgeException($"{file}: a rule has no id.");
        if (!WireCode<RuleKind>.TryParse(r.Kind ?? "recommend", out var kind)) throw new KnowledgeException($"{file}: rule {id}: kind '{r.Kind}' is unknown.");
        var codes = new List<string>();
        if (r.Code is not null) codes.Add(r.Code);
        if (r.Codes is not null) codes.AddRange(r.Codes);
        codes = ExpandWildcards(codes, id, vocabulary);
        var indices = new int[codes.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            indices[i] = vocabulary.Contains(codes[i]) ? FactVocabulary.IndexOfCode(codes[i]) : -1;
            if (indices[i] < 0) throw new KnowledgeException($"{file}: rule {id}: '{codes[i]}' is not a code this knowledge version declares (codes.json).");
        }
        var needsCode = kind is RuleKind.Recommend or RuleKind.Contraindicate or RuleKind.Caution or RuleKind.Workup;
        if (needsCode && codes.Count == 0) throw new KnowledgeException($"{file}: rule {id} needs a code.");
        if (kind == RuleKind.Workup && !codes[0].StartsWith("workup.", StringComparison.Ordinal)) throw new KnowledgeException($"{file}: rule {id}: work-up rules take workup.* codes.");
        if (kind == RuleKind.Recommend && codes[0].StartsWith("workup.", StringComparison.Ordinal)) throw new KnowledgeException($"{file}: rule {id}: work-up codes go in workup rules.");
        if (r.Evidence is null || r.Evidence.Count == 0) throw new KnowledgeException($"{file}: rule {id} names no evidence.");
        var evidence = new List<Evidence>();
        foreach (var e in r.Evidence)
        {
            if (string.IsNullOrWhiteSpace(e.Source) || !WireCode<EvidenceKind>.TryParse(e.Kind, out var ek))
                throw new KnowledgeException($"{file}: rule {id}: evidence needs a source and a kind (guideline, trial, label, study, convention).");
            evidence.Add(new Evidence(Cite(e, file, id), ek));
        }
        var text = r.Rationale ?? r.Reason ?? r.Note ?? r.Message ?? throw new KnowledgeException($"{file}: rule {id} has no text (rationale, reason, note or message).");
        TeamRole? role = null;
        if (kind == RuleKind.Team)
        {
            if (!WireCode<TeamRole>.TryParse(r.Role, out var tr)) throw new KnowledgeException($"{file}: rule {id}: '{r.Role}' is not a team role.");
            role = tr;
        }
        var strength = Strength.Preferred;
        var intent = Intent.Supportive;
        if (kind == RuleKind.Recommend)
        {
            if (!WireCode<Strength>.TryParse(r.Strength, out strength)) throw new KnowledgeException($"{file}: rule {id}: strength '{r.Strength}' is not preferred, alternative or consider.");
            if (!WireCode<Intent>.TryParse(r.Intent, out intent)) throw new KnowledgeException($"{file}: rule {id}: intent '{r.Intent}' is unknown.");
        }
        if (kind == RuleKind.FollowUp && string.IsNullOrEmpty(r.Test)) throw new KnowledgeException($"{file}: rule {id}: follow-up rules need a test.");
        if (kind is RuleKind.Warn or RuleKind.Missing && string.IsNullOrEmpty(r.Target)) throw new KnowledgeException($"{file}: rule {id}: needs a target (warning code or field).");

        var conditions = new List<Predicate>();
        foreach (var w in r.When ?? []) conditions.Add(FactVocabulary.Compile(w, id));
        if (r.Any is { Count: > 0 } any) conditions.Add(FactVocabulary.AnyOf([.. any.Select(a => FactVocabulary.Compile(a, id))], id));
        if (r.Any2 is { Count: > 0 } any2) conditions.Add(FactVocabulary.AnyOf([.. any2.Select(a => FactVocabulary.Compile(a, id))], id));
        var secondPhase = (r.When ?? []).Concat(r.Any ?? []).Concat(r.Any2 ?? []).Any(w => w.TrimStart('!', '?').StartsWith("recommended:", StringComparison.Ordinal));

        var meaning = codes.Count > 0 && vocabulary.TryGet(codes[0], out var cc) ? cc.Meaning : role is { } rr ? WireCode<TeamRole>.Of(rr) : r.Test ?? r.Target ?? id;
        var nearMiss = new string[conditions.Count];
        var waits = new string[conditions.Count];
        for (var i = 0; i < conditions.Count; i++)
        {
            waits[i] = $"waits on: {conditions[i].Phrase} (unknown)";
            nearMiss[i] = kind switch
            {
                RuleKind.Recommend => $"with {conditions[i].Phrase}, {meaning} would be {WireCode<Strength>.Of(strength)}",
                RuleKind.Contraindicate => $"with {conditions[i].Phrase}, {meaning} would be ruled out",
                _ => $"with {conditions[i].Phrase}, this rule would apply",
            };
        }

        return new PathwayRule
        {
            Id = id,
            File = file,
            Kind = kind,
            Codes = codes,
            CodeIndices = indices,
            Role = role,
            Strength = strength,
            Intent = intent,
            Priority = r.Priority ?? 100,
            Order = order,
            ConditionArray = [.. conditions],
            Evals = [.. conditions.Select(c => c.Eval)],
            Text = text,
            Template = Template.Parse(text, id),
            Evidence = evidence,
            WouldChange = r.WouldChange ?? [],
            AfterProgression = r.AfterProgression,
            Always = r.Always ?? false,
            SettleUnknown = r.Settle ?? kind is RuleKind.Recommend or RuleKind.Workup or RuleKind.Contraindicate,
            ClearsFollowUp = r.ClearsFollowUp ?? false,
            Test = r.Test,
            EveryMonths = r.EveryMonths,
            ForYears = r.ForYears,
            Group = r.Group,
            Target = r.Target,
            SecondPhase = secondPhase,
            NearMiss = nearMiss,
            WaitsOn = waits,
        };
    }

    /// <summary>
    /// A source cited by registry id becomes its full citation with the locator and link, which is
    /// what assessments and pages show; the free text of versions released before the registry stays
    /// as it was released (it resolves through the registry's aliases, checked by the citation tests).
    /// </summary>
    private static string Cite(EvidenceDto e, string file, string id)
    {
        // Free text without a locator: a version released before the registry (its text resolves through the aliases).
        // (Text with spaces is never an id: the registry is not even read for a released version.)
        if (e.Locator is null && !(SourceRegistry.LooksLikeId(e.Source!) && SourceRegistry.Embedded.TryGet(e.Source!, out _))) return e.Source!;
        if (!SourceRegistry.Embedded.TryGet(e.Source!, out var entry)) throw new KnowledgeException($"{file}: rule {id}: source {e.Source} is not in knowledge/sources.json.");
        if (string.IsNullOrWhiteSpace(e.Locator)) throw new KnowledgeException($"{file}: rule {id}: source {e.Source} needs a locator (page, table or section).");
        return SourceRegistry.Cite(entry, e.Locator);
    }

    private static List<string> ExpandWildcards(List<string> codes, string id, CareVocabulary vocabulary)
    {
        var result = new List<string>();
        foreach (var c in codes)
        {
            if (!c.EndsWith(".*", StringComparison.Ordinal))
            {
                result.Add(c);
                continue;
            }
            var prefix = c[..^1];
            var before = result.Count;
            foreach (var code in vocabulary.All)
            {
                if (code.Code.StartsWith(prefix, StringComparison.Ordinal)) result.Add(code.Code);
            }
            if (result.Count == before) throw new KnowledgeException($"Pathway rule {id}: '{c}' matches no code.");
        }
        return result;
    }
}

/// <summary>
/// A rationale with {placeholders}, split once at load so that filling it is a plain append into
/// one builder per thread: a registry batch fills a dozen texts a case, and only the finished
/// string should reach the heap.
/// </summary>
internal sealed class Template
{
    /// <summary>Writes one fact of the case, in words, into the text being built.</summary>
    internal delegate void Placeholder(CaseFacts f, StringBuilder text);

    [ThreadStatic] private static StringBuilder? scratch;

    private readonly string[] literals;
    private readonly Placeholder[] values;

    private Template(string[] literals, Placeholder[] values)
    {
        this.literals = literals;
        this.values = values;
    }

    private static Placeholder Num(Func<CaseFacts, double?> value, string unit) => (f, text) =>
    {
        if (value(f) is { } x) text.Append(CultureInfo.InvariantCulture, $"{x:0.##}").Append(unit);
        else text.Append("not given");
    };

    private static Placeholder Words(Func<CaseFacts, string> value) => (f, text) => text.Append(value(f));

    /// <summary>The placeholders a rule text may use, each naming a fact of the case.</summary>
    internal static readonly Dictionary<string, Placeholder> Placeholders = new(StringComparer.Ordinal)
    {
        ["sizeMm"] = Num(f => f.Tumour.Size?.Value, " mm"),
        ["ki67Percent"] = Num(f => f.Tumour.Ki67?.Value, " %"),
        ["mitoses"] = Num(f => f.Tumour.Mitoses?.Value, " per 2 mm²"),
        ["krenningScore"] = Num(f => f.Case.Imaging.SstrPet.KrenningScore, ""),
        ["grade"] = Words(f => WireCode<GradeValue>.Of(f.Grade)),
        ["site"] = Words(f => f.Tumour.PrimarySite == PrimarySite.Other && f.Tumour.OtherSite is { } o ? o : WireCode<PrimarySite>.Of(f.Tumour.PrimarySite)),
        ["syndrome"] = Words(f => f.Tumour.FunctionalSyndrome is { } s ? WireCode<FunctionalSyndrome>.Of(s) : "not given"),
        ["egfr"] = Num(f => f.Case.Labs.EgfrMlMin, " mL/min"),
        ["bilirubin"] = Num(f => f.Case.Labs.BilirubinXUln, " x ULN"),
        ["platelets"] = Num(f => f.Case.Labs.PlateletsPerNl, "/nL"),
        ["hb"] = Num(f => f.Case.Labs.HemoglobinGDl, " g/dL"),
        ["neutrophils"] = Num(f => f.Case.Labs.NeutrophilsPerNl, "/nL"),
        ["ntProBnp"] = Num(f => f.Case.Labs.NtProBnpPgMl, " pg/mL"),
        ["cga"] = Num(f => f.Case.Labs.ChromograninAXUln, " x ULN"),
        ["urine5hiaa"] = Num(f => f.Case.Labs.Urine5HiaaMg24h, " mg/24 h"),
        ["liverBurden"] = Num(f => f.Tumour.LiverTumourBurden?.Value, " %"),
        ["ecog"] = Num(f => f.Case.Patient.Ecog, ""),
        ["age"] = Num(f => f.Case.Patient.AgeYears, " years"),
        ["diarrheaPerDay"] = Num(f => f.Case.Symptoms.DiarrheaPerDay, ""),
        ["mesoappendix"] = Num(f => f.Tumour.MesoappendixInvasion?.Value, " mm"),
        ["depth"] = Words(f => f.Tumour.Depth is { } d ? WireCode<Depth>.Of(d) : "not given"),
        ["margin"] = Words(f => f.Tumour.Resection.Margin is { } m ? WireCode<ResectionMargin>.Of(m) : "not given"),
        ["gastricType"] = Num(f => f.Tumour.GastricType, ""),
        ["tumourCount"] = Num(f => f.Tumour.TumourCount, ""),
        ["priorLines"] = (f, text) => text.Append(f.PriorSystemicLines),
        ["priorTherapies"] = PriorTherapies,
        ["metastases"] = Metastases,
        ["germline"] = Germline,
        // Staging is an extra where present (docs/decisions/0200): never a condition, only words.
        ["stage"] = Stage,
        ["nodes"] = Nodes,
    };

    private static void PriorTherapies(CaseFacts f, StringBuilder text)
    {
        var therapies = f.Case.History.PriorTherapies;
        if (therapies.Count == 0)
        {
            text.Append("none");
            return;
        }
        for (var i = 0; i < therapies.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(therapies[i].Code);
            if (therapies[i].Outcome is { } o) text.Append(" (").Append(WireCode<TherapyOutcome>.Of(o)).Append(')');
        }
    }

    private static void Germline(CaseFacts f, StringBuilder text)
    {
        var germline = f.Case.Patient.Germline;
        if (germline.IsEmpty)
        {
            text.Append("none known");
            return;
        }
        var first = true;
        foreach (var g in germline)
        {
            if (!first) text.Append(", ");
            text.Append(WireCode<GermlineSyndrome>.Of(g));
            first = false;
        }
    }

    private static void Stage(CaseFacts f, StringBuilder text)
    {
        foreach (var s in f.Picture.Staging)
        {
            if (s.System == "AJCC8" && s.Group is { } g)
            {
                text.Append("AJCC 8 stage ").Append(g);
                return;
            }
        }
        text.Append("stage not assigned");
    }

    private static void Metastases(CaseFacts f, StringBuilder text)
    {
        if (f.Tumour.Metastases is not { } m)
        {
            text.Append("distant disease not recorded");
            return;
        }
        var start = text.Length;
        if (m.Liver == true) text.Append("metastases in liver");
        foreach (var s in m.Extrahepatic)
        {
            text.Append(text.Length == start ? "metastases in " : ", ").Append(WireCode<MetastaticSite>.Of(s));
        }
        if (text.Length == start) text.Append("no distant metastases");
    }

    private static void Nodes(CaseFacts f, StringBuilder text)
    {
        if (f.Tumour.LymphNodes.Positive is { } p)
        {
            text.Append(p).Append(" of ");
            if (f.Tumour.LymphNodes.Examined is { } examined) text.Append(examined);
            else text.Append("not given");
            text.Append(" nodes positive");
        }
        else text.Append(f.Tumour.Tnm.N ?? "nodes not given");
    }

    public static Template Parse(string text, string ruleId)
    {
        var literals = new List<string>();
        var values = new List<Placeholder>();
        var start = 0;
        while (true)
        {
            var open = text.IndexOf('{', start);
            if (open < 0) break;
            var close = text.IndexOf('}', open);
            if (close < 0) throw new KnowledgeException($"Pathway rule {ruleId}: unclosed placeholder in '{text}'.");
            var name = text[(open + 1)..close];
            if (!Placeholders.TryGetValue(name, out var value))
                throw new KnowledgeException($"Pathway rule {ruleId}: unknown placeholder {{{name}}} (known: {string.Join(", ", Placeholders.Keys)}).");
            literals.Add(text[start..open]);
            values.Add(value);
            start = close + 1;
        }
        literals.Add(text[start..]);
        return new Template([.. literals], [.. values]);
    }

    public string Fill(CaseFacts f)
    {
        if (values.Length == 0) return literals[0];
        var text = scratch ??= new StringBuilder(512);
        text.Clear().Append(literals[0]);
        for (var i = 0; i < values.Length; i++)
        {
            values[i](f, text);
            text.Append(literals[i + 1]);
        }
        return text.ToString();
    }
}

internal sealed record RuleFileDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    /// <summary>Required in the first version that has the file; a later version's file may leave it out.</summary>
    public string? Title { get; init; }
    public string? About { get; init; }
    public List<RuleDto>? Rules { get; init; }
    /// <summary>In a later version's file: the ids of rules it removes from the parent's.</summary>
    public List<string>? Withdraw { get; init; }
}

internal sealed record RuleDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public string? Id { get; init; }
    public string? Kind { get; init; }
    public string? Code { get; init; }
    public List<string>? Codes { get; init; }
    public List<string>? Sites { get; init; }
    public string? Role { get; init; }
    public string? Strength { get; init; }
    public string? Intent { get; init; }
    public int? Priority { get; init; }
    public List<string>? When { get; init; }
    public List<string>? Any { get; init; }
    public List<string>? Any2 { get; init; }
    public string? Rationale { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public string? Message { get; init; }
    public List<EvidenceDto>? Evidence { get; init; }
    public List<string>? WouldChange { get; init; }
    public string? AfterProgression { get; init; }
    public bool? Always { get; init; }
    public bool? Settle { get; init; }
    public bool? ClearsFollowUp { get; init; }
    public string? Test { get; init; }
    public double? EveryMonths { get; init; }
    public int? ForYears { get; init; }
    public string? Group { get; init; }
    public string? Target { get; init; }
}

internal sealed record EvidenceDto
{
    /// <summary>A source id of knowledge/sources.json (free text in versions released before the registry).</summary>
    public string? Source { get; init; }
    /// <summary>Where in the source: page, table, section.</summary>
    public string? Locator { get; init; }
    public string? Kind { get; init; }
}

internal sealed record SiteSurgeryDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public required Dictionary<string, string> Sites { get; init; }
}

internal sealed record TeamDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public required Dictionary<string, List<string>> ByCode { get; init; }
}

internal sealed record PatientLanguageDto
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public Dictionary<string, string>? Codes { get; init; }
    public Dictionary<string, string>? Grades { get; init; }
    public Dictionary<string, string>? StageGroups { get; init; }
    public Dictionary<string, string>? Roles { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RuleFileDto))]
[JsonSerializable(typeof(SiteSurgeryDto))]
[JsonSerializable(typeof(TeamDto))]
[JsonSerializable(typeof(PatientLanguageDto))]
internal sealed partial class PathwayJsonContext : JsonSerializerContext;
