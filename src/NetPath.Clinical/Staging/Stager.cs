using System.Numerics;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Classification;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Staging;

/// <summary>
/// Stages a classified, graded case by every system that applies to its site (NetPath conventions §3).
/// T, N and M are each evaluated as the set of categories the facts still allow (a rule on an absent
/// fact is unknown); the stage table is then read for every possible combination, and a group is
/// given where they all agree (docs/decisions/0100, 0101). A clinician's category (tumour.tnm) fills
/// what the facts leave open; where the facts decide otherwise, they win and a warning says so.
/// </summary>
public sealed class Stager(StagingKnowledge knowledge)
{
    private readonly StagingKnowledge knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));

    internal StagingKnowledge Knowledge => knowledge;

    /// <summary>Input errors only the staging rules can see: a category the site's chapter does not have, a T the size rules out.</summary>
    public IReadOnlyList<ValidationError> Validate(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var t = c.Tumour;
        if (t.Tnm.T is null && t.Tnm.N is null && t.Tnm.M is null) return [];
        var chapter = NetChapterFor(t);
        if (chapter is null) return [];
        List<ValidationError>? errors = null;
        ulong tMask = 0;
        var tOk = t.Tnm.T is { } tGiven && Known(chapter.T, TnmCategory.StripMultiple(tGiven), "tumour.tnm.t", chapter, ref errors, out tMask);
        if (t.Tnm.N is { } nGiven) Known(chapter.N, nGiven, "tumour.tnm.n", chapter, ref errors, out _);
        if (t.Tnm.M is { } mGiven) Known(chapter.M, mGiven, "tumour.tnm.m", chapter, ref errors, out _);
        if (tOk && t.Size is { } size)
        {
            var given = TnmCategory.StripMultiple(t.Tnm.T!);
            var facts = new StagingFacts(t, t.PrimarySite);
            var bySize = chapter.T.Evaluate(facts, Reading.SizeOnly);
            if (given == "T0" || (bySize.Mask & tMask) == 0)
            {
                (errors ??= []).Add(new ValidationError(ErrorCodes.TnmContradictsSize, "tumour.tnm.t",
                    $"{given} is not possible for a {size} {WireCode<PrimarySite>.Of(t.PrimarySite)} tumour under {chapter.Title}.",
                    given == "T0" ? "a T category of a measured primary" : chapter.T.Display(bySize.Mask) + " for this size"));
            }
        }
        return errors is null ? [] : errors;
    }

    private static bool Known(Axis axis, string given, string path, Chapter chapter, ref List<ValidationError>? errors, out ulong mask)
    {
        if (axis.TryMask(given, out mask)) return true;
        (errors ??= []).Add(new ValidationError(ErrorCodes.InvalidTnmCategory, path,
            $"{given} is not a category of {chapter.Title}.",
            string.Join(", ", axis.Leaves.Concat(axis.ParentNames).Append(axis.Prefix + "X").Concat(axis.Prefix == 'T' ? ["T0"] : []))));
        return false;
    }

    /// <summary>The AJCC chapter that stages this tumour as a NET (or lung, or adrenal), or null.</summary>
    private Chapter? NetChapterFor(Tumour t)
    {
        if (t.PrimarySite == PrimarySite.ExtraAdrenalParaganglion && t.ParagangliomaType != ParagangliomaType.Sympathetic) return null;
        if (SiteFacts.IsGastroEnteroPancreatic(t.PrimarySite) && IsCarcinoma(t.Differentiation, t.HistologicType)) return null;
        return knowledge.Ajcc(t.PrimarySite);
    }

    private static bool IsCarcinoma(Differentiation? d, HistologicType? h) =>
        d == Differentiation.Poor || h is HistologicType.NecSmallCell or HistologicType.NecLargeCell or HistologicType.Minen;

    public IReadOnlyList<StagingEntry> Stage(Case c, Assessments.Classification classification, Grade grade, Findings findings)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(findings);
        // The grade does not enter AJCC 8 or ENETS staging of these chapters; differentiation decides NET versus NEC.
        _ = grade;
        var t = c.Tumour;
        var site = classification.Site;
        var ajcc = knowledge.Ajcc(site);
        if (ajcc is null) return [NotStaged(knowledge.NotStagedReason(site) ?? "No AJCC 8 chapter stages this site.")];

        if (site == PrimarySite.ExtraAdrenalParaganglion && t.ParagangliomaType != ParagangliomaType.Sympathetic)
        {
            if (t.ParagangliomaType == ParagangliomaType.Parasympathetic) return [NotStaged(knowledge.ParasympatheticReason)];
            findings.AddMissing("tumour.paragangliomaType", "Sympathetic paragangliomas are staged with the AJCC 8 adrenal neuroendocrine chapter; parasympathetic (head and neck) ones are not staged.");
            return [new StagingEntry
            {
                System = Systems.Ajcc8,
                Stageable = false,
                Chapter = ajcc.Title,
                Basis = ["Not staged: sympathetic or parasympathetic paraganglioma is not given; only sympathetic ones are staged by this chapter"],
            }];
        }

        var gep = SiteFacts.IsGastroEnteroPancreatic(site);
        if (gep && IsCarcinoma(classification.Differentiation, classification.HistologicType ?? t.HistologicType))
        {
            findings.Warn("staging-nec-not-net-chapter", knowledge.NecReason);
            return [NotStaged(knowledge.NecReason)];
        }

        var facts = new StagingFacts(t, site);
        var others = knowledge.Others(site);
        var entries = new StagingEntry[1 + others.Length];
        entries[0] = StageBy(ajcc, t, facts, findings);
        for (var i = 0; i < others.Length; i++) entries[i + 1] = StageBy(others[i], t, facts, findings);

        if (site == PrimarySite.Lung && classification.Differentiation == Differentiation.Poor)
            entries[0] = entries[0] with { Basis = [.. entries[0].Basis, "The AJCC 8 lung chapter stages large-cell NEC and small-cell carcinoma as well as carcinoids"] };

        // WHO 2019: only morphology separates NET G3 from NEC, and they are staged by different chapters.
        if (gep && classification.Differentiation == Differentiation.Unknown && (t.Ki67 is { Value: > 20 } || t.Mitoses is { Value: > 20 }))
        {
            findings.Warn("staging-depends-on-differentiation",
                "Proliferation is in the G3 range and the differentiation is not given: a NET G3 is staged by the NET chapter shown, a NEC by the carcinoma chapter of the site.");
            findings.AddMissing("tumour.differentiation", "NET G3 is staged by the AJCC 8 NET chapter, NEC by the carcinoma chapter of the site.");
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = entries[i] with
                {
                    Stageable = false,
                    Group = null,
                    Basis = [.. entries[i].Basis, "Not staged: these categories hold only for a well-differentiated NET G3; a NEC is staged with the carcinoma chapter (differentiation not given)"],
                };
            }
        }
        return entries;
    }

    private static StagingEntry NotStaged(string reason) => new()
    {
        System = Systems.Ajcc8,
        Stageable = false,
        Basis = [reason],
    };

    private static StagingEntry StageBy(Chapter ch, Tumour t, in StagingFacts f, Findings findings)
    {
        var basis = new List<string>(5);
        var tGiven = t.Tnm.T is { } tg ? TnmCategory.StripMultiple(tg) : null;
        var tMask = Resolve(ch, ch.T, tGiven, "tumour.tnm.t", f, findings, basis, out var tKinds);
        var nMask = Resolve(ch, ch.N, t.Tnm.N, "tumour.tnm.n", f, findings, basis, out var nKinds);
        var mMask = Resolve(ch, ch.M, t.Tnm.M, "tumour.tnm.m", f, findings, basis, out var mKinds);
        var noPrimary = tGiven == "T0" && ch.T.ReadsClinicianCategory && f.Size is null;
        if (noPrimary)
        {
            tMask = ch.T.UnknownMask;
            basis[0] = "T0: no evidence of primary tumour (tumour.tnm.t); the group is read over every T";
        }

        var group = ch.GroupOf(tMask, nMask, mMask, out var groups, out var anyUnstageable);
        var exact = group is not null && BitOperations.PopCount(groups) == 1;
        if (group is not null)
        {
            // Resolve wrote one line per axis, in T, N, M order.
            if (BitOperations.PopCount(tMask) > 1) basis[0] += $"; any of them gives stage {group}";
            if (BitOperations.PopCount(nMask) > 1) basis[1] += $"; any of them gives stage {group}";
            if (BitOperations.PopCount(mMask) > 1) basis[2] += $"; any of them gives stage {group}";
        }
        if (group is not null)
        {
            if (exact && BitOperations.PopCount(tMask) == 1 && BitOperations.PopCount(nMask) == 1 && BitOperations.PopCount(mMask) == 1)
            {
                var cell = ch.Cell(BitOperations.TrailingZeroCount(tMask), BitOperations.TrailingZeroCount(nMask), BitOperations.TrailingZeroCount(mMask));
                basis.Add($"Stage {group}: {ReadableRow(ch.Rows[ch.RowOfCell[cell]].Text)}");
            }
            else if (exact)
            {
                basis.Add($"Stage {group}: every category still possible gives stage {group}");
            }
            else
            {
                basis.Add($"Stage {group}: {ch.GroupsText(groups, false)} by the open category, all within stage {group}");
            }
        }
        else
        {
            basis.Add(anyUnstageable && groups == 0
                ? "Not stageable: the stage table has no group for these categories"
                : $"Not stageable: the categories still possible give {ch.GroupsText(groups, anyUnstageable)}");
        }

        if (!exact)
        {
            var tWhy = Decides(ch, 0, tMask, nMask, mMask);
            var nWhy = Decides(ch, 1, tMask, nMask, mMask);
            var mWhy = Decides(ch, 2, tMask, nMask, mMask);
            if (tWhy is not null) Missing(findings, tKinds, 'T', $"T category decides {Label(ch)} stage {tWhy}.", f);
            if (nWhy is not null) Missing(findings, nKinds, 'N', $"N category decides {Label(ch)} stage {nWhy}.", f);
            if (mWhy is not null) Missing(findings, mKinds, 'M', $"M category decides {Label(ch)} stage {mWhy}.", f);
        }

        var tText = noPrimary ? "T0" : ch.T.Display(tMask);
        if (t.TumourCount is > 1 && tText is not null && tText != "TX")
        {
            tText += TnmCategory.MultipleSuffix;
            basis.Add($"(m): {t.TumourCount} tumours; T is that of the most advanced, which the case's size and extent describe");
        }
        return new StagingEntry
        {
            System = ch.System,
            T = tText,
            N = ch.N.Display(nMask),
            M = ch.M.Display(mMask),
            Group = group,
            Stageable = group is not null,
            Basis = basis,
            Chapter = ch.Title,
        };
    }

    private static string Label(Chapter ch) => ch.System == Systems.Ajcc8 ? "AJCC 8" : "ENETS";

    /// <summary>The groups that changing only this axis gives, as words ("I versus IIIB"); null when this axis changes nothing.</summary>
    private static string? Decides(Chapter ch, int axis, ulong t, ulong n, ulong m)
    {
        var own = axis switch { 0 => t, 1 => n, _ => m };
        if (BitOperations.PopCount(own) < 2) return null;
        var matters = false;
        ulong all = 0;
        var allUnstageable = false;
        ulong a = axis == 0 ? n : t, b = axis == 2 ? n : m;
        for (var ra = a; ra != 0; ra &= ra - 1)
        {
            for (var rb = b; rb != 0; rb &= rb - 1)
            {
                var fa = ra & (~ra + 1);
                var fb = rb & (~rb + 1);
                var (tt, nn, mm) = axis switch { 0 => (own, fa, fb), 1 => (fa, own, fb), _ => (fa, fb, own) };
                _ = ch.GroupOf(tt, nn, mm, out var groups, out var unstageable);
                all |= groups;
                allUnstageable |= unstageable;
                matters |= BitOperations.PopCount(groups) + (unstageable ? 1 : 0) > 1;
            }
        }
        return matters ? ch.GroupsText(all, allUnstageable).Replace(" or ", " versus ", StringComparison.Ordinal) : null;
    }

    private static void Missing(Findings findings, ushort kinds, char prefix, string why, in StagingFacts f)
    {
        var any = false;
        for (var rest = (uint)kinds; rest != 0; rest &= rest - 1)
        {
            var kind = (ConditionKind)BitOperations.TrailingZeroCount(rest);
            var field = FieldOf(kind, prefix, f);
            findings.AddMissing(field, why);
            any = true;
        }
        if (!any) findings.AddMissing("tumour.tnm." + char.ToLowerInvariant(prefix), why);
    }

    private static string FieldOf(ConditionKind kind, char prefix, in StagingFacts f) => kind switch
    {
        ConditionKind.SizeMm => "tumour.sizeMm",
        ConditionKind.DepthIn => "tumour.depth",
        ConditionKind.InvadesAny => "tumour.invades",
        ConditionKind.MesoappendixInvasionMm => f.Depth is null ? "tumour.depth" : "tumour.mesoappendixInvasionMm",
        ConditionKind.PositiveNodes => "tumour.lymphNodes",
        ConditionKind.MesentericMass => "tumour.lymphNodes.mesentericMassOver2cm",
        ConditionKind.MetastasisIn or ConditionKind.MetastaticOrgans or ConditionKind.NoMetastasis => f.MetastasesKnown ? "tumour.metastases.liver" : "tumour.metastases",
        _ => "tumour.tnm." + char.ToLowerInvariant(prefix),
    };

    /// <summary>The categories of one axis: from the facts, narrowed by the clinician's category where the facts leave room.</summary>
    private static ulong Resolve(Chapter ch, Axis axis, string? given, string path, in StagingFacts f, Findings findings, List<string> basis, out ushort unknownKinds)
    {
        var reported = axis.Evaluate(f, Reading.Reported);
        unknownKinds = reported.UnknownKinds;
        var clinician = given is not null && axis.ReadsClinicianCategory
            ? axis.Aliases.TryGetValue(given, out var alias) ? alias : given
            : null;
        if (clinician is not null && axis.TryMask(clinician, out var cmask) && cmask != axis.UnknownMask)
        {
            var open = axis.Evaluate(f, Reading.Open);
            var both = open.Mask & cmask;
            if (both == 0)
            {
                var factsLine = Explain(axis, reported, f);
                // tumour.tnm holds AJCC categories: one warning per disagreement, from the AJCC chapter.
                if (ch.System == Systems.Ajcc8)
                {
                    findings.Warn("tnm-disagrees-with-facts",
                        $"{path} is {given}, but the facts give {factsLine}; NetPath stages with the facts, which decide this category.");
                }
                basis.Add($"{factsLine} (the facts decide; {path} {given} disagrees)");
                return reported.Mask;
            }
            if (both != reported.Mask)
            {
                unknownKinds = 0;
                basis.Add($"{axis.Display(both)}: from {path} ({given}); the facts alone give {axis.Display(reported.Mask) ?? "no " + axis.Prefix + " category"}");
                return both;
            }
        }
        basis.Add(Explain(axis, reported, f));
        return reported.Mask;
    }

    private static string Explain(Axis axis, in AxisValue v, in StagingFacts f)
    {
        if (v.Decided is { } rule)
        {
            var conjunction = rule.AnyOf[v.Alternative];
            var words = new List<string>(conjunction.Length);
            foreach (var c in conjunction)
            {
                if (c.Kind != ConditionKind.SiteIn || conjunction.Length == 1) words.Add(c.Describe(f));
            }
            return $"{axis.Leaves[rule.Category]}: {string.Join(" and ", words)}";
        }
        var name = axis.Display(v.Mask);
        var open = OpenWords(axis, v.UnknownKinds, f);
        if (axis.Prefix == 'M' && !f.MetastasesKnown)
            return "M open: metastases not reported (AJCC 8 has no MX; cM0 needs a clinical assessment)";
        if (axis.Prefix == 'N' && f.Examined == 0 && f.Positive is null)
            return $"{name}: no regional nodes examined";
        return BitOperations.PopCount(v.Mask) == 1
            ? $"{name}: the only category the facts allow"
            : $"{name ?? axis.Prefix + " open"} ({axis.Join(v.Mask, ", ")} possible): not given: {open}";
    }

    private static string OpenWords(Axis axis, ushort kinds, in StagingFacts f)
    {
        var words = new List<string>(3);
        const ushort findingKinds = (1 << (int)ConditionKind.NotRecorded) | (1 << (int)ConditionKind.Unrecordable);
        if ((kinds & findingKinds) != 0)
        {
            foreach (var rule in axis.Rules)
            {
                foreach (var conjunction in rule.AnyOf)
                {
                    foreach (var c in conjunction)
                    {
                        if ((kinds & (1 << (int)c.Kind) & findingKinds) != 0 && c.Finding is { } finding && !words.Contains(finding)) words.Add(finding);
                    }
                }
            }
            if (words.Count > 0) words[^1] += $" (no case field: give tumour.tnm.{char.ToLowerInvariant(axis.Prefix)})";
        }
        for (var rest = (uint)kinds; rest != 0; rest &= rest - 1)
        {
            var w = (ConditionKind)BitOperations.TrailingZeroCount(rest) switch
            {
                ConditionKind.SizeMm => "size",
                ConditionKind.DepthIn => "depth of invasion",
                ConditionKind.InvadesAny => "invasion of neighbouring structures",
                ConditionKind.MesoappendixInvasionMm => "mesoappendix invasion",
                ConditionKind.PositiveNodes => "regional lymph node counts",
                ConditionKind.MesentericMass => "mesenteric mass",
                ConditionKind.MetastasisIn or ConditionKind.MetastaticOrgans or ConditionKind.NoMetastasis => f.MetastasesKnown ? "liver status" : "metastases",
                ConditionKind.NotRecorded or ConditionKind.Unrecordable => null,
                _ => "a fact",
            };
            if (w is not null && !words.Contains(w)) words.Add(w);
        }
        return words.Count == 0 ? "the facts" : string.Join(", ", words);
    }

    /// <summary>A stage-table row as a clinician reads it: "any T, any N, M1 gives IV".</summary>
    private static string ReadableRow(string rowText)
    {
        var colon = rowText.LastIndexOf(':');
        var cells = rowText[..colon].Split(' ');
        if (cells.Length != 3) return rowText;
        static string Cell(string cell, char axis) => cell == "any" ? $"any {axis}" : cell.Replace("/", " or ", StringComparison.Ordinal);
        return $"{Cell(cells[0], 'T')}, {Cell(cells[1], 'N')}, {Cell(cells[2], 'M')} gives{rowText[(colon + 1)..]}";
    }
}
