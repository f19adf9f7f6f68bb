using System.Numerics;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Staging;

/// <summary>A rule of one axis: the category it assigns when any of its alternatives holds.</summary>
internal sealed class Rule
{
    public required int Category { get; init; }
    public required Condition[][] AnyOf { get; init; }
    /// <summary>Empty: every site of the chapter.</summary>
    public required EnumSet<PrimarySite> Sites { get; init; }
    public required string Text { get; init; }
    public required string Source { get; init; }

    public bool AppliesTo(PrimarySite site) => Sites.IsEmpty || Sites.Contains(site);

    /// <summary>The value of the rule and, when it holds, which alternative made it hold.</summary>
    public Tri Evaluate(in StagingFacts f, Reading reading, out int alternative, ref ushort unknownKinds)
    {
        var result = Tri.False;
        alternative = -1;
        for (var a = 0; a < AnyOf.Length; a++)
        {
            var all = Tri.True;
            var conjunction = AnyOf[a];
            for (var i = 0; i < conjunction.Length; i++)
            {
                var v = conjunction[i].Evaluate(f, reading);
                if (v == Tri.Unknown) unknownKinds |= (ushort)(1 << (int)conjunction[i].Kind);
                all = Condition.And(all, v);
                if (all == Tri.False) break;
            }
            if (all == Tri.True)
            {
                alternative = a;
                return Tri.True;
            }
            result = Condition.Or(result, all);
        }
        return result;
    }
}

/// <summary>What the facts leave possible on one axis.</summary>
internal readonly record struct AxisValue(ulong Mask, Rule? Decided, int Alternative, ushort UnknownKinds);

/// <summary>One of T, N, M in one chapter: its categories as bits of a mask, and its rules.</summary>
internal sealed class Axis
{
    public required char Prefix { get; init; }
    public required string[] Leaves { get; init; }
    public required string[] Meanings { get; init; }
    public required ulong UnknownMask { get; init; }
    public required string[] ParentNames { get; init; }
    public required ulong[] ParentMasks { get; init; }
    public required IReadOnlyDictionary<string, string> Aliases { get; init; }
    public required bool ReadsClinicianCategory { get; init; }
    public required Rule[] Rules { get; init; }

    public ulong AllMask => Leaves.Length == 64 ? ulong.MaxValue : (1UL << Leaves.Length) - 1;

    public int IndexOf(string leaf)
    {
        for (var i = 0; i < Leaves.Length; i++)
        {
            if (string.Equals(Leaves[i], leaf, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>The leaves a category spelling stands for: a leaf, a parent, or the unknown spelling (TX, NX, T0).</summary>
    public bool TryMask(string category, out ulong mask)
    {
        var i = IndexOf(category);
        if (i >= 0)
        {
            mask = 1UL << i;
            return true;
        }
        for (var p = 0; p < ParentNames.Length; p++)
        {
            if (string.Equals(ParentNames[p], category, StringComparison.Ordinal))
            {
                mask = ParentMasks[p];
                return true;
            }
        }
        if (category.Length == 2 && category[0] == Prefix && category[1] == 'X' || Prefix == 'T' && category == "T0")
        {
            mask = UnknownMask;
            return true;
        }
        mask = 0;
        return false;
    }

    /// <summary>The possible categories: every rule that may hold down to the first that surely holds (rules run most advanced first).</summary>
    public AxisValue Evaluate(in StagingFacts f, Reading reading)
    {
        ulong mask = 0;
        ushort unknown = 0;
        foreach (var rule in Rules)
        {
            if (!rule.AppliesTo(f.Site)) continue;
            var v = rule.Evaluate(f, reading, out var alternative, ref unknown);
            if (v == Tri.False) continue;
            mask |= 1UL << rule.Category;
            if (v == Tri.True) return new AxisValue(mask, mask == 1UL << rule.Category ? rule : null, alternative, unknown);
        }
        // No rule surely holds: the facts fit no definition, so nothing is excluded.
        return new AxisValue(mask == 0 ? UnknownMask : mask, null, -1, unknown);
    }

    /// <summary>The AJCC spelling of a set of categories: the leaf, else the narrowest parent holding the set (T1 for T1a+T1b), else TX/NX (M: none).</summary>
    public string? Display(ulong mask)
    {
        if (BitOperations.PopCount(mask) == 1) return Leaves[BitOperations.TrailingZeroCount(mask)];
        for (var p = 0; p < ParentMasks.Length; p++)
        {
            if (ParentMasks[p] == mask) return ParentNames[p];
        }
        // The contract spells categories as AJCC does: an open set is written as the narrowest
        // category that holds all of it (T1 for T1b or T1c, M1 for M1b or M1c), else TX or NX;
        // AJCC 8 has no MX, so an open M is no category (docs/decisions/0101). The basis lists
        // the categories still possible.
        var narrowest = -1;
        for (var p = 0; p < ParentMasks.Length; p++)
        {
            if ((ParentMasks[p] & mask) == mask && (narrowest < 0 || BitOperations.PopCount(ParentMasks[p]) < BitOperations.PopCount(ParentMasks[narrowest])))
                narrowest = p;
        }
        if (narrowest >= 0) return ParentNames[narrowest];
        return Prefix == 'M' ? null : Prefix + "X";
    }

    public string Join(ulong mask, string separator)
    {
        var parts = new List<string>(BitOperations.PopCount(mask));
        for (var rest = mask; rest != 0; rest &= rest - 1) parts.Add(Leaves[BitOperations.TrailingZeroCount(rest)]);
        return string.Join(separator, parts);
    }
}

/// <summary>A stage group name split into its levels (IIIB: III, IIIB), for the group all open combinations share.</summary>
internal sealed record GroupName(string Name, string Roman, string? RomanLetter)
{
    public static GroupName? Parse(string name)
    {
        var i = 0;
        while (i < name.Length && name[i] is 'I' or 'V' or 'X' or '0') i++;
        if (i == 0) return null;
        var letterEnd = i < name.Length && name[i] is >= 'A' and <= 'C' ? i + 1 : i;
        var digitEnd = letterEnd < name.Length && char.IsAsciiDigit(name[letterEnd]) ? letterEnd + 1 : letterEnd;
        if (digitEnd != name.Length) return null;
        return new GroupName(name, name[..i], letterEnd > i ? name[..letterEnd] : null);
    }
}

/// <summary>A row of a stage table: first match wins.</summary>
internal sealed record GroupRow(ulong T, ulong N, ulong M, int Group, string Source, string Text);

/// <summary>One compiled staging chapter (AJCC 8 or ENETS) for one or more primary sites.</summary>
internal sealed class Chapter
{
    public const int Unstageable = -1;
    public const int Uncovered = -2;

    public required string Id { get; init; }
    public required string System { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required string? Note { get; init; }
    public required EnumSet<PrimarySite> Sites { get; init; }
    public required Axis T { get; init; }
    public required Axis N { get; init; }
    public required Axis M { get; init; }
    public required GroupName[] Groups { get; init; }
    public required GroupRow[] Rows { get; init; }
    /// <summary>The group index of every leaf combination (t, n, m), from the first matching row.</summary>
    public required int[] Table { get; init; }
    public required int[] RowOfCell { get; init; }

    public int Cell(int t, int n, int m) => (t * N.Leaves.Length + n) * M.Leaves.Length + m;

    /// <summary>
    /// The group every possible combination shares, at the finest level they share (IIIA and IIIB
    /// share III, as SEER assigns T4 NX M0 in colon and rectum); null when they share none or one
    /// cannot be staged. <paramref name="groups"/> gets the bit of every group met.
    /// </summary>
    public string? GroupOf(ulong t, ulong n, ulong m, out ulong groups, out bool anyUnstageable)
    {
        groups = 0;
        anyUnstageable = false;
        for (var ts = t; ts != 0; ts &= ts - 1)
        {
            var ti = BitOperations.TrailingZeroCount(ts);
            for (var ns = n; ns != 0; ns &= ns - 1)
            {
                var ni = BitOperations.TrailingZeroCount(ns);
                for (var ms = m; ms != 0; ms &= ms - 1)
                {
                    var g = Table[Cell(ti, ni, BitOperations.TrailingZeroCount(ms))];
                    if (g < 0) anyUnstageable = true;
                    else groups |= 1UL << g;
                }
            }
        }
        if (anyUnstageable || groups == 0) return null;
        var first = Groups[BitOperations.TrailingZeroCount(groups)];
        if (BitOperations.PopCount(groups) == 1) return first.Name;
        bool sameLetter = first.RomanLetter is not null, sameRoman = true;
        for (var rest = groups & (groups - 1); rest != 0; rest &= rest - 1)
        {
            var g = Groups[BitOperations.TrailingZeroCount(rest)];
            sameLetter &= string.Equals(g.RomanLetter, first.RomanLetter, StringComparison.Ordinal);
            sameRoman &= string.Equals(g.Roman, first.Roman, StringComparison.Ordinal);
        }
        return sameLetter ? first.RomanLetter : sameRoman ? first.Roman : null;
    }

    public string GroupsText(ulong groups, bool anyUnstageable)
    {
        // Rows run from the most advanced group down, so the highest index is the least advanced.
        var names = new List<string>(BitOperations.PopCount(groups) + 1);
        for (var rest = groups; rest != 0; rest &= ~(1UL << (63 - BitOperations.LeadingZeroCount(rest))))
            names.Add(Groups[63 - BitOperations.LeadingZeroCount(rest)].Name);
        if (anyUnstageable) names.Add("not stageable");
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }
}
