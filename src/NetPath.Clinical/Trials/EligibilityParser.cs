using System.Globalization;
using System.Text.RegularExpressions;

namespace NetPath.Clinical.Trials;

/// <summary>
/// Reads the common forms of eligibility sentences into criteria (decision 0601): ECOG, Ki-67,
/// grade, differentiation, primary site, SSTR imaging, measurable disease, disease extent,
/// progression, prior therapies and lines, age, laboratory limits, pregnancy and germline
/// syndromes. A sentence it cannot read, or one whose conditions depend on a cohort or an "or"
/// between two tests, becomes a free-text criterion to check by hand: nothing is dropped, and
/// nothing is read more strictly than it is written.
/// </summary>
public static partial class EligibilityParser
{
    /// <summary>The criteria of one sentence; at least one (a free-text one when nothing else is read).</summary>
    public static IReadOnlyList<TrialCriterion> Parse(EligibilitySentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var found = new List<TrialCriterion>();
        var text = Normalise(sentence.Text);
        var exclusion = sentence.Section == CriterionSection.Exclusion;
        var conditional = Cohort().IsMatch(text);

        if (!conditional)
        {
            Ecog(text, found);
            Ki67(text, found);
            Grade(text, exclusion, found);
            Differentiation(text, exclusion, found);
            if (!exclusion) Site(text, found);
            if (!exclusion) Sstr(text, found);
            if (!exclusion) Measurable(text, found);
            if (!exclusion) Extent(text, found);
            if (!exclusion) Progression(text, found);
            PriorTherapy(text, exclusion, found);
            if (!exclusion) Lines(text, found);
            Age(text, exclusion, found);
            Labs(text, exclusion, found);
            Pregnancy(text, found);
            Germline(text, exclusion, found);
        }

        var counts = new Dictionary<CriterionKind, int>();
        var result = new List<TrialCriterion>(found.Count + 1);
        foreach (var c in found)
        {
            counts[c.Kind] = counts.GetValueOrDefault(c.Kind) + 1;
            var id = $"{sentence.Id}.{Wire(c.Kind)}" + (counts[c.Kind] > 1 ? $".{counts[c.Kind]}" : "");
            result.Add(c with { Id = id, SentenceId = sentence.Id, Source = sentence.Text, Section = sentence.Section });
        }
        if (result.Count == 0) result.Add(FreeText(sentence));
        return result;
    }

    /// <summary>A sentence kept whole, to check by hand; the care codes it names let the match point at the patient's history.</summary>
    public static TrialCriterion FreeText(EligibilitySentence sentence) => new()
    {
        Id = "text." + sentence.Id,
        Kind = CriterionKind.FreeText,
        Section = sentence.Section,
        SentenceId = sentence.Id,
        Source = sentence.Text,
        Origin = CriterionOrigin.FreeText,
        Values = TherapyWords.CodesIn(sentence.Text),
    };

    internal static string Wire(CriterionKind kind) => Cases.WireCode<CriterionKind>.Of(kind);

    /// <summary>One comparator spelling: ≥ and =&gt; become &gt;=, ≤ and =&lt; become &lt;=, × becomes x, dashes become hyphens.</summary>
    internal static string Normalise(string text) => text
        .Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal)
        .Replace("=>", ">=", StringComparison.Ordinal).Replace("=<", "<=", StringComparison.Ordinal)
        .Replace("×", "x", StringComparison.Ordinal).Replace("–", "-", StringComparison.Ordinal).Replace("—", "-", StringComparison.Ordinal)
        .Replace("⁹", "^9", StringComparison.Ordinal);

    private static TrialCriterion New(CriterionKind kind) => new()
    {
        Id = "", Kind = kind, Section = CriterionSection.Inclusion, Source = "", Origin = CriterionOrigin.ParsedText,
    };

    private static void Ecog(string text, List<TrialCriterion> found)
    {
        var m = EcogRange().Match(text);
        if (m.Success)
        {
            found.Add(New(CriterionKind.Ecog) with { Max = Num(m.Groups["hi"].Value) });
            return;
        }
        m = EcogAtMost().Match(text);
        if (m.Success)
        {
            var max = Num(m.Groups["n"].Value);
            found.Add(New(CriterionKind.Ecog) with { Max = m.Groups["op"].Value == "<" ? max - 1 : max });
            return;
        }
        m = PerformanceScore().Match(text);
        if (m.Success) found.Add(New(CriterionKind.PerformanceScore) with { Min = Num(m.Groups["n"].Value), Note = m.Value });
    }

    private static void Ki67(string text, List<TrialCriterion> found)
    {
        var mentions = new List<(double? Lo, bool LoIn, double? Hi, bool HiIn)>();
        foreach (Match mention in Ki67Mention().Matches(text))
        {
            var span = mention.Groups["rest"].Value;
            var range = Range().Match(span);
            double? lo = null, hi = null;
            bool loIn = true, hiIn = true;
            if (range.Success)
            {
                lo = Num(range.Groups["lo"].Value);
                loIn = range.Groups["gt"].Value.Length == 0;
                hi = Num(range.Groups["hi"].Value);
            }
            else
            {
                foreach (Match bound in Bound().Matches(span))
                {
                    var v = Num(bound.Groups["n"].Value);
                    switch (bound.Groups["op"].Value)
                    {
                        case ">=": lo = v; loIn = true; break;
                        case ">": lo = v; loIn = false; break;
                        case "<=": hi = v; hiIn = true; break;
                        case "<": hi = v; hiIn = false; break;
                    }
                }
            }
            if (lo is not null || hi is not null) mentions.Add((lo, loIn, hi, hiIn));
        }
        if (mentions.Count == 0) return;
        // Several mentions ("grade 2 (Ki-67 10-20%) or grade 3 (Ki-67 >20-55%)") are alternatives: their union.
        var lowest = mentions.Any(m => m.Lo is null) ? null : mentions.MinBy(m => m.Lo).Lo;
        var lowestIn = lowest is null || mentions.Any(m => m.Lo == lowest && m.LoIn);
        var highest = mentions.Any(m => m.Hi is null) ? null : mentions.MaxBy(m => m.Hi).Hi;
        var highestIn = highest is null || mentions.Any(m => m.Hi == highest && m.HiIn);
        if (lowest is null && highest is null) return;
        found.Add(New(CriterionKind.Ki67) with { Min = lowest, MinInclusive = lowestIn, Max = highest, MaxInclusive = highestIn });
    }

    private static void Grade(string text, bool exclusion, List<TrialCriterion> found)
    {
        if (!TumourContext().IsMatch(text) || Toxicity().IsMatch(text)) return;
        var grades = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in GradeNumbers().Matches(text))
        {
            var lo = (int)Num(m.Groups["a"].Value);
            var hi = m.Groups["b"].Success ? (int)Num(m.Groups["b"].Value) : lo;
            for (var g = lo; g <= hi && g <= 3; g++) grades.Add("G" + g.ToString(CultureInfo.InvariantCulture));
            if (m.Groups["c"].Success) grades.Add("G" + m.Groups["c"].Value);
        }
        if (LowGrade().IsMatch(text)) grades.Add("G1");
        if (IntermediateGrade().IsMatch(text)) grades.Add("G2");
        if (TypicalCarcinoid().IsMatch(text)) grades.Add("typical-carcinoid");
        if (AtypicalCarcinoid().IsMatch(text)) grades.Add("atypical-carcinoid");
        if (grades.Count == 0) return;
        if (exclusion)
        {
            string[] all = ["G1", "G2", "G3", "typical-carcinoid", "atypical-carcinoid"];
            var allowed = all.Where(g => !grades.Contains(g)).ToList();
            if (allowed.Count == all.Length || allowed.Count == 0) return;
            found.Add(New(CriterionKind.Grade) with { Values = allowed });
            return;
        }
        found.Add(New(CriterionKind.Grade) with { Values = [.. grades] });
    }

    private static void Differentiation(string text, bool exclusion, List<TrialCriterion> found)
    {
        var well = WellDifferentiated().IsMatch(text);
        var poor = PoorlyDifferentiated().IsMatch(text) || (!well && Carcinoma().IsMatch(text) && !NetWord().IsMatch(text));
        if (well == poor) return;
        var mentioned = well ? "well" : "poor";
        var required = exclusion ? (well ? "poor" : "well") : mentioned;
        found.Add(New(CriterionKind.Differentiation) with { Values = [required] });
    }

    private static void Site(string text, List<TrialCriterion> found)
    {
        if (!TumourContext().IsMatch(text) || Negation().IsMatch(text)) return;
        var sites = new List<string>();
        void Add(params string[] codes) { foreach (var c in codes) if (!sites.Contains(c)) sites.Add(c); }
        if (Gep().IsMatch(text)) Add("pancreas", "stomach", "duodenum", "small_intestine", "appendix", "colon", "rectum");
        if (Pancreatic().IsMatch(text)) Add("pancreas");
        if (Midgut().IsMatch(text)) Add("midgut");
        if (LungWord().IsMatch(text)) Add("lung");
        if (Thymic().IsMatch(text)) Add("thymus");
        if (Extrapulmonary().IsMatch(text)) Add("extrapulmonary_any");
        if (AnySite().IsMatch(text)) Add("any");
        if (sites.Count > 0 && UnknownPrimary().IsMatch(text)) Add("unknown_primary");
        if (sites.Count == 0) return;
        found.Add(New(CriterionKind.PrimarySite) with { Values = sites });
    }

    private static void Sstr(string text, List<TrialCriterion> found)
    {
        if (SstrImaging().IsMatch(text) && SstrPositiveWord().IsMatch(text))
            found.Add(New(CriterionKind.SstrPositive));
    }

    private static void Measurable(string text, List<TrialCriterion> found)
    {
        if (MeasurableWord().IsMatch(text) && !text.Contains("non-measurable", StringComparison.OrdinalIgnoreCase))
            found.Add(New(CriterionKind.MeasurableDisease));
    }

    private static void Extent(string text, List<TrialCriterion> found)
    {
        if (NotAboutExtent().IsMatch(text)) return;
        if (ResectedR0R1().IsMatch(text))
        {
            found.Add(New(CriterionKind.DiseaseExtent) with { Values = ["resected"] });
            return;
        }
        if (AdvancedWord().IsMatch(text)) found.Add(New(CriterionKind.DiseaseExtent) with { Values = ["advanced"] });
    }

    private static void Progression(string text, List<TrialCriterion> found)
    {
        var m = ProgressionWithin().Match(text);
        if (m.Success)
        {
            var n = Num(m.Groups["hi"].Success ? m.Groups["hi"].Value : m.Groups["n"].Value);
            var months = m.Groups["unit"].Value.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? n * 12 : n;
            found.Add(New(CriterionKind.Progression) with { Max = months });
            return;
        }
        if (ProgressiveDisease().IsMatch(text) && !ProgressionAfter().IsMatch(text)) found.Add(New(CriterionKind.Progression));
    }

    private static void PriorTherapy(string text, bool exclusion, List<TrialCriterion> found)
    {
        if (exclusion)
        {
            var m = PriorWord().Match(text);
            if (!m.Success) return;
            var codes = TherapyWords.CodesIn(m.Groups["what"].Value);
            if (codes.Count == 0 || Qualified().IsMatch(m.Groups["what"].Value)) return;
            found.Add(New(CriterionKind.PriorTherapyExcluded) with { Values = codes });
            return;
        }
        var naive = Naive().Match(text);
        // "PRRT-naive or previously treated with PRRT" allows both: no exclusion.
        if (naive.Success && naive.Groups["what"].Success && !LinesAtMost().IsMatch(text) && !OrWord().IsMatch(text[naive.Index..]))
        {
            var codes = TherapyWords.CodesIn(naive.Groups["what"].Value);
            if (codes.Count > 0) found.Add(New(CriterionKind.PriorTherapyExcluded) with { Values = codes });
        }
        var after = ProgressionAfter().Match(text);
        if (after.Success)
        {
            var codes = TherapyWords.CodesIn(after.Groups["what"].Value);
            if (codes.Count > 0)
                found.Add(New(CriterionKind.PriorTherapyRequired) with { Values = codes, RequiresProgression = true, Note = Digits().IsMatch(after.Groups["what"].Value) ? after.Value : null });
            return;
        }
        var atLeast = AtLeastOnePrior().Match(text);
        if (atLeast.Success)
        {
            var codes = TherapyWords.CodesIn(atLeast.Groups["what"].Value);
            if (codes.Count > 0) found.Add(New(CriterionKind.PriorTherapyRequired) with { Values = codes });
        }
    }

    private static void Lines(string text, List<TrialCriterion> found)
    {
        var m = LinesAtMost().Match(text);
        if (m.Success)
        {
            found.Add(New(CriterionKind.PriorSystemicLines) with { Max = Count(m.Groups["n"].Value) });
            return;
        }
        if (NaiveAll().IsMatch(text)) found.Add(New(CriterionKind.PriorSystemicLines) with { Max = 0 });
    }

    private static void Age(string text, bool exclusion, List<TrialCriterion> found)
    {
        if (exclusion) return;
        var m = AgeRange().Match(text);
        if (m.Success)
        {
            found.Add(New(CriterionKind.Age) with { Min = Num(m.Groups["lo"].Value), Max = Num(m.Groups["hi"].Value), MaxInclusive = m.Groups["lt"].Value.Length == 0 });
            return;
        }
        m = AgeAtLeast().Match(text);
        if (m.Success)
        {
            var n = Num(m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["n2"].Value);
            found.Add(New(CriterionKind.Age) with { Min = n, MinInclusive = m.Groups["op"].Value != ">" });
            return;
        }
        if (Adults().IsMatch(text)) found.Add(New(CriterionKind.Age) with { Min = 18 });
    }

    private static void Labs(string text, bool exclusion, List<TrialCriterion> found)
    {
        foreach (var segment in LabSeparators().Split(text))
        {
            // "creatinine <= 1.5x ULN or CrCl >= 50": either test passes, so neither alone may exclude.
            if (OrWord().IsMatch(segment) && LabMention().Count(segment) > 1) continue;
            foreach (Match m in LabMention().Matches(segment))
            {
                var analyte = LabWords.AnalyteOf(m.Groups["name"].Value);
                if (analyte is null) continue;
                var unit = m.Groups["unit"].Value.Replace(" ", "", StringComparison.Ordinal);
                var factor = LabWords.FactorToCaseUnit(analyte.Value, unit.StartsWith('x') && !unit.StartsWith("xuln", StringComparison.OrdinalIgnoreCase) ? unit[1..] : unit);
                if (factor is null) continue;
                var value = Num(m.Groups["val"].Value.Replace(",", "", StringComparison.Ordinal)) * factor.Value;
                var op = exclusion ? Invert(m.Groups["op"].Value) : m.Groups["op"].Value;
                var rest = segment[(m.Index + m.Length)..].Trim();
                var note = rest.StartsWith('(') ? rest : null;
                found.Add(op switch
                {
                    ">=" => New(CriterionKind.Lab) with { Analyte = analyte, Min = value, MinInclusive = true, Note = note },
                    ">" => New(CriterionKind.Lab) with { Analyte = analyte, Min = value, MinInclusive = false, Note = note },
                    "<=" => New(CriterionKind.Lab) with { Analyte = analyte, Max = value, MaxInclusive = true, Note = note },
                    _ => New(CriterionKind.Lab) with { Analyte = analyte, Max = value, MaxInclusive = false, Note = note },
                });
            }
        }
    }

    private static void Pregnancy(string text, List<TrialCriterion> found)
    {
        if (PregnancyWord().IsMatch(text)) found.Add(New(CriterionKind.NotPregnant));
    }

    private static void Germline(string text, bool exclusion, List<TrialCriterion> found)
    {
        var syndromes = new List<string>();
        foreach (var (pattern, code) in GermlineWords)
        {
            if (pattern.IsMatch(text)) syndromes.Add(code);
        }
        if (syndromes.Count == 0) return;
        found.Add(New(exclusion ? CriterionKind.GermlineExcluded : CriterionKind.GermlineRequired) with { Values = syndromes });
    }

    private static readonly (Regex, string)[] GermlineWords =
    [
        (new Regex(@"\bMEN[- ]?1\b|multiple endocrine neoplasia type 1", RegexOptions.IgnoreCase), "MEN1"),
        (new Regex(@"\bMEN[- ]?4\b", RegexOptions.IgnoreCase), "MEN4"),
        (new Regex(@"von hippel|\bVHL\b", RegexOptions.IgnoreCase), "VHL"),
        (new Regex(@"\bNF-?1\b|neurofibromatosis", RegexOptions.IgnoreCase), "NF1"),
        (new Regex(@"tuberous sclerosis|\bTSC\b", RegexOptions.IgnoreCase), "TSC"),
    ];

    private static string Invert(string op) => op switch { ">=" => "<", ">" => "<=", "<=" => ">", _ => ">=" };

    private static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Count(string s) => s.ToLowerInvariant() switch
    {
        "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, _ => Num(s),
    };

    [GeneratedRegex(@"\bcohort\b|^\s*G\d(?:/G\d)?\s*:|;\s*G\d(?:/G\d)?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Cohort();

    [GeneratedRegex(@"(?:ECOG|Zubrod|Eastern Cooperative Oncology Group|WHO)(?:/WHO)?(?: performance status| PS| performance)?(?: of)?:?\s*0?\s*(?:-|to|or|,)\s*(?<hi>[0-4])\b", RegexOptions.IgnoreCase)]
    private static partial Regex EcogRange();

    [GeneratedRegex(@"(?:ECOG|Zubrod)(?: performance status| PS)?\s*(?<op><=|<)\s*(?<n>[0-4])\b", RegexOptions.IgnoreCase)]
    private static partial Regex EcogAtMost();

    [GeneratedRegex(@"(?:Karnofsky|Lansky)[^;.]*?(?:>=|>|of at least)\s*(?<n>\d{2,3})", RegexOptions.IgnoreCase)]
    private static partial Regex PerformanceScore();

    [GeneratedRegex(@"Ki-?67(?<rest>(?:(?!Ki-?67)[^;]){0,60})", RegexOptions.IgnoreCase)]
    private static partial Regex Ki67Mention();

    [GeneratedRegex(@"^[^\d<>]*?(?<gt>>)?\s*(?<lo>\d+(?:\.\d+)?)\s*%?\s*-\s*(?<hi>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<op>>=|<=|>|<)\s*(?<n>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Bound();

    [GeneratedRegex(@"\b(?:NETs?|NENs?|NECs?|neuroendocrine|carcinoids?|GEP|tumou?rs?|neoplasms?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TumourContext();

    [GeneratedRegex(@"CTCAE|toxicit|pneumonitis|adverse|hypersensitiv", RegexOptions.IgnoreCase)]
    private static partial Regex Toxicity();

    [GeneratedRegex(@"\b(?:G(?<a>[1-3])(?:\s*(?:-|/|to)\s*G?(?<b>[1-3]))?(?:,\s*G(?<c>[1-3]))?|grade\s*(?<a>[1-3])(?:\s*(?:-|or|and|to|/)\s*(?<b>[1-3]))?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GradeNumbers();

    [GeneratedRegex(@"\blow[- ](?:or intermediate[- ])?grade\b|\blow/intermediate grade", RegexOptions.IgnoreCase)]
    private static partial Regex LowGrade();

    [GeneratedRegex(@"intermediate[- ]grade|low/intermediate", RegexOptions.IgnoreCase)]
    private static partial Regex IntermediateGrade();

    [GeneratedRegex(@"\btypical(?: or atypical| and atypical|/atypical)?(?: lung)? carcinoid", RegexOptions.IgnoreCase)]
    private static partial Regex TypicalCarcinoid();

    [GeneratedRegex(@"\batypical(?: lung)? carcinoid|typical (?:or|and|/) ?atypical", RegexOptions.IgnoreCase)]
    private static partial Regex AtypicalCarcinoid();

    [GeneratedRegex(@"well[- /]+(?:or moderately[- ])?(?:/moderately )?differentiated", RegexOptions.IgnoreCase)]
    private static partial Regex WellDifferentiated();

    [GeneratedRegex(@"poorly[- ]differentiated", RegexOptions.IgnoreCase)]
    private static partial Regex PoorlyDifferentiated();

    [GeneratedRegex(@"\bNECs?\b|neuroendocrine carcinoma", RegexOptions.IgnoreCase)]
    private static partial Regex Carcinoma();

    [GeneratedRegex(@"\bNETs?\b|\bNENs?\b|neuroendocrine tumou?r|neuroendocrine neoplasm|carcinoid", RegexOptions.IgnoreCase)]
    private static partial Regex NetWord();

    [GeneratedRegex(@"\bnot\b|\bexcept\b|\bother than\b|\bexcluding\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\bGEP\b|GEP-NE[TNC]|gastroenteropancreatic|gastro-entero-pancreatic", RegexOptions.IgnoreCase)]
    private static partial Regex Gep();

    [GeneratedRegex(@"\bpancrea(?:s|tic)\b|\bpNETs?\b|\bP-NETs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pancreatic();

    [GeneratedRegex(@"\bmidgut\b", RegexOptions.IgnoreCase)]
    private static partial Regex Midgut();

    [GeneratedRegex(@"\blung\b|\bpulmonary\b|\bbronch", RegexOptions.IgnoreCase)]
    private static partial Regex LungWord();

    [GeneratedRegex(@"\bthym(?:us|ic)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thymic();

    [GeneratedRegex(@"extra-?pulmonary", RegexOptions.IgnoreCase)]
    private static partial Regex Extrapulmonary();

    [GeneratedRegex(@"any primary site|any origin|any primary\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnySite();

    [GeneratedRegex(@"unknown (?:primary|origin)", RegexOptions.IgnoreCase)]
    private static partial Regex UnknownPrimary();

    [GeneratedRegex(@"\bSSTR\b|SSTR-|somatostatin receptor|octreoscan|DOTA-?(?:TATE|TOC|NOC)|68Ga|Ga-68|\bSRI\b", RegexOptions.IgnoreCase)]
    private static partial Regex SstrImaging();

    [GeneratedRegex(@"positiv|uptake|expression|\+", RegexOptions.IgnoreCase)]
    private static partial Regex SstrPositiveWord();

    [GeneratedRegex(@"\bmeasurable (?:disease|lesions?)|\bmeasurable\b[^;.]*RECIST|RECIST[^;.]*\bmeasurable", RegexOptions.IgnoreCase)]
    private static partial Regex MeasurableWord();

    [GeneratedRegex(@"\bR0(?:/| or |, )R1\b[^;.]*resect|resect[^;.]*\bR0(?:/| or |, )R1\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResectedR0R1();

    [GeneratedRegex(@"\bmetastatic\b|\bunresectable\b|\binoperable\b|\blocally advanced\b|not (?:completely )?resectable|\badvanced\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdvancedWord();

    [GeneratedRegex(@"progression within (?:the )?(?:last |prior |previous )?(?<n>\d+)(?:\s*-\s*(?<hi>\d+))? (?<unit>months?|years?)", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressionWithin();

    [GeneratedRegex(@"\bprogressive disease\b|\bprogressive\b|documented progression", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressiveDisease();

    [GeneratedRegex(@"progress\w*\s+(?:during or )?(?:after|on|while on|following)\s+(?<what>[^;.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressionAfter();

    [GeneratedRegex(@"^(?:any |documented |known )?(?:prior|previous|received prior|previously received)\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PriorWord();

    [GeneratedRegex(@"\d\s*(?:%|weeks?|months?|days?|years?|cycles?|doses?|mg)|within|more than|less than|refractor|unresponsive|except|allowed|unless|\bif\b|bone marrow|>|<|discontinued|adverse", RegexOptions.IgnoreCase)]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<what>[\w -]+?)[- ]naive|no prior (?<what>[^;.(]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Naive();

    [GeneratedRegex(@"^(?:treatment|therapy)[- ]naive\b(?!\s*or)|no prior (?:systemic )?(?:anti-?tumou?r )?(?:therapy|treatment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NaiveAll();

    [GeneratedRegex(@"(?:at most|up to|no more than|maximum of|<=)\s*(?<n>one|two|three|four|five|\d)\s+(?:prior\s+)?(?:lines?|regimens?|systemic|anti-?tumou?r therap\w*|therap\w*|treatments?|chemotherapy)", RegexOptions.IgnoreCase)]
    private static partial Regex LinesAtMost();

    [GeneratedRegex(@"(?:at least (?:one|1)|>=\s*1|one)\s+(?:prior\s+)?(?<what>[\w -]*?(?:regimen|chemotherapy|therapy|line))", RegexOptions.IgnoreCase)]
    private static partial Regex AtLeastOnePrior();

    [GeneratedRegex(@"\bage[ds]?\s*(?<lo>\d{1,2})\s*(?:-|to)\s*(?<lt><)?\s*(?<hi>\d{1,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgeRange();

    [GeneratedRegex(@"\bage[ds]?\s*(?:of\s*)?(?<op>>=|>)?\s*(?<n>\d{1,2})\b(?!\s*(?:-|to)\s*\d)|(?<n2>\d{1,2})\s*years?(?: of age)? (?:or older|and (?:older|above)|or above)", RegexOptions.IgnoreCase)]
    private static partial Regex AgeAtLeast();

    [GeneratedRegex(@"^adults?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Adults();

    [GeneratedRegex(@";|,\s+(?=[A-Za-z])")]
    private static partial Regex LabSeparators();

    [GeneratedRegex(@"\bor\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrWord();

    [GeneratedRegex(@"(?<name>absolute neutrophil count|\bANC\b|neutrophils?|platelets?(?: count)?|\bHb\b|\bHgb\b|ha?emoglobin|(?:total )?bilirubin|(?:serum )?albumin|eGFR or CrCl|measured GFR|\beGFR\b|\bGFR\b|\bCrCl\b|creatinine clearance(?: \(Cockcroft-Gault\))?|leukocytes|\bWBC\b|AST/ALT|creatinine)\s*(?<op>>=|<=|>|<)\s*(?<val>\d+(?:[.,]\d+)*)\s*(?<unit>x\s*ULN|x\s*10\^?9\s*/\s*L|10\^?9\s*/\s*L|/nL|g/dL|g/L|mL/min(?:/1\.73\s*m2)?|/mm\^?3|mg/dL|µmol/L)?", RegexOptions.IgnoreCase)]
    private static partial Regex LabMention();

    [GeneratedRegex(@"pregnan|lactat|breast-?feeding|nursing", RegexOptions.IgnoreCase)]
    private static partial Regex PregnancyWord();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();

    [GeneratedRegex(@"consent|tissue|sample|biops|brain metasta|CNS metasta", RegexOptions.IgnoreCase)]
    private static partial Regex NotAboutExtent();
}
