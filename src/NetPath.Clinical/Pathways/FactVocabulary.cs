using System.Globalization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Pathways;

/// <summary>What settles an unknown fact: the case field to fill and, where a test gives it, the work-up code.</summary>
public sealed record Settle(string? Field, string Why, string? WorkupCode);

/// <summary>
/// One compiled condition of a rule (e.g. <c>ki67&lt;10</c>, <c>site:pancreas|duodenum</c>,
/// <c>!metastatic</c>, <c>?sstr-positive</c> = "SSTR status is unknown"). Compiled once at load.
/// </summary>
public sealed class Predicate
{
    internal Predicate(string expression, Func<CaseFacts, Tri> eval, string phrase, Settle? settle, Predicate[]? parts = null)
    {
        Expression = expression;
        Eval = eval;
        Phrase = phrase;
        Settle = settle;
        Parts = parts;
    }

    /// <summary>The alternatives of an <c>any</c> group, each settled on its own when unknown.</summary>
    internal Predicate[]? Parts { get; }

    public string Expression { get; }
    /// <summary>What the condition says in words when it holds ("Ki-67 under 10 %").</summary>
    public string Phrase { get; }
    public Settle? Settle { get; }
    internal Func<CaseFacts, Tri> Eval { get; }
}

/// <summary>A named fact of the vocabulary, documented for the generated clinical pages.</summary>
public sealed record FactEntry(string Syntax, string Meaning);

/// <summary>
/// The small fact vocabulary the pathway rule files are written in, implemented once here. Every
/// fact is three-valued: absent input is unknown, and a rule waiting on it asks for it.
/// Syntax: <c>name</c> (flag), <c>name:a|b</c> (one of), <c>name&lt;=20</c> (number),
/// <c>!x</c> (not), <c>?x</c> (x is unknown).
/// </summary>
public static class FactVocabulary
{
    private sealed record Numeric(string Label, string Unit, Func<CaseFacts, double?> Get, Settle? Settle, IReadOnlyDictionary<string, double>? Named = null);

    private sealed record Flag(string Phrase, Func<CaseFacts, Tri> Eval, Settle? Settle);

    private sealed record Option(string Label, Func<string, Func<CaseFacts, Tri>?> Compile, Settle? Settle, string Values);

    private static readonly Settle SettleSstr = new("imaging.sstrPet", "SSTR status decides somatostatin analogue and PRRT eligibility.", "workup.sstr-pet");
    private static readonly Settle SettleMets = new("tumour.metastases", "Distant disease decides curative surgery versus systemic treatment.", "workup.cross-sectional-imaging");
    private static readonly Settle SettleKi67 = new("tumour.ki67Percent", "Ki-67 decides between surveillance, SSA, PRRT and chemotherapy.", "workup.ki67");
    private static readonly Settle SettleGrade = new("tumour.ki67Percent", "The grade decides the treatment pathway and the follow-up interval.", "workup.ki67");
    private static readonly Settle SettleDiff = new("tumour.differentiation", "Well-differentiated NET versus NEC decides the whole pathway.", "workup.ki67");
    private static readonly Settle SettleNodes = new("tumour.lymphNodes", "Nodal disease decides surveillance or local excision versus oncological resection.", null);
    private static readonly Settle SettleResectability = new("tumour.resectability", "Whether all disease can be removed decides surgery versus systemic or liver-directed therapy.", null);
    private static readonly Settle SettleCourse = new("history.priorTherapies", "The dates of the prior therapies decide whether the latest outcome is progression or disease control, and so whether a next line is due.", null);
    private static readonly Settle SettleSyndrome = new("tumour.functionalSyndrome", "A hormone syndrome adds symptom control and changes surgery.", null);

    private static readonly Dictionary<string, double> DepthOrder = new(StringComparer.Ordinal)
    {
        ["lamina-propria"] = 0, ["submucosa"] = 1, ["sphincter-of-oddi"] = 1, ["duodenal-submucosa"] = 2,
        ["muscularis-propria"] = 2, ["subserosa"] = 3, ["serosa"] = 4,
    };

    private static readonly Dictionary<string, Numeric> Numerics = new(StringComparer.Ordinal)
    {
        ["size"] = new("primary tumour size", " mm", f => f.Tumour.Size?.Value, new("tumour.sizeMm", "The size of the primary decides between surveillance, local and oncological resection.", null)),
        ["ki67"] = new("Ki-67", " %", f => f.Tumour.Ki67?.Value, SettleKi67),
        ["mitoses"] = new("mitotic count", " per 2 mm²", f => f.Tumour.Mitoses?.Value, new("tumour.mitosesPer2mm2", "The mitotic count grades the tumour with Ki-67.", "workup.ki67")),
        ["krenning"] = new("Krenning score", "", f => f.Case.Imaging.SstrPet.KrenningScore, new("imaging.sstrPet.krenningScore", "PRRT needs uptake above liver (Krenning 3-4).", "workup.sstr-pet")),
        ["egfr"] = new("eGFR", " mL/min", f => f.Case.Labs.EgfrMlMin, new("labs.egfrMlMin", "Kidney function decides PRRT and some chemotherapy.", null)),
        ["bilirubin"] = new("bilirubin", " x ULN", f => f.Case.Labs.BilirubinXUln, new("labs.bilirubinXUln", "Bilirubin decides liver-directed therapy and drug doses.", null)),
        ["platelets"] = new("platelets", "/nL", f => f.Case.Labs.PlateletsPerNl, new("labs.plateletsPerNl", "Blood counts decide PRRT and chemotherapy safety.", null)),
        ["hb"] = new("haemoglobin", " g/dL", f => f.Case.Labs.HemoglobinGDl, new("labs.hemoglobinGDl", "Blood counts decide PRRT and chemotherapy safety.", null)),
        ["neutrophils"] = new("neutrophils", "/nL", f => f.Case.Labs.NeutrophilsPerNl, new("labs.neutrophilsPerNl", "Blood counts decide PRRT and chemotherapy safety.", null)),
        ["albumin"] = new("albumin", " g/L", f => f.Case.Labs.AlbuminGL, null),
        ["ntprobnp"] = new("NT-proBNP", " pg/mL", f => f.Case.Labs.NtProBnpPgMl, new("labs.ntProBnpPgMl", "NT-proBNP screens for carcinoid heart disease.", "workup.nt-probnp")),
        ["cga"] = new("chromogranin A", " x ULN", f => f.Case.Labs.ChromograninAXUln, null),
        ["urine-5hiaa"] = new("24-hour urine 5-HIAA", " mg/24 h", f => f.Case.Labs.Urine5HiaaMg24h, new("labs.urine5HiaaMg24h", "5-HIAA confirms serotonin excess.", "workup.urine-5hiaa")),
        ["gastrin"] = new("gastrin", " x ULN", f => f.Case.Labs.GastrinXUln, new("labs.gastrinXUln", "Gastrin separates gastric NET types and flags gastrinoma.", "workup.hormone-panel")),
        ["age"] = new("age", " years", f => f.Case.Patient.AgeYears, new("patient.ageYears", "Age under 40 calls for germline testing.", null)),
        ["ecog"] = new("ECOG performance status", "", f => f.Case.Patient.Ecog, new("patient.ecog", "Fitness (ECOG) decides surgery, chemotherapy and targeted drugs.", null)),
        ["liver-burden"] = new("liver tumour burden", " %", f => f.Tumour.LiverTumourBurden?.Value, new("tumour.liverTumourBurdenPercent", "Liver tumour burden decides liver-directed therapy (70 % or less).", "workup.liver-mri")),
        ["diarrhea-per-day"] = new("bowel movements per day", "", f => f.Case.Symptoms.DiarrheaPerDay, new("symptoms.diarrheaPerDay", "Bowel movements a day on SSA decide telotristat (TELESTAR: 4 or more).", null)),
        ["flushes-per-day"] = new("flushes per day", "", f => f.Case.Symptoms.FlushesPerDay, null),
        ["mesoappendix"] = new("mesoappendiceal invasion", " mm", f => f.Tumour.MesoappendixInvasion?.Value, new("tumour.mesoappendixInvasionMm", "Mesoappendiceal invasion over 3 mm is a risk factor for nodal disease.", null)),
        ["tumour-count"] = new("number of tumours", "", f => f.Tumour.TumourCount, null),
        ["nodes-positive"] = new("positive lymph nodes", "", f => f.Tumour.LymphNodes.Positive, SettleNodes),
        ["prior-lines"] = new("prior systemic lines", "", f => f.PriorSystemicLines, null),
        ["lines-beyond-ssa"] = new("prior systemic lines other than SSA", "", f => f.LinesBeyondSsa, null),
        ["depth"] = new("depth of invasion", "", f => f.Tumour.Depth is { } d ? DepthOrder[WireCode<Depth>.Of(d)] : null,
            new("tumour.depth", "Depth of invasion decides endoscopic versus surgical resection.", "workup.eus"), DepthOrder),
    };

    private static readonly Dictionary<string, Flag> Flags = new(StringComparer.Ordinal)
    {
        ["well-differentiated"] = new("well-differentiated", f => f.WellDifferentiated, SettleDiff),
        ["nec"] = new("neuroendocrine carcinoma (poorly differentiated, high grade)", f => f.Nec, SettleDiff),
        ["functioning"] = new("a hormone syndrome", f => f.Functioning, SettleSyndrome),
        ["named-syndrome"] = new("a named hormone syndrome", f => f.NamedSyndrome, null),
        ["metastatic"] = new("distant metastases", f => f.Metastatic, SettleMets),
        ["liver-metastases"] = new("liver metastases", f => f.LiverMetastases, SettleMets),
        ["extrahepatic-metastases"] = new("extrahepatic metastases", f => f.ExtrahepaticMetastases, SettleMets),
        ["liver-only"] = new("metastases in the liver only", f => f.LiverOnly, SettleMets),
        ["liver-dominant"] = new("liver-dominant metastases (other sites bone or distant nodes only)", f => f.LiverDominant, SettleMets),
        ["node-positive"] = new("nodal disease", f => f.NodePositive, SettleNodes),
        ["node-positive-reported"] = new("nodal disease reported", f => TriOps.Of(f.NodePositive == Tri.True), null),
        ["mesenteric-mass"] = new("a mesenteric mass over 2 cm", f => TriOps.Of(f.Tumour.LymphNodes.MesentericMassOver2cm), null),
        ["resectable"] = new("all disease resectable", f => f.Resectable, SettleResectability),
        ["unresectable"] = new("unresectable disease", f => f.Unresectable, SettleResectability),
        ["advanced"] = new("advanced disease (metastatic or unresectable)", f => f.Advanced, SettleMets),
        ["progressive"] = new("progression on a previous therapy", f => TriOps.Of(f.AnyProgression), null),
        // From knowledge 2026.12: "progressive" stays as released for older versions; rules read this one.
        ["progressing-now"] = new("disease progressing now (no response or stable disease dated after the last progression)", f => f.ProgressingNow, SettleCourse),
        ["controlled-after-course"] = new("disease controlled after a completed course (response or stable disease, no progression since, no anticancer drug running)", f => f.ControlledAfterCourse, SettleCourse),
        ["resected"] = new("the primary already resected", f => f.Resected, new("tumour.resection", "Whether the primary was resected decides further surgery and follow-up.", null)),
        ["lvi"] = new("lymphovascular invasion", f => TriOps.Of(f.Tumour.LymphovascularInvasion), new("tumour.lymphovascularInvasion", "Lymphovascular invasion is a risk factor for nodal spread.", null)),
        // conventions §4: duct dilatation and jaundice count only where reported.
        // Before resection lymphovascular invasion is rarely known: rules for unresected tumours read only what is reported.
        ["lvi-reported"] = new("lymphovascular invasion reported", f => TriOps.Of(f.Tumour.LymphovascularInvasion == true), null),
        ["duct-dilatation"] = new("main duct dilatation reported", f => TriOps.Of(f.Tumour.MainDuctDilatation == true), null),
        ["pregnant"] = new("pregnancy", f => f.Pregnant, new("patient.pregnant", "Pregnancy rules out PRRT and cytotoxic or targeted drugs.", null)),
        ["sstr-positive"] = new("SSTR-positive disease", f => f.SstrPositive, SettleSstr),
        ["sstr-done"] = new("SSTR PET done", f => f.SstrDone, SettleSstr),
        ["fdg-positive"] = new("FDG-positive disease", f => f.FdgPositive, new("imaging.fdgPet", "FDG uptake flags aggressive disease.", "workup.fdg-pet")),
        ["fdg-done"] = new("FDG PET done", f => f.FdgDone, null),
        ["on-ppi"] = new("taking a proton pump inhibitor", f => TriOps.Of(f.Case.Labs.OnPpi == true), null),
        ["refractory-syndrome"] = new("hormone syndrome symptoms despite a somatostatin analogue", f => f.RefractorySyndrome, SettleSyndrome),
        ["multifocal"] = new("more than one primary tumour", f => f.Tumour.TumourCount is { } n ? TriOps.Of(n > 1) : Tri.Unknown, null),
        ["grade-known"] = new("a known grade", f => f.GradeKnown, SettleGrade),
        ["germline-known"] = new("a known hereditary syndrome", f => TriOps.Of(!f.Case.Patient.Germline.IsEmpty), null),
        ["symptomatic"] = new("symptoms", f => TriOps.Of(!f.Case.Symptoms.Present.IsEmpty), null),
    };

    private static readonly Dictionary<string, Option> Options = new(StringComparer.Ordinal)
    {
        ["site"] = EnumOption<PrimarySite>("primary site", f => f.Tumour.PrimarySite, null),
        ["family"] = EnumOption<ClassificationFamily>("tumour family", f => f.Picture.Classification.Family, null),
        ["grade"] = new("grade", v => WireCode<GradeValue>.TryParse(v, out var g)
            ? f => f.Grade is GradeValue.Unknown ? Tri.Unknown : TriOps.Of(f.Grade == g) : null, SettleGrade, string.Join(", ", WireCode<GradeValue>.All)),
        ["syndrome"] = EnumOption<FunctionalSyndrome>("hormone syndrome", f => f.Tumour.FunctionalSyndrome, SettleSyndrome),
        ["histology"] = EnumOption<HistologicType>("histologic type", f => f.Picture.Classification.HistologicType, null),
        ["sex"] = EnumOption<Sex>("sex", f => f.Case.Patient.Sex, null),
        ["depth-is"] = EnumOption<Depth>("depth", f => f.Tumour.Depth, null),
        ["margin"] = EnumOption<ResectionMargin>("resection margin", f => f.Tumour.Resection.Margin, new("tumour.resection.margin", "The margin decides re-resection and follow-up.", null)),
        ["resectability"] = EnumOption<Resectability>("resectability", f => f.Tumour.Resectability, SettleResectability),
        ["paraganglioma-type"] = new("paraganglioma type", v => WireCode<ParagangliomaType>.TryParse(v, out var pt)
            ? f => f.Tumour.ParagangliomaType is { } t ? TriOps.Of(t == pt) : f.Tumour.PrimarySite == PrimarySite.ExtraAdrenalParaganglion ? Tri.Unknown : Tri.False : null,
            new("tumour.paragangliomaType", "Sympathetic versus parasympathetic decides work-up and treatment.", null), string.Join(", ", WireCode<ParagangliomaType>.All)),
        ["gastric-type"] = new("gastric NET type", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var type) && type is >= 1 and <= 3
            ? f => f.Tumour.PrimarySite != PrimarySite.Stomach ? Tri.False : f.Tumour.GastricType is { } t ? TriOps.Of(t == type) : Tri.Unknown : null,
            new("tumour.gastricType", "Gastric NET type (1 atrophic gastritis, 2 gastrinoma, 3 sporadic) decides surveillance versus gastrectomy.", "workup.endoscopy"), "1, 2, 3"),
        ["germline"] = new("hereditary syndrome", v => WireCode<GermlineSyndrome>.TryParse(v, out var g)
            ? f => TriOps.Of(f.Case.Patient.Germline.Contains(g)) : null, null, string.Join(", ", WireCode<GermlineSyndrome>.All)),
        ["symptom"] = new("symptom", v => WireCode<Symptom>.TryParse(v, out var s)
            ? f => TriOps.Of(f.Case.Symptoms.Present.Contains(s)) : null, null, string.Join(", ", WireCode<Symptom>.All)),
        ["invades"] = new("invasion of", v => WireCode<InvadedStructure>.TryParse(v, out var s)
            ? f => TriOps.Of(f.Tumour.Invades.Contains(s)) : null, null, string.Join(", ", WireCode<InvadedStructure>.All)),
        ["metastasis"] = new("metastases in", v => WireCode<MetastaticSite>.TryParse(v, out var s)
            ? f => f.MetastasisAt(s) : null, SettleMets, string.Join(", ", WireCode<MetastaticSite>.All)),
        ["tried"] = TherapyOption("already treated with", (f, c) => f.Tried(c)),
        ["progressed-on"] = TherapyOption("progression on", (f, c) => f.ProgressedOn(c)),
        ["intolerant-of"] = TherapyOption("intolerance of", (f, c) => f.IntolerantOf(c)),
        ["on"] = TherapyOption("currently on", (f, c) => f.On(c)),
        ["responded-to"] = TherapyOption("response or stable disease on", (f, c) => f.RespondedTo(c)),
        ["recommended"] = new("recommended now", CompileRecommended, null, "a care code, or a prefix ending in .* (surgery.*)"),
    };

    private static Option EnumOption<T>(string label, Func<CaseFacts, T?> get, Settle? settle) where T : struct, Enum =>
        new(label, v => WireCode<T>.TryParse(v, out var wanted)
            ? f => get(f) is { } actual ? TriOps.Of(EqualityComparer<T>.Default.Equals(actual, wanted)) : Tri.Unknown
            : null, settle, string.Join(", ", WireCode<T>.All));

    private static Option TherapyOption(string label, Func<CaseFacts, string, bool> test) =>
        new(label, v => CareCodes.TryGet(v, out _) ? f => TriOps.Of(test(f, v)) : null, null, "a treatment code");

    private static Func<CaseFacts, Tri>? CompileRecommended(string value)
    {
        var all = CareCodes.All;
        if (value.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = value[..^1];
            var indices = new List<int>();
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i].Code.StartsWith(prefix, StringComparison.Ordinal)) indices.Add(i);
            }
            if (indices.Count == 0) return null;
            var ix = indices.ToArray();
            return f =>
            {
                foreach (var i in ix)
                {
                    if (f.Recommended[i]) return Tri.True;
                }
                return Tri.False;
            };
        }
        var index = IndexOfCode(value);
        return index < 0 ? null : f => TriOps.Of(f.Recommended[index]);
    }

    /// <summary>The code's index in the build's whole vocabulary, which every version shares.</summary>
    internal static int IndexOfCode(string code) => CareCodes.IndexOf(code);

    /// <summary>Every fact name with its syntax and meaning, for the generated documentation.</summary>
    public static IReadOnlyList<FactEntry> Entries()
    {
        var list = new List<FactEntry>();
        foreach (var (name, flag) in Flags) list.Add(new(name, flag.Phrase));
        foreach (var (name, n) in Numerics) list.Add(new($"{name}<=x, {name}<x, {name}>=x, {name}>x, {name}=x", $"{n.Label}{(n.Unit.Length > 0 ? " (" + n.Unit.Trim() + ")" : "")}{(n.Named is null ? "" : "; named values: " + string.Join(", ", n.Named.Keys))}"));
        foreach (var (name, o) in Options) list.Add(new($"{name}:a|b", $"{o.Label}, one of: {o.Values}"));
        list.Add(new("<numeric name>", "the number is given (use ?name for: it is missing)"));
        list.Add(new("!x", "x does not hold (unknown stays unknown)"));
        list.Add(new("?x", "x is unknown: the case does not give the fact"));
        list.Sort((a, b) => string.CompareOrdinal(a.Syntax, b.Syntax));
        return list;
    }

    /// <summary>Compiles one condition; throws <see cref="KnowledgeException"/> naming the rule when it is not in the vocabulary.</summary>
    public static Predicate Compile(string expression, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.StartsWith('!'))
        {
            var inner = Compile(expression[1..], ruleId);
            var eval = inner.Eval;
            return new Predicate(expression, f => TriOps.Not(eval(f)), "not " + inner.Phrase, inner.Settle);
        }
        if (expression.StartsWith('?'))
        {
            var inner = Compile(expression[1..], ruleId);
            var eval = inner.Eval;
            return new Predicate(expression, f => TriOps.Of(eval(f) == Tri.Unknown), inner.Phrase + " unknown", null);
        }
        if (Flags.TryGetValue(expression, out var flag)) return new Predicate(expression, flag.Eval, flag.Phrase, flag.Settle);
        // A bare numeric fact holds when the case gives it; with ? it asks whether it is missing.
        if (Numerics.TryGetValue(expression, out var given))
        {
            var get = given.Get;
            return new Predicate(expression, f => get(f) is null ? Tri.Unknown : Tri.True, given.Label + " given", given.Settle);
        }

        var colon = expression.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var name = expression[..colon];
            if (!Options.TryGetValue(name, out var option))
                throw new KnowledgeException($"Pathway rule {ruleId}: '{name}' is not a fact of the vocabulary (in '{expression}').");
            var values = expression[(colon + 1)..].Split('|');
            var tests = new Func<CaseFacts, Tri>[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                tests[i] = option.Compile(values[i])
                    ?? throw new KnowledgeException($"Pathway rule {ruleId}: '{values[i]}' is not a value of {name} (allowed: {option.Values}).");
            }
            var phrase = option.Label + " " + string.Join(" or ", values);
            if (tests.Length == 1) return new Predicate(expression, tests[0], phrase, option.Settle);
            return new Predicate(expression, f => AnyOf(tests, f), phrase, option.Settle);
        }

        foreach (var op in (ReadOnlySpan<string>)["<=", ">=", "<", ">", "="])
        {
            var at = expression.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0) continue;
            var name = expression[..at];
            if (!Numerics.TryGetValue(name, out var numeric))
                throw new KnowledgeException($"Pathway rule {ruleId}: '{name}' is not a numeric fact (in '{expression}').");
            var text = expression[(at + op.Length)..];
            double bound;
            if (numeric.Named is not null && numeric.Named.TryGetValue(text, out var named)) bound = named;
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out bound))
                throw new KnowledgeException($"Pathway rule {ruleId}: '{text}' is not a number (in '{expression}').");
            var get = numeric.Get;
            Func<CaseFacts, Tri> eval = op switch
            {
                "<=" => f => get(f) is { } v ? TriOps.Of(v <= bound) : Tri.Unknown,
                ">=" => f => get(f) is { } v ? TriOps.Of(v >= bound) : Tri.Unknown,
                "<" => f => get(f) is { } v ? TriOps.Of(v < bound) : Tri.Unknown,
                ">" => f => get(f) is { } v ? TriOps.Of(v > bound) : Tri.Unknown,
                _ => f => get(f) is { } v ? TriOps.Of(v == bound) : Tri.Unknown,
            };
            var words = op switch { "<=" => "of at most", ">=" => "of at least", "<" => "under", ">" => "over", _ => "of" };
            var shown = numeric.Named is not null && numeric.Named.ContainsKey(text) ? text : text + numeric.Unit;
            return new Predicate(expression, eval, $"{numeric.Label} {words} {shown}", numeric.Settle);
        }
        throw new KnowledgeException($"Pathway rule {ruleId}: '{expression}' is not in the fact vocabulary.");
    }

    internal static Predicate AnyOf(IReadOnlyList<Predicate> parts, string ruleId)
    {
        if (parts.Count == 0) throw new KnowledgeException($"Pathway rule {ruleId}: 'any' is empty.");
        var evals = new Func<CaseFacts, Tri>[parts.Count];
        var phrases = new string[parts.Count];
        Settle? settle = null;
        for (var i = 0; i < parts.Count; i++)
        {
            evals[i] = parts[i].Eval;
            phrases[i] = parts[i].Phrase;
            settle ??= parts[i].Settle;
        }
        return new Predicate("any(" + string.Join(", ", parts.Select(p => p.Expression)) + ")", f => AnyOf(evals, f), string.Join(" or ", phrases), settle, [.. parts]);
    }

    private static Tri AnyOf(Func<CaseFacts, Tri>[] tests, CaseFacts f)
    {
        var unknown = false;
        foreach (var t in tests)
        {
            var r = t(f);
            if (r == Tri.True) return Tri.True;
            if (r == Tri.Unknown) unknown = true;
        }
        return unknown ? Tri.Unknown : Tri.False;
    }
}
