using NetPath.Clinical.Assessments;

namespace NetPath.Clinical.Pathways;

/// <summary>The plan part of an assessment: what should happen next, what is ruled out, and why.</summary>
public sealed record Plan
{
    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];
    public IReadOnlyList<Contraindication> Contraindicated { get; init; } = [];
    public IReadOnlyList<WorkupItem> Workup { get; init; } = [];
    public IReadOnlyList<TeamRole> Team { get; init; } = [];
    public IReadOnlyList<FollowUpItem> FollowUp { get; init; } = [];
    /// <summary>For <c>--explain</c>: the rules that fired, that wait on a missing fact, or that nearly fired.</summary>
    public IReadOnlyList<RuleEvaluation> Trace { get; init; } = [];
    public static Plan Empty { get; } = new();
}

/// <summary>Everything the pathway rules see: the case and what the engine concluded about it so far.</summary>
public sealed record ClinicalPicture(
    Cases.Case Case,
    DateOnly AssessmentDate,
    Assessments.Classification Classification,
    Grade Grade,
    IReadOnlyList<StagingEntry> Staging);

/// <summary>
/// Lays out the multimodal plan for a classified, graded case from the compiled pathway rules
/// (knowledge/&lt;version&gt;/pathways). A rule fires when all its conditions are true; a rule
/// that waits only on unknown facts asks for them (missingData, work-up) instead of guessing.
/// Contraindicated codes are removed from the recommendations and listed with their reason.
/// Thread-safe: the planner holds only immutable compiled rules.
/// </summary>
public sealed class PathwayPlanner
{
    private readonly PathwayKnowledge knowledge;
    // Rules indexed by primary site: a rule with a site condition is only evaluated for its sites.
    private readonly PathwayRule[][] firstPhase;
    private readonly PathwayRule[][] secondPhase;
    private readonly int codeCount = CareCodes.All.Count;
    // Team roles each code brings in (team.json prefixes resolved once).
    private readonly TeamRole[][] rolesByCode;
    private static readonly int TeamRoleCount = Enum.GetValues<TeamRole>().Length;

    public PathwayPlanner(PathwayKnowledge knowledge)
    {
        this.knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        rolesByCode = new TeamRole[CareCodes.All.Count][];
        for (var i = 0; i < rolesByCode.Length; i++)
        {
            var roles = new List<TeamRole>();
            foreach (var (prefix, r) in knowledge.TeamByCode)
            {
                if (CareCodes.All[i].Code.StartsWith(prefix, StringComparison.Ordinal)) roles.AddRange(r);
            }
            rolesByCode[i] = [.. roles.Distinct()];
        }
        firstPhase = BySite(knowledge.Rules, secondPhase: false);
        secondPhase = BySite(knowledge.Rules, secondPhase: true);
    }

    private static PathwayRule[][] BySite(IReadOnlyList<PathwayRule> rules, bool secondPhase)
    {
        var sites = Enum.GetValues<Cases.PrimarySite>();
        var result = new PathwayRule[sites.Length][];
        foreach (var site in sites)
        {
            var list = new List<PathwayRule>();
            foreach (var r in rules)
            {
                if (r.SecondPhase == secondPhase && AppliesTo(r, site)) list.Add(r);
            }
            result[(int)site] = [.. list];
        }
        return result;
    }

    /// <summary>False only when a positive site condition of the rule excludes the site (the rule could never fire there).</summary>
    private static bool AppliesTo(PathwayRule rule, Cases.PrimarySite site)
    {
        var code = Cases.WireCode<Cases.PrimarySite>.Of(site);
        foreach (var c in rule.Conditions)
        {
            if (!c.Expression.StartsWith("site:", StringComparison.Ordinal)) continue;
            if (!c.Expression[5..].Split('|').Contains(code, StringComparer.Ordinal)) return false;
        }
        return true;
    }

    public PathwayKnowledge Knowledge => knowledge;

    /// <param name="picture">The case and what the engine concluded about it so far.</param>
    /// <param name="findings">Where missing data and warnings found while planning are added.</param>
    /// <param name="explain">
    /// Whether to keep the trace of every rule evaluated (about fifty entries a case): wanted for
    /// <c>--explain</c> and for the rules a stored assessment records, not for a registry batch.
    /// </param>
    public Plan Plan(ClinicalPicture picture, Findings findings, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(findings);
        var run = new Run(new CaseFacts(picture, codeCount), findings, codeCount, explain);
        var site = (int)picture.Case.Tumour.PrimarySite;
        Evaluate(firstPhase[site], run);
        MarkRecommended(run);
        Evaluate(secondPhase[site], run);
        var recommendations = Resolve(run);
        return new Plan
        {
            Recommendations = recommendations,
            Contraindicated = run.Contraindications,
            Workup = run.Workup,
            Team = Team(run),
            FollowUp = FollowUp(run, recommendations),
            Trace = (IReadOnlyList<RuleEvaluation>?)run.Trace ?? [],
        };
    }

    private sealed class Run(CaseFacts facts, Findings findings, int codeCount, bool explain)
    {
        public CaseFacts Facts { get; } = facts;
        public Findings Findings { get; } = findings;
        public List<PathwayRule> Candidates { get; } = [];
        public List<PathwayRule> Contras { get; } = [];
        public List<PathwayRule> PendingContras { get; } = [];
        public List<PathwayRule> Cautions { get; } = [];
        public List<PathwayRule> FollowUps { get; } = [];
        public List<PathwayRule> Teams { get; } = [];
        public List<WorkupItem> Workup { get; } = [];
        public List<Contraindication> Contraindications { get; } = [];
        public List<RuleEvaluation>? Trace { get; } = explain ? new(64) : null;
        public bool[] Proposed { get; } = new bool[codeCount];
        public bool[] Ruled { get; } = new bool[codeCount];
        public Tri[] Results { get; } = new Tri[16];
    }

    private static void Evaluate(PathwayRule[] rules, Run run)
    {
        var f = run.Facts;
        foreach (var rule in rules)
        {
            var evals = rule.Evals;
            var falses = 0;
            var unknowns = 0;
            var firstFalse = -1;
            var results = evals.Length <= run.Results.Length ? run.Results : new Tri[evals.Length];
            for (var i = 0; i < evals.Length; i++)
            {
                var r = evals[i](f);
                results[i] = r;
                if (r == Tri.False)
                {
                    if (falses++ == 0) firstFalse = i;
                    // Two or more unmet conditions: the rule is not close; stop early.
                    if (falses > 1) break;
                }
                else if (r == Tri.Unknown) unknowns++;
            }
            if (falses > 1) continue;
            if (falses == 1)
            {
                if (unknowns == 0 && rule.Kind is RuleKind.Recommend or RuleKind.Contraindicate)
                    run.Trace?.Add(new RuleEvaluation(rule.Id, rule.Code, RuleOutcome.NearlyFired, rule.NearMiss[firstFalse]));
                continue;
            }
            if (unknowns > 0)
            {
                if (rule.Kind is RuleKind.Recommend or RuleKind.Contraindicate or RuleKind.Workup)
                    run.Trace?.Add(new RuleEvaluation(rule.Id, rule.Code, RuleOutcome.Unsettled, rule.WaitsOn[FirstUnknown(results, evals.Length)]));
                if (rule.Kind == RuleKind.Contraindicate) run.PendingContras.Add(rule);
                else if (rule.SettleUnknown) SettleUnknowns(rule, results, run, null);
                continue;
            }
            run.Trace?.Add(new RuleEvaluation(rule.Id, rule.Code, RuleOutcome.Fired, null));
            Fire(rule, run);
        }
    }

    private static void Fire(PathwayRule rule, Run run)
    {
        switch (rule.Kind)
        {
            case RuleKind.Recommend:
                run.Candidates.Add(rule);
                run.Proposed[rule.CodeIndices[0]] = true;
                break;
            case RuleKind.Contraindicate:
                run.Contras.Add(rule);
                foreach (var i in rule.CodeIndices) run.Ruled[i] = true;
                break;
            case RuleKind.Caution:
                run.Cautions.Add(rule);
                break;
            case RuleKind.Workup:
                AddWorkup(run, rule.Code, rule.Template.Fill(run.Facts));
                break;
            case RuleKind.Team:
                run.Teams.Add(rule);
                break;
            case RuleKind.FollowUp:
                run.FollowUps.Add(rule);
                break;
            case RuleKind.Warn:
                run.Findings.Warn(rule.Target!, rule.Template.Fill(run.Facts));
                break;
            case RuleKind.Missing:
                run.Findings.AddMissing(rule.Target!, rule.Template.Fill(run.Facts));
                break;
        }
    }

    private static void AddWorkup(Run run, string code, string reason)
    {
        foreach (var w in run.Workup)
        {
            if (w.Code == code) return;
        }
        run.Workup.Add(new WorkupItem { Code = code, Reason = reason });
    }

    private static int FirstUnknown(Tri[] results, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (results[i] == Tri.Unknown) return i;
        }
        return 0;
    }

    /// <summary>
    /// Asks for the first unknown condition of a rule that waits on unknown facts. Conditions are
    /// written gate first (site, syndrome, metastases before SSTR status or liver burden), so the
    /// fact asked for is the one that decides next; later ones are asked once it is known.
    /// </summary>
    private static void SettleUnknowns(PathwayRule rule, Tri[] results, Run run, string? before)
    {
        var i = FirstUnknown(results, rule.ConditionArray.Length);
        var c = rule.ConditionArray[i];
        if (c.Parts is { } parts)
        {
            foreach (var p in parts)
            {
                if (p.Eval(run.Facts) == Tri.Unknown) Settle(p.Settle, run, before);
            }
        }
        else Settle(c.Settle, run, before);
    }

    private static void Settle(Settle? settle, Run run, string? before)
    {
        if (settle is null) return;
        var why = before is null ? settle.Why : settle.Why + " Check before " + before + ".";
        if (settle.Field is { } field) run.Findings.AddMissing(field, why);
        if (settle.WorkupCode is { } code && before is null) AddWorkup(run, code, settle.Why);
    }

    private static readonly Comparison<PathwayRule> ByRank = (a, b) =>
    {
        var c = a.Strength.CompareTo(b.Strength);
        if (c != 0) return c;
        c = a.Priority.CompareTo(b.Priority);
        return c != 0 ? c : a.Order.CompareTo(b.Order);
    };

    /// <summary>What the first phase recommends, for the second phase's recommended: conditions (no text built).</summary>
    private static void MarkRecommended(Run run)
    {
        var f = run.Facts;
        foreach (var rule in run.Candidates)
        {
            var index = rule.CodeIndices[0];
            if (run.Ruled[index]) continue;
            if (rule.AfterProgression is null && (f.ProgressedOn(rule.Code) || f.IntolerantOf(rule.Code))) continue;
            f.Recommended[index] = true;
        }
    }

    /// <summary>
    /// Turns the fired rules into the ordered recommendations: contraindicated codes out (listed
    /// with their reason), therapies the disease progressed on out unless the rule says why they
    /// continue, one entry per code, strongest first.
    /// </summary>
    private static List<Recommendation> Resolve(Run run)
    {
        var f = run.Facts;
        run.Candidates.Sort(ByRank);
        run.Contraindications.Clear();
        Array.Clear(f.Recommended);
        foreach (var contra in run.Contras)
        {
            for (var k = 0; k < contra.CodeIndices.Length; k++)
            {
                var i = contra.CodeIndices[k];
                if (!(run.Proposed[i] || contra.Always) || HasContraindication(run, contra.Codes[k])) continue;
                run.Contraindications.Add(new Contraindication
                {
                    Code = contra.Codes[k],
                    Reason = contra.Template.Fill(f),
                    Source = contra.SourceText,
                    RuleId = contra.Id,
                });
            }
        }
        var result = new List<Recommendation>();
        foreach (var rule in run.Candidates)
        {
            var index = rule.CodeIndices[0];
            if (run.Ruled[index]) continue;
            var code = rule.Code;
            var stopped = f.ProgressedOn(code) || f.IntolerantOf(code);
            if (stopped && rule.AfterProgression is null) continue;
            var rationale = rule.Template.Fill(f);
            if (stopped) rationale += " " + rule.AfterProgression;
            if (f.Recommended[index])
            {
                // A second reason for the same code (SSA for tumour and for syndrome control) joins the first.
                Merge(result, code, rationale, rule.Evidence);
                continue;
            }
            f.Recommended[index] = true;
            var category = CareCodes.All[index].Category;
            int? line = null;
            if (category == "systemic")
            {
                var given = f.LineOf(code);
                line = given > 0 && !stopped ? given : f.PriorSystemicLines + 1;
            }
            result.Add(new Recommendation
            {
                Code = code,
                Category = category,
                Strength = rule.Strength,
                Intent = rule.Intent,
                Line = line,
                Rationale = rationale,
                Evidence = rule.Evidence,
                Cautions = Cautions(run, code),
                WouldChange = rule.WouldChange,
                RuleId = rule.Id,
            });
        }
        // A contraindication that waits on an unknown fact asks for it where the code is recommended.
        foreach (var pending in run.PendingContras)
        {
            if (!pending.SettleUnknown) continue;
            foreach (var i in pending.CodeIndices)
            {
                if (!f.Recommended[i]) continue;
                var results = new Tri[pending.Conditions.Count];
                for (var c = 0; c < results.Length; c++) results[c] = pending.Conditions[c].Eval(f);
                SettleUnknowns(pending, results, run, CareCodes.All[i].Code);
                break;
            }
        }
        return result;
    }

    private static void Merge(List<Recommendation> result, string code, string rationale, IReadOnlyList<Evidence> evidence)
    {
        for (var i = 0; i < result.Count; i++)
        {
            var r = result[i];
            if (r.Code != code) continue;
            var merged = new List<Evidence>(r.Evidence);
            foreach (var e in evidence)
            {
                if (!merged.Contains(e)) merged.Add(e);
            }
            result[i] = r with { Rationale = r.Rationale + " " + rationale, Evidence = merged };
            return;
        }
    }

    private static bool HasContraindication(Run run, string code)
    {
        foreach (var c in run.Contraindications)
        {
            if (c.Code == code) return true;
        }
        return false;
    }

    private static IReadOnlyList<string> Cautions(Run run, string code)
    {
        List<string>? list = null;
        foreach (var c in run.Cautions)
        {
            foreach (var cc in c.Codes)
            {
                if (cc != code) continue;
                (list ??= []).Add(c.Template.Fill(run.Facts));
                break;
            }
        }
        return list is null ? Array.Empty<string>() : list;
    }

    private List<TeamRole> Team(Run run)
    {
        var on = new bool[TeamRoleCount];
        var f = run.Facts;
        for (var i = 0; i < f.Recommended.Length; i++)
        {
            if (!f.Recommended[i]) continue;
            foreach (var role in rolesByCode[i]) on[(int)role] = true;
        }
        foreach (var w in run.Workup)
        {
            foreach (var role in rolesByCode[FactVocabulary.IndexOfCode(w.Code)]) on[(int)role] = true;
        }
        foreach (var t in run.Teams) on[(int)t.Role!.Value] = true;
        var roles = new List<TeamRole>();
        for (var i = 0; i < on.Length; i++)
        {
            if (on[i]) roles.Add((TeamRole)i);
        }
        return roles;
    }

    private static List<FollowUpItem> FollowUp(Run run, List<Recommendation> recommendations)
    {
        var items = new List<FollowUpItem>();
        foreach (var r in run.Candidates)
        {
            if (r.ClearsFollowUp && run.Facts.Recommended[r.CodeIndices[0]] && Contains(recommendations, r.Code)) return items;
        }
        run.FollowUps.Sort(ByRank);
        var groups = new List<string>();
        foreach (var rule in run.FollowUps)
        {
            if (rule.Group is { } g)
            {
                if (groups.Contains(g)) continue;
                groups.Add(g);
            }
            items.Add(new FollowUpItem
            {
                Test = rule.Test!,
                EveryMonths = rule.EveryMonths,
                Note = rule.Template.Fill(run.Facts),
                ForYears = rule.ForYears,
                Source = rule.SourceText,
            });
        }
        return items;
    }

    private static bool Contains(List<Recommendation> recommendations, string code)
    {
        foreach (var r in recommendations)
        {
            if (r.Code == code) return true;
        }
        return false;
    }
}

/// <summary>How one rule came out for one case.</summary>
public enum RuleOutcome
{
    Fired,
    /// <summary>No condition false, some unknown: the rule asked for the missing facts.</summary>
    Unsettled,
    /// <summary>All conditions true but one.</summary>
    NearlyFired,
}

/// <summary>One line of the <c>--explain</c> trace: the rule, its code, and for a near miss the unmet condition as a sentence.</summary>
public sealed record RuleEvaluation(string RuleId, string Code, RuleOutcome Outcome, string? Detail);
