using System.Text.Json;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Staging;

/// <summary>
/// The staging chapters of one knowledge version (knowledge/&lt;version&gt;/staging/*.json): AJCC 8 for
/// every NET chapter, lung and adrenal neuroendocrine tumours, ENETS beside it for pancreas, appendix,
/// colon and rectum. Compiled at load into bit masks and a lookup table per chapter, so that staging
/// a case allocates little beyond its output. NetPath conventions §3; docs/decisions/0100.
/// </summary>
public sealed class StagingKnowledge
{
    private const string Folder = "staging/";
    private const string NotStagedFile = "staging/not-staged.json";

    private readonly Chapter?[] ajccBySite;
    private readonly Chapter[][] otherBySite;
    private readonly string?[] notStagedReason;

    private StagingKnowledge(IReadOnlyList<Chapter> chapters, NotStagedFile notStaged)
    {
        Chapters = chapters;
        var sites = Enum.GetValues<PrimarySite>().Length;
        ajccBySite = new Chapter?[sites];
        otherBySite = new Chapter[sites][];
        notStagedReason = new string?[sites];
        for (var s = 0; s < sites; s++)
        {
            var site = (PrimarySite)s;
            var others = new List<Chapter>();
            foreach (var ch in chapters)
            {
                if (!ch.Sites.Contains(site)) continue;
                if (ch.System == Systems.Ajcc8)
                {
                    if (ajccBySite[s] is not null)
                        throw new KnowledgeException($"Staging: two AJCC 8 chapters for site {WireCode<PrimarySite>.Of(site)} ({ajccBySite[s]!.Id}, {ch.Id}).");
                    ajccBySite[s] = ch;
                }
                else
                {
                    others.Add(ch);
                }
            }
            otherBySite[s] = [.. others];
        }
        foreach (var n in notStaged.Sites)
        {
            if (!WireCode<PrimarySite>.TryParse(n.Site, out var site))
                throw new KnowledgeException($"{NotStagedFile}: '{n.Site}' is not a primary site.");
            notStagedReason[(int)site] = n.Reason;
        }
        NotStagedSource = notStaged.Source;
        NecReason = notStaged.NecReason;
        NecSource = notStaged.NecSource;
        ParasympatheticReason = notStaged.ParasympatheticReason;
    }

    internal IReadOnlyList<Chapter> Chapters { get; }
    internal string NotStagedSource { get; }
    internal string NecReason { get; }
    internal string NecSource { get; }
    internal string ParasympatheticReason { get; }

    internal Chapter? Ajcc(PrimarySite site) => ajccBySite[(int)site];

    internal Chapter[] Others(PrimarySite site) => otherBySite[(int)site];

    internal string? NotStagedReason(PrimarySite site) => notStagedReason[(int)site];

    /// <summary>Loads and compiles every staging file; a malformed file is a <see cref="KnowledgeException"/> naming the file and the problem.</summary>
    public static StagingKnowledge Load(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var chapters = new List<Chapter>();
        NotStagedFile? notStaged = null;
        foreach (var name in source.FileNames)
        {
            if (!name.StartsWith(Folder, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal)) continue;
            try
            {
                if (name == NotStagedFile)
                    notStaged = JsonSerializer.Deserialize(source.Read(name), StagingJsonContext.Default.NotStagedFile);
                else
                    chapters.Add(ChapterCompiler.Compile(
                        JsonSerializer.Deserialize(source.Read(name), StagingJsonContext.Default.ChapterFile)
                            ?? throw new KnowledgeException("the file is empty"), name));
            }
            catch (JsonException ex)
            {
                throw new KnowledgeException($"{name} does not load: {ex.Message}", ex);
            }
            catch (KnowledgeException ex) when (!ex.Message.StartsWith(name, StringComparison.Ordinal))
            {
                throw new KnowledgeException($"{name}: {ex.Message}", ex);
            }
        }
        if (chapters.Count == 0) throw new KnowledgeException($"Knowledge {source.Version} has no staging chapters under {Folder}.");
        return new StagingKnowledge(chapters, notStaged ?? throw new KnowledgeException($"Knowledge {source.Version} has no {NotStagedFile}."));
    }

    /// <summary>
    /// Problems a reviewer must fix before release: a rule or stage row without a source, a T, N, M
    /// combination no stage row covers, a row that can never apply. Empty when the knowledge is sound.
    /// </summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        foreach (var ch in Chapters)
        {
            if (string.IsNullOrWhiteSpace(ch.Source)) problems.Add($"{ch.Id}: the chapter has no source.");
            foreach (var axis in new[] { ch.T, ch.N, ch.M })
            {
                foreach (var rule in axis.Rules)
                {
                    if (string.IsNullOrWhiteSpace(rule.Source))
                        problems.Add($"{ch.Id}: the {axis.Leaves[rule.Category]} rule has no source.");
                }
                for (var leaf = 0; leaf < axis.Leaves.Length; leaf++)
                {
                    var used = false;
                    foreach (var rule in axis.Rules) used |= rule.Category == leaf;
                    if (!used && (axis.UnknownMask & (1UL << leaf)) != 0 && axis.Rules.Length > 0)
                        problems.Add($"{ch.Id}: no rule assigns {axis.Leaves[leaf]}; only a clinician's category can give it.");
                }
            }
            var usedRows = new bool[ch.Rows.Length];
            for (var t = 0; t < ch.T.Leaves.Length; t++)
            {
                for (var n = 0; n < ch.N.Leaves.Length; n++)
                {
                    for (var m = 0; m < ch.M.Leaves.Length; m++)
                    {
                        var cell = ch.Cell(t, n, m);
                        if (ch.Table[cell] == Chapter.Uncovered)
                            problems.Add($"{ch.Id}: no stage row covers {ch.T.Leaves[t]} {ch.N.Leaves[n]} {ch.M.Leaves[m]}.");
                        else
                            usedRows[ch.RowOfCell[cell]] = true;
                    }
                }
            }
            for (var r = 0; r < ch.Rows.Length; r++)
            {
                if (!usedRows[r]) problems.Add($"{ch.Id}: stage row {r + 1} ({ch.Rows[r].Text}) never applies: earlier rows cover it.");
                if (string.IsNullOrWhiteSpace(ch.Rows[r].Source)) problems.Add($"{ch.Id}: stage row {r + 1} has no source.");
            }
        }
        foreach (var site in Enum.GetValues<PrimarySite>())
        {
            if (Ajcc(site) is null && NotStagedReason(site) is null)
                problems.Add($"Site {WireCode<PrimarySite>.Of(site)} has neither an AJCC 8 chapter nor a reason why it is not staged.");
        }
        return problems;
    }

    /// <summary>The clinician documentation of every chapter (docs/clinical/staging.md), generated so that it cannot drift from the rules.</summary>
    public string ToMarkdown() => StagingDocs.Render(this);
}

/// <summary>The staging systems NetPath implements (StagingEntry.System).</summary>
public static class Systems
{
    public const string Ajcc8 = "AJCC8";
    public const string Enets = "ENETS";

    /// <summary>The system as a clinician names it: "AJCC 8th edition", "ENETS".</summary>
    public static string Label(string system) => system switch
    {
        Ajcc8 => "AJCC 8th edition",
        Enets => "ENETS",
        _ => system,
    };
}

/// <summary>Turns a chapter file into its compiled form, failing on anything it cannot read.</summary>
internal static class ChapterCompiler
{
    public static Chapter Compile(ChapterFile f, string file)
    {
        if (f.System is not (Systems.Ajcc8 or Systems.Enets))
            throw new KnowledgeException($"{file}: system '{f.System}' is not AJCC8 or ENETS.");
        var sites = Codes<PrimarySite>(f.Sites, file, "sites");
        var t = CompileAxis(f.T, 'T', file);
        var n = CompileAxis(f.N, 'N', file);
        var m = CompileAxis(f.M, 'M', file);

        var groupNames = new List<GroupName>();
        var rows = new GroupRow[f.Groups.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = f.Groups[i];
            var g = Chapter.Unstageable;
            if (row.Group is { } name)
            {
                g = groupNames.FindIndex(x => x.Name == name);
                if (g < 0)
                {
                    groupNames.Add(GroupName.Parse(name) ?? throw new KnowledgeException($"{file}: groups[{i}]: '{name}' is not a stage group in Roman numerals."));
                    g = groupNames.Count - 1;
                }
            }
            var tm = Cells(row.T, t, file, i);
            var nm = Cells(row.N, n, file, i);
            var mm = Cells(row.M, m, file, i);
            rows[i] = new GroupRow(tm, nm, mm, g, row.Source,
                $"{CellText(row.T)} {CellText(row.N)} {CellText(row.M)}: {row.Group ?? "not stageable"}");
        }
        if (groupNames.Count > 64) throw new KnowledgeException($"{file}: more than 64 stage groups.");

        var table = new int[t.Leaves.Length * n.Leaves.Length * m.Leaves.Length];
        var rowOf = new int[table.Length];
        var chapter = new Chapter
        {
            Id = f.Id,
            System = f.System,
            Title = f.Title,
            Source = f.Source,
            Note = f.Note,
            Sites = sites,
            T = t,
            N = n,
            M = m,
            Groups = [.. groupNames],
            Rows = rows,
            Table = table,
            RowOfCell = rowOf,
        };
        for (var ti = 0; ti < t.Leaves.Length; ti++)
        {
            for (var ni = 0; ni < n.Leaves.Length; ni++)
            {
                for (var mi = 0; mi < m.Leaves.Length; mi++)
                {
                    var cell = chapter.Cell(ti, ni, mi);
                    table[cell] = Chapter.Uncovered;
                    for (var r = 0; r < rows.Length; r++)
                    {
                        if ((rows[r].T >> ti & 1) != 0 && (rows[r].N >> ni & 1) != 0 && (rows[r].M >> mi & 1) != 0)
                        {
                            table[cell] = rows[r].Group;
                            rowOf[cell] = r;
                            break;
                        }
                    }
                }
            }
        }
        return chapter;
    }

    private static string CellText(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? (e.GetString() == "*" ? "any" : e.GetString()!)
        : string.Join("/", e.EnumerateArray().Select(x => x.GetString()));

    private static ulong Cells(JsonElement e, Axis axis, string file, int row)
    {
        if (e.ValueKind == JsonValueKind.String && e.GetString() == "*") return axis.AllMask;
        if (e.ValueKind != JsonValueKind.Array)
            throw new KnowledgeException($"{file}: groups[{row}].{char.ToLowerInvariant(axis.Prefix)} must be \"*\" or a list of categories.");
        ulong mask = 0;
        foreach (var item in e.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : "";
            var leaf = axis.IndexOf(name);
            var parent = Array.IndexOf(axis.ParentNames, name);
            if (leaf < 0 && parent < 0)
                throw new KnowledgeException($"{file}: groups[{row}]: '{name}' is not a {axis.Prefix} category of this chapter.");
            mask |= leaf >= 0 ? 1UL << leaf : axis.ParentMasks[parent];
        }
        return mask;
    }

    private static Axis CompileAxis(AxisFile a, char prefix, string file)
    {
        if (a.Categories.Count is 0 or > 64) throw new KnowledgeException($"{file}: {prefix} needs 1 to 64 categories.");
        var leaves = a.Categories.Select(c => c.Name).ToArray();
        foreach (var leaf in leaves)
        {
            if (!TnmCategory.IsWellFormed(leaf, prefix))
                throw new KnowledgeException($"{file}: '{leaf}' is not a {prefix} category as AJCC spells it.");
        }
        if (leaves.Distinct(StringComparer.Ordinal).Count() != leaves.Length) throw new KnowledgeException($"{file}: {prefix} lists a category twice.");
        ulong unknown = 0;
        for (var i = 0; i < leaves.Length; i++)
        {
            if (a.Categories[i].InUnknown != false) unknown |= 1UL << i;
        }
        var parents = a.Parents ?? [];
        var parentNames = parents.Keys.ToArray();
        var parentMasks = new ulong[parentNames.Length];
        for (var p = 0; p < parentNames.Length; p++)
        {
            foreach (var child in parents[parentNames[p]])
            {
                var i = Array.IndexOf(leaves, child);
                if (i < 0) throw new KnowledgeException($"{file}: parent {parentNames[p]} names '{child}', which is not a {prefix} category.");
                parentMasks[p] |= 1UL << i;
            }
        }
        var rules = new Rule[a.Rules.Count];
        for (var r = 0; r < rules.Length; r++)
        {
            var rf = a.Rules[r];
            var category = Array.IndexOf(leaves, rf.Category);
            if (category < 0) throw new KnowledgeException($"{file}: {prefix} rule {r + 1} assigns '{rf.Category}', which is not a category of the chapter.");
            if (rf.AnyOf.Count == 0) throw new KnowledgeException($"{file}: {prefix} rule {r + 1} ({rf.Category}) has no conditions.");
            rules[r] = new Rule
            {
                Category = category,
                AnyOf = [.. rf.AnyOf.Select((c, i) => Conjunction(c, file, $"{prefix} rule {r + 1} ({rf.Category}) anyOf[{i}]"))],
                Sites = rf.Sites is null ? default : Codes<PrimarySite>(rf.Sites, file, $"{prefix} rule {r + 1} sites"),
                Text = rf.Text,
                Source = rf.Source,
            };
        }
        return new Axis
        {
            Prefix = prefix,
            Leaves = leaves,
            Meanings = [.. a.Categories.Select(c => c.Meaning)],
            UnknownMask = unknown,
            ParentNames = parentNames,
            ParentMasks = parentMasks,
            Aliases = a.Aliases ?? [],
            ReadsClinicianCategory = a.ReadsClinicianCategory != false,
            Rules = rules,
        };
    }

    private static Condition[] Conjunction(ConditionFile c, string file, string where)
    {
        var list = new List<Condition>();
        if (c.SizeMm is { } size) list.Add(new Condition { Kind = ConditionKind.SizeMm, Bound = BoundOf(size, file, where) });
        if (c.DepthIn is { } depths) list.Add(new Condition { Kind = ConditionKind.DepthIn, Depths = Codes<Depth>(depths, file, where) });
        if (c.InvadesAny is { } inv) list.Add(new Condition { Kind = ConditionKind.InvadesAny, Structures = Codes<InvadedStructure>(inv, file, where) });
        if (c.MesoappendixInvasionMm is { } meso) list.Add(new Condition { Kind = ConditionKind.MesoappendixInvasionMm, Bound = BoundOf(meso, file, where) });
        if (c.SiteIn is { } s) list.Add(new Condition { Kind = ConditionKind.SiteIn, Sites = Codes<PrimarySite>(s, file, where) });
        if (c.PositiveNodes is { } pn) list.Add(new Condition { Kind = ConditionKind.PositiveNodes, Bound = BoundOf(pn, file, where) });
        if (c.MesentericMassOver2cm is { } mass) list.Add(new Condition { Kind = ConditionKind.MesentericMass, Flag = mass });
        if (c.MetastasisIn is { } mi)
        {
            var (liver, sites) = MetastaticSites(mi, file, where);
            list.Add(new Condition { Kind = ConditionKind.MetastasisIn, IncludesLiver = liver, MetastaticSites = sites });
        }
        foreach (var each in c.MetastasisInEach ?? [])
        {
            var (liver, sites) = MetastaticSites(each, file, where);
            list.Add(new Condition { Kind = ConditionKind.MetastasisIn, IncludesLiver = liver, MetastaticSites = sites });
        }
        if (c.MetastaticOrgans is { } organs)
        {
            var (liver, sites) = MetastaticSites(organs.Among, file, where);
            if (organs.AtLeast < 1) throw new KnowledgeException($"{file}: {where}: metastaticOrgans.atLeast must be 1 or more.");
            list.Add(new Condition { Kind = ConditionKind.MetastaticOrgans, IncludesLiver = liver, MetastaticSites = sites, AtLeast = organs.AtLeast });
        }
        if (c.NoMetastasis == true) list.Add(new Condition { Kind = ConditionKind.NoMetastasis });
        if (c.NotRecorded is { } nr) list.Add(new Condition { Kind = ConditionKind.NotRecorded, Finding = nr });
        if (c.Unrecordable is { } ur) list.Add(new Condition { Kind = ConditionKind.Unrecordable, Finding = ur });
        if (list.Count == 0) throw new KnowledgeException($"{file}: {where} has no condition.");
        return [.. list];
    }

    private static (bool Liver, EnumSet<MetastaticSite> Sites) MetastaticSites(List<string> codes, string file, string where)
    {
        var liver = codes.Contains("liver");
        return (liver, Codes<MetastaticSite>([.. codes.Where(x => x != "liver")], file, where));
    }

    private static Bound BoundOf(BoundFile b, string file, string where)
    {
        var bound = new Bound(b.Gt, b.Ge, b.Lt, b.Le);
        if (bound.IsEmpty) throw new KnowledgeException($"{file}: {where}: a bound needs gt, ge, lt or le.");
        if (b.Gt is not null && b.Ge is not null || b.Lt is not null && b.Le is not null)
            throw new KnowledgeException($"{file}: {where}: give gt or ge, lt or le, not both.");
        return bound;
    }

    private static EnumSet<T> Codes<T>(List<string> codes, string file, string where) where T : struct, Enum
    {
        var set = EnumSet<T>.Empty;
        foreach (var code in codes)
        {
            if (!WireCode<T>.TryParse(code, out var v))
                throw new KnowledgeException($"{file}: {where}: '{code}' is not one of {WireCode<T>.AllowedText}.");
            set = set.With(v);
        }
        return set;
    }
}
