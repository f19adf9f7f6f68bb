using System.Globalization;
using System.Text.RegularExpressions;

namespace NetPath.Clinical.Trials;

/// <summary>
/// Turns the curated NET block (<c>x_net</c>) of a record into criteria, each tied to the sentence
/// of the eligibility text that says it (the sentence naming the same thing: "Ki-67", "ECOG",
/// "platelets"). Curated items the structure cannot hold faithfully (a therapy excluded only
/// "within 12 weeks", a requirement that differs by cohort) become criteria to check by hand.
/// </summary>
internal static partial class CuratedEligibility
{
    public static List<TrialCriterion> Read(NetOverlay x, IReadOnlyList<EligibilitySentence> sentences, IReadOnlyList<string> uncertainFields)
    {
        var list = Structured(x, sentences);
        // What the curator marked as inferred or unsure may not exclude anyone: a person checks it.
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            if (c.Kind == CriterionKind.FreeText) continue;
            var field = FieldOf(c.Id);
            var doubt = uncertainFields.FirstOrDefault(u => u.StartsWith("x_net." + field, StringComparison.Ordinal)
                || (field == "differentiation" && u.StartsWith("x_net.population", StringComparison.Ordinal)));
            if (doubt is null) continue;
            list[i] = c with { Kind = CriterionKind.FreeText, Note = $"{CriterionWords.Requirement(c)} (the curated reading is uncertain: {doubt["x_net.".Length..]})" };
        }
        return list;
    }

    private static string FieldOf(string criterionId) => criterionId.Split('.')[0] switch
    {
        "differentiation" => "differentiation",
        "primary-site" => "primarySites",
        "grade" => "grades",
        "ki67" => "ki67",
        "sstr" => "sstrImaging",
        "extent" or "progression" => "diseaseSetting",
        "measurable" => "measurableDiseaseRequired",
        "prior-required" => "priorTherapyRequired",
        "prior-excluded" => "priorTherapyExcluded",
        "prior-lines" => "maxPriorSystemicLines",
        "ecog" => "ecogMax",
        "karnofsky" => "karnofskyMin",
        "lansky" => "lanskyMin",
        "age" => "age",
        "lab" => "labs",
        var other => other,
    };

    private static List<TrialCriterion> Structured(NetOverlay x, IReadOnlyList<EligibilitySentence> sentences)
    {
        var list = new List<TrialCriterion>();
        var inc = CriterionSection.Inclusion;
        var exc = CriterionSection.Exclusion;

        var differentiation = x.Differentiation is { Count: > 0 } d ? d.Select(v => v.ToLowerInvariant()).Where(v => v is "well" or "poor").ToList()
            : x.Population switch { "WD_NET" => ["well"], "PD_NEC" => ["poor"], _ => new List<string>() };
        if (differentiation.Count is 1)
            Add(list, sentences, "differentiation", CriterionKind.Differentiation, inc, DifferentiationWords(), $"population: {x.Population}; differentiation: {string.Join(", ", differentiation)}", c => c with { Values = differentiation });

        if (x.PrimarySites is { Count: > 0 } sites)
            Add(list, sentences, "primary-site", CriterionKind.PrimarySite, inc, SiteWords(), "primary sites: " + string.Join(", ", sites.Select(TrialSites.Label)), c => c with { Values = [.. sites] });

        if (x.Grades is { Count: > 0 } grades)
        {
            var codes = grades.Select(g => g.Replace('_', '-')).ToList();
            Add(list, sentences, "grade", CriterionKind.Grade, inc, GradeWords(), "grades: " + string.Join(", ", codes), c => c with { Values = codes });
        }

        if (x.Ki67 is { } k && (k.Min is not null || k.Max is not null))
            Add(list, sentences, "ki67", CriterionKind.Ki67, inc, Ki67Words(), "Ki-67 range", c => c with { Min = k.Min, MinInclusive = k.MinInclusive ?? true, Max = k.Max, MaxInclusive = k.MaxInclusive ?? true });

        if (x.SstrImaging is { Required: true } s)
            Add(list, sentences, "sstr", CriterionKind.SstrPositive, inc, SstrWords(), s.Definition ?? "SSTR-positive disease", c => c with { Note = s.Definition });

        if (x.DiseaseSetting is { } setting)
        {
            var extent = setting.Contains("resected", StringComparison.Ordinal) ? "resected" : "advanced";
            Add(list, sentences, "extent", CriterionKind.DiseaseExtent, inc, extent == "resected" ? ResectedWords() : AdvancedWords(), "disease setting: " + setting.Replace('_', ' '), c => c with { Values = [extent] });
            if (setting.Contains("progressive", StringComparison.Ordinal))
                Add(list, sentences, "progression", CriterionKind.Progression, inc, ProgressionWords(), "progressive disease", c => c);
        }

        if (x.MeasurableDiseaseRequired == true)
            Add(list, sentences, "measurable", CriterionKind.MeasurableDisease, inc, MeasurableWords(), "measurable disease", c => c);

        var n = 0;
        foreach (var item in x.PriorTherapyRequired ?? [])
        {
            n++;
            var codes = TherapyWords.CodesIn(item);
            var conditional = ByCohort().IsMatch(item) || Alternative().IsMatch(item);
            if (codes.Count == 0 || conditional)
            {
                AddCheckByHand(list, sentences, $"prior-required.{n}", inc, item, codes);
                continue;
            }
            var progression = ProgressionWord().IsMatch(item);
            Add(list, sentences, $"prior-required.{n}", CriterionKind.PriorTherapyRequired, inc, TherapyMatcher(item), item,
                c => c with { Values = codes, RequiresProgression = progression, Note = Qualifier().IsMatch(item) ? item : null }, codes);
        }

        n = 0;
        foreach (var item in x.PriorTherapyExcluded ?? [])
        {
            n++;
            var codes = TherapyWords.CodesIn(item);
            // Excluding a whole class when the record excludes it only in part ("within 12 weeks") would turn patients away wrongly.
            if (codes.Count == 0 || Qualifier().IsMatch(item))
            {
                AddCheckByHand(list, sentences, $"prior-excluded.{n}", exc, item, codes);
                continue;
            }
            Add(list, sentences, $"prior-excluded.{n}", CriterionKind.PriorTherapyExcluded, exc, TherapyMatcher(item), item, c => c with { Values = codes }, codes);
        }

        if (x.MaxPriorSystemicLines is { } lines)
            Add(list, sentences, "prior-lines", CriterionKind.PriorSystemicLines, inc, LinesWords(), $"at most {lines.ToString(CultureInfo.InvariantCulture)} prior systemic lines", c => c with { Max = lines });

        if (x.EcogMax is { } ecog)
            Add(list, sentences, "ecog", CriterionKind.Ecog, inc, EcogWords(), $"ECOG 0 to {ecog.ToString(CultureInfo.InvariantCulture)}", c => c with { Max = ecog });

        if (x.KarnofskyMin is { } karnofsky)
            Add(list, sentences, "karnofsky", CriterionKind.PerformanceScore, inc, KarnofskyWords(), $"Karnofsky at least {karnofsky.ToString(CultureInfo.InvariantCulture)}", c => c with { Min = karnofsky, Note = "Karnofsky" });
        if (x.LanskyMin is { } lansky)
            Add(list, sentences, "lansky", CriterionKind.PerformanceScore, inc, KarnofskyWords(), $"Lansky at least {lansky.ToString(CultureInfo.InvariantCulture)}", c => c with { Min = lansky, Note = "Lansky" });

        if (x.AgeMinYears is not null || x.AgeMaxYears is not null)
            Add(list, sentences, "age", CriterionKind.Age, inc, AgeWords(), "age limits", c => c with { Min = x.AgeMinYears, Max = x.AgeMaxYears });

        n = 0;
        foreach (var lab in x.Labs ?? [])
        {
            n++;
            var label = $"{lab.Analyte} {lab.Op} {lab.Value?.ToString(CultureInfo.InvariantCulture)} {lab.Unit}".Trim() + (lab.Note is null ? "" : $" ({lab.Note})");
            var analyte = lab.Analyte is null ? null : LabWords.AnalyteOf(lab.Analyte);
            var factor = analyte is null ? null : LabWords.FactorToCaseUnit(analyte.Value, lab.Unit);
            var words = LabMatcher(lab.Analyte ?? "");
            // An "or" alternative in the note (creatinine or CrCl) means this test alone must not exclude.
            if (analyte is null || factor is null || lab.Value is null || lab.Op is null || (lab.Note is not null && Alternative().IsMatch(lab.Note)))
            {
                AddCheckByHand(list, sentences, $"lab.{n}", inc, label, [], words);
                continue;
            }
            var value = lab.Value.Value * factor.Value;
            var id = "lab." + Cases.WireCode<LabAnalyte>.Of(analyte.Value);
            if (list.Any(c => c.Id == id)) id += "." + n.ToString(CultureInfo.InvariantCulture);
            Add(list, sentences, id, CriterionKind.Lab, inc, words, label, c => lab.Op switch
            {
                ">=" => c with { Analyte = analyte, Min = value, MinInclusive = true, Note = lab.Note },
                ">" => c with { Analyte = analyte, Min = value, MinInclusive = false, Note = lab.Note },
                "<=" => c with { Analyte = analyte, Max = value, MaxInclusive = true, Note = lab.Note },
                _ => c with { Analyte = analyte, Max = value, MaxInclusive = false, Note = lab.Note },
            });
        }
        return list;
    }

    private static void Add(List<TrialCriterion> list, IReadOnlyList<EligibilitySentence> sentences, string id, CriterionKind kind,
        CriterionSection section, Regex words, string curated, Func<TrialCriterion, TrialCriterion> shape, IReadOnlyList<string>? codes = null)
    {
        var sentence = Find(sentences, words, section) ?? (codes is null ? null : FindByCodes(sentences, codes, section));
        list.Add(shape(new TrialCriterion
        {
            Id = id,
            Kind = kind,
            Section = sentence?.Section ?? section,
            SentenceId = sentence?.Id,
            Source = sentence?.Text ?? "curated eligibility: " + curated,
            Origin = CriterionOrigin.Curated,
        }));
    }

    private static void AddCheckByHand(List<TrialCriterion> list, IReadOnlyList<EligibilitySentence> sentences, string id,
        CriterionSection section, string item, IReadOnlyList<string> codes, Regex? words = null)
    {
        var sentence = Find(sentences, words ?? TherapyMatcher(item), section) ?? FindByCodes(sentences, codes, section);
        list.Add(new TrialCriterion
        {
            Id = id,
            Kind = CriterionKind.FreeText,
            Section = sentence?.Section ?? section,
            SentenceId = sentence?.Id,
            Source = sentence?.Text ?? "curated eligibility: " + item,
            Origin = CriterionOrigin.Curated,
            Values = codes,
            Note = item,
        });
    }

    /// <summary>The first sentence of the section naming one of the same therapies in other words ("EBRT", "external beam radiotherapy").</summary>
    private static EligibilitySentence? FindByCodes(IReadOnlyList<EligibilitySentence> sentences, IReadOnlyList<string> codes, CriterionSection section) =>
        codes.Count == 0 ? null : sentences.FirstOrDefault(s => s.Section == section && TherapyWords.CodesIn(s.Text).Any(codes.Contains));

    /// <summary>The first sentence of the preferred section that names the thing, else the first of any section; null when none does.</summary>
    private static EligibilitySentence? Find(IReadOnlyList<EligibilitySentence> sentences, Regex words, CriterionSection section) =>
        sentences.FirstOrDefault(s => s.Section == section && words.IsMatch(s.Text)) ?? sentences.FirstOrDefault(s => words.IsMatch(s.Text));

    /// <summary>Words that find the sentence of a therapy item: its own therapy words.</summary>
    private static Regex TherapyMatcher(string item)
    {
        var words = TherapyKey().Matches(item).Select(m => Regex.Escape(m.Value)).Distinct().ToList();
        return words.Count == 0 ? NothingMatches() : new Regex(string.Join("|", words), RegexOptions.IgnoreCase);
    }

    private static Regex LabMatcher(string analyte)
    {
        var a = analyte.ToLowerInvariant();
        var pattern = a switch
        {
            _ when a.Contains("gfr", StringComparison.Ordinal) || a.Contains("clearance", StringComparison.Ordinal) || a.Contains("crcl", StringComparison.Ordinal) => @"GFR|CrCl|creatinine clearance",
            _ when a.Contains("creatinine", StringComparison.Ordinal) => @"creatinine",
            _ when a.Contains("hemoglobin", StringComparison.Ordinal) => @"\bHb\b|ha?emoglobin",
            _ when a == "anc" || a.Contains("neutrophil", StringComparison.Ordinal) => @"\bANC\b|neutrophil",
            _ when a.Contains("platelet", StringComparison.Ordinal) => @"platelet",
            _ when a.Contains("wbc", StringComparison.Ordinal) || a.Contains("leukocyte", StringComparison.Ordinal) => @"\bWBC\b|leukocyte",
            _ when a.Contains("bilirubin", StringComparison.Ordinal) => @"bilirubin",
            _ when a.Contains("albumin", StringComparison.Ordinal) => @"albumin",
            _ when a.Contains("ast/alt", StringComparison.Ordinal) => @"(?-i:\bAST\b|\bALT\b)",
            _ when a.Contains("protein", StringComparison.Ordinal) => @"protein",
            _ => Regex.Escape(analyte),
        };
        return new Regex(pattern, RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"PRRT|radioligand|177Lu|Lutathera|everolimus|mTOR|sunitinib|SSA|somatostatin|lanreotide|octreotide|platinum|chemotherapy|chemo|temozolomide|capecitabine|dacarbazine|5-FU|fluorouracil|tarlatamab|DLL3|radiotherapy|EBRT|SIRT|chemoembolisation|radioembolisation|RFA|liver-directed|systemic|resection|line|surgery", RegexOptions.IgnoreCase)]
    private static partial Regex TherapyKey();

    [GeneratedRegex(@"(?!x)x")]
    private static partial Regex NothingMatches();

    [GeneratedRegex(@"^\s*[\w/ -]{1,20}:\s|cohort", RegexOptions.IgnoreCase)]
    private static partial Regex ByCohort();

    [GeneratedRegex(@"\bor\b|exception|except|not seen|original|version", RegexOptions.IgnoreCase)]
    private static partial Regex Alternative();

    [GeneratedRegex(@"progress", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressionWord();

    [GeneratedRegex(@"\d\s*(?:%|weeks?|months?|days?|years?|cycles?|doses?|mg)|within|more than|less than|refractor|unresponsive|except|allowed|unless|\bif\b|bone marrow|uncertain|truncated|>|<|\bfor metastatic\b", RegexOptions.IgnoreCase)]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"differentiated|\bNEC\b|carcinoma", RegexOptions.IgnoreCase)]
    private static partial Regex DifferentiationWords();

    [GeneratedRegex(@"GEP|pancrea|lung|thym|gastro|midgut|origin|primary site|extra-?pulmonary|PPGL|digestive|colorectum|stomach", RegexOptions.IgnoreCase)]
    private static partial Regex SiteWords();

    [GeneratedRegex(@"\bgrade\b|\bG[1-3]\b|carcinoid|\bNEC\b|NET G3|neuroendocrine carcinoma|high-grade", RegexOptions.IgnoreCase)]
    private static partial Regex GradeWords();

    [GeneratedRegex(@"Ki-?67", RegexOptions.IgnoreCase)]
    private static partial Regex Ki67Words();

    [GeneratedRegex(@"SSTR|somatostatin receptor|Octreoscan|DOTA|SRI\b", RegexOptions.IgnoreCase)]
    private static partial Regex SstrWords();

    [GeneratedRegex(@"metastatic|unresectable|inoperable|locally advanced|advanced", RegexOptions.IgnoreCase)]
    private static partial Regex AdvancedWords();

    [GeneratedRegex(@"resect", RegexOptions.IgnoreCase)]
    private static partial Regex ResectedWords();

    [GeneratedRegex(@"progress", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressionWords();

    [GeneratedRegex(@"measurable", RegexOptions.IgnoreCase)]
    private static partial Regex MeasurableWords();

    [GeneratedRegex(@"\bline|naive|prior (?:systemic|chemotherapy|therapy|antitumour)|chemotherapy course|No prior|anti-?tumou?r therapies", RegexOptions.IgnoreCase)]
    private static partial Regex LinesWords();

    [GeneratedRegex(@"ECOG|Zubrod|performance status", RegexOptions.IgnoreCase)]
    private static partial Regex EcogWords();

    [GeneratedRegex(@"Karnofsky|Lansky", RegexOptions.IgnoreCase)]
    private static partial Regex KarnofskyWords();

    [GeneratedRegex(@"\bage\b|\badults?\b|years", RegexOptions.IgnoreCase)]
    private static partial Regex AgeWords();
}
