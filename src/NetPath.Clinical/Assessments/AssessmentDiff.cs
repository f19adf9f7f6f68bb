using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Assessments;

/// <summary>How one entry differs between two versions: present only after, only before, or in both with another value.</summary>
public enum DiffKind { Added, Removed, Changed }

/// <summary>
/// One difference between two assessments: <see cref="Key"/> names what changed in the assessment
/// contract's terms (<c>grade</c>, <c>staging.AJCC8.group</c>, a care code, a missing field, a team
/// role, a follow-up test), with the value before and after as text; null on the side where it is absent.
/// </summary>
public sealed record AssessmentChange(string Key, DiffKind Kind, string? Before, string? After);

/// <summary>What a <see cref="ChangeLine"/> says changed; the what-if page exposes the member name to its tests.</summary>
public enum ChangeKind
{
    Grade,
    Stage,
    RecommendationAdded,
    RecommendationRemoved,
    StrengthChanged,
    RuledOutAdded,
    RuledOutRemoved,
    WorkupAdded,
    WorkupRemoved,
    MissingAdded,
    MissingRemoved,
    TeamAdded,
    TeamRemoved,
    FollowUpAdded,
    FollowUpRemoved,
    FollowUpChanged,
}

/// <summary>One change in the words <c>netpath whatif</c> prints, and what it is about (a care code, a staging system, a field).</summary>
public sealed record ChangeLine(ChangeKind Kind, string Subject, string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// What changed between two assessments of one patient: the one comparison behind
/// <c>netpath whatif</c>, the what-if page and the version history (docs/decisions/0520, 0531, 0540).
/// The facts (classification, grade, each staging system's categories and group, knowledge
/// version) and, by code, the plan (added, removed, strength, intent or line changed), what is
/// ruled out, the work-up, the missing data, the warnings, the team and the follow-up schedule.
/// It compares the assessments' own codes and values, never their sentences: a rationale reworded
/// by a new knowledge version is not a change in the plan.
/// </summary>
public sealed class AssessmentDiff
{
    private const string StagingPrefix = "staging.";
    private IReadOnlyList<ChangeLine>? lines;
    private IReadOnlyList<ChangeLine>? followUpLines;

    private AssessmentDiff(Assessment before, Assessment after)
    {
        Before = before;
        After = after;
        Facts = FactChanges(before, after);
        Recommendations = Keyed(before.Recommendations, after.Recommendations, static r => r.Code, Plan, compare: true);
        Contraindications = Keyed(before.Contraindicated, after.Contraindicated, static c => c.Code, static c => c.Reason, compare: false);
        Workup = Keyed(before.Workup, after.Workup, static w => w.Code, static w => w.Reason, compare: false);
        MissingData = Keyed(before.MissingData, after.MissingData, static m => m.Field, static m => m.Why, compare: false);
        Warnings = Keyed(before.Warnings, after.Warnings, static w => w.Code, static w => w.Message, compare: false);
        Team = Keyed(before.Team, after.Team, WireCode<TeamRole>.Of, WireCode<TeamRole>.Of, compare: false);
        FollowUp = Keyed(before.FollowUp, after.FollowUp, static f => f.Test, Interval, compare: true);
    }

    public Assessment Before { get; }
    public Assessment After { get; }
    public IReadOnlyList<AssessmentChange> Facts { get; }
    public IReadOnlyList<AssessmentChange> Recommendations { get; }
    public IReadOnlyList<AssessmentChange> Contraindications { get; }
    public IReadOnlyList<AssessmentChange> Workup { get; }
    public IReadOnlyList<AssessmentChange> MissingData { get; }
    public IReadOnlyList<AssessmentChange> Warnings { get; }
    public IReadOnlyList<AssessmentChange> Team { get; }
    public IReadOnlyList<AssessmentChange> FollowUp { get; }

    public bool IsEmpty => Facts.Count + Recommendations.Count + Contraindications.Count + Workup.Count
        + MissingData.Count + Warnings.Count + Team.Count + FollowUp.Count == 0;

    /// <summary>
    /// The changes <c>netpath whatif</c> prints, in its words and order: grade, stages, plan,
    /// ruled out, work-up, missing data, team. Worded from the sections above, so they never
    /// disagree; what the command has never printed (the other facts, intent or line alone,
    /// warnings) has no line, so its output stays as it was (decision 0540). Worded on first use:
    /// the history page never asks.
    /// </summary>
    public IReadOnlyList<ChangeLine> Lines => lines ??= WordPlan();

    /// <summary>The follow-up schedules added, dropped or retimed, worded like <see cref="Lines"/>; kept apart because the command does not print them (decision 0520).</summary>
    public IReadOnlyList<ChangeLine> FollowUpLines => followUpLines ??= WordFollowUp();

    public static AssessmentDiff Between(Assessment before, Assessment after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new AssessmentDiff(before, after);
    }

    /// <summary>The form <c>netpath whatif --format json</c> writes: the changes asked for, the change lines, both assessments.</summary>
    public JsonObject ToJson(IReadOnlyList<string> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return new()
        {
            ["set"] = new JsonArray([.. sets.Select(s => (JsonNode)JsonValue.Create(s))]),
            ["changes"] = new JsonArray([.. Lines.Select(c => (JsonNode)JsonValue.Create(c.Text))]),
            ["before"] = JsonSerializer.SerializeToNode(Before, AssessmentJsonContext.Default.Assessment),
            ["after"] = JsonSerializer.SerializeToNode(After, AssessmentJsonContext.Default.Assessment),
        };
    }

    /// <summary>A follow-up schedule in one line: the test, how often, for how long.</summary>
    public static string Schedule(FollowUpItem f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var every = f.EveryMonths is { } m ? $" every {m.ToString(CultureInfo.InvariantCulture)} months" : "";
        var years = f.ForYears is { } y ? $" for {y.ToString(CultureInfo.InvariantCulture)} years" : "";
        return f.Test + every + years;
    }

    private static List<AssessmentChange> FactChanges(Assessment b, Assessment a)
    {
        var changes = new List<AssessmentChange>();
        Value(changes, "classification.family", Code(b.Classification.Family), Code(a.Classification.Family));
        Value(changes, "classification.site", Site(b.Classification), Site(a.Classification));
        Value(changes, "classification.differentiation", Code(b.Classification.Differentiation), Code(a.Classification.Differentiation));
        Value(changes, "classification.histologicType", Code(b.Classification.HistologicType), Code(a.Classification.HistologicType));
        Value(changes, "classification.functioning", Bool(b.Classification.Functioning), Bool(a.Classification.Functioning));
        Value(changes, "classification.syndrome", Code(b.Classification.Syndrome), Code(a.Classification.Syndrome));
        Value(changes, "grade", Code(b.Grade.Value), Code(a.Grade.Value));
        Value(changes, "grade.system", Code(b.Grade.System), Code(a.Grade.System));
        Value(changes, "grade.byKi67", Code(b.Grade.ByKi67), Code(a.Grade.ByKi67));
        Value(changes, "grade.byMitoses", Code(b.Grade.ByMitoses), Code(a.Grade.ByMitoses));
        Value(changes, "grade.discordant", Bool(b.Grade.Discordant), Bool(a.Grade.Discordant));
        Value(changes, "grade.gapp", Gapp(b.Grade.Gapp), Gapp(a.Grade.Gapp));
        // Systems in the order the newer assessment gives them, then any the older one alone had.
        // The engine lists AJCC 8 first and the others in a fixed order, so this is also the
        // order netpath whatif has always printed its stage lines in.
        var systems = a.Staging.Select(s => s.System).Concat(b.Staging.Select(s => s.System)).Distinct(StringComparer.Ordinal);
        foreach (var system in systems)
        {
            var sb = StagingOf(b, system);
            var sa = StagingOf(a, system);
            var prefix = StagingPrefix + system + ".";
            Value(changes, prefix + "stageable", Bool(sb?.Stageable), Bool(sa?.Stageable));
            Value(changes, prefix + "T", sb?.T, sa?.T);
            Value(changes, prefix + "N", sb?.N, sa?.N);
            Value(changes, prefix + "M", sb?.M, sa?.M);
            Value(changes, prefix + "group", sb?.Group, sa?.Group);
        }
        Value(changes, "knowledgeVersion", b.KnowledgeVersion, a.KnowledgeVersion);
        return changes;
    }

    private static void Value(List<AssessmentChange> changes, string key, string? before, string? after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal)) return;
        var kind = before is null ? DiffKind.Added : after is null ? DiffKind.Removed : DiffKind.Changed;
        changes.Add(new AssessmentChange(key, kind, before, after));
    }

    /// <summary>
    /// Entries matched by code: added and changed in the newer assessment's order, then removed in
    /// the older one's. With <paramref name="compare"/>, a description that differs (the strength
    /// of an option, a follow-up interval) is a change; without, the description is a sentence (a
    /// reason, a message) shown with an entry added or removed but never compared. A code the
    /// engine lists twice (the same option at two lines) is described once, its descriptions
    /// joined, so a duplicate never hides or invents a change.
    /// </summary>
    private static List<AssessmentChange> Keyed<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, string> describe, bool compare)
    {
        var changes = new List<AssessmentChange>();
        // Many assessments rule nothing out or warn of nothing: no dictionaries to build then.
        if (before.Count == 0 && after.Count == 0) return changes;
        var b = Describe(before, key, describe);
        var a = Describe(after, key, describe);
        foreach (var (k, text) in a)
        {
            if (!b.TryGetValue(k, out var old)) changes.Add(new AssessmentChange(k, DiffKind.Added, null, text));
            else if (compare && !string.Equals(old, text, StringComparison.Ordinal)) changes.Add(new AssessmentChange(k, DiffKind.Changed, old, text));
        }
        foreach (var (k, text) in b)
        {
            if (!a.ContainsKey(k)) changes.Add(new AssessmentChange(k, DiffKind.Removed, text, null));
        }
        return changes;
    }

    private static Dictionary<string, string> Describe<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, string> describe)
    {
        // Insertion order is kept by Dictionary while nothing is removed: the engine's order.
        var result = new Dictionary<string, string>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            var text = describe(item);
            result[k] = result.TryGetValue(k, out var first) ? first + "; " + text : text;
        }
        return result;
    }

    private List<ChangeLine> WordPlan()
    {
        var words = new List<ChangeLine>();
        string? system = null;
        foreach (var c in Facts)
        {
            if (c.Key == "grade")
            {
                words.Add(new(ChangeKind.Grade, c.Key, $"grade: {c.Before} -> {c.After}"));
            }
            else if (c.Key.StartsWith(StagingPrefix, StringComparison.Ordinal))
            {
                // One line per staging system, however many of its categories moved.
                var name = c.Key.AsSpan(StagingPrefix.Length, c.Key.LastIndexOf('.') - StagingPrefix.Length);
                if (name.SequenceEqual(system)) continue;
                system = name.ToString();
                if (WordStage(system) is { } line) words.Add(line);
            }
        }
        foreach (var c in Recommendations)
        {
            if (c.Kind == DiffKind.Added)
            {
                var r = RecommendationOf(After, c.Key);
                words.Add(new(ChangeKind.RecommendationAdded, c.Key, $"+ recommended ({Code(r.Strength)}): {c.Key}: {r.Rationale}"));
            }
            else if (c.Kind == DiffKind.Removed)
            {
                words.Add(new(ChangeKind.RecommendationRemoved, c.Key, $"- no longer recommended: {c.Key}"));
            }
            else
            {
                // The command has only ever worded a change of strength; intent or line alone shows in Recommendations.
                var (was, now) = (RecommendationOf(Before, c.Key).Strength, RecommendationOf(After, c.Key).Strength);
                if (was != now) words.Add(new(ChangeKind.StrengthChanged, c.Key, $"~ {c.Key}: {Code(was)} -> {Code(now)}"));
            }
        }
        WordSet(words, Contraindications, "ruled out", ChangeKind.RuledOutAdded, ChangeKind.RuledOutRemoved);
        WordSet(words, Workup, "work-up", ChangeKind.WorkupAdded, ChangeKind.WorkupRemoved);
        WordSet(words, MissingData, "missing data", ChangeKind.MissingAdded, ChangeKind.MissingRemoved);
        WordSet(words, Team, "team", ChangeKind.TeamAdded, ChangeKind.TeamRemoved);
        return words;
    }

    private ChangeLine? WordStage(string system)
    {
        var (b, a) = (StagingOf(Before, system), StagingOf(After, system));
        if (a is null) return new(ChangeKind.Stage, system, $"{system}: no longer staged");
        if (b is null) return new(ChangeKind.Stage, system, $"{system}: now {Stage(a)}");
        var (was, now) = (Stage(b), Stage(a));
        // Stage shows no group when unstageable: a group moving there alone is not worded.
        return was == now ? null : new(ChangeKind.Stage, system, $"{system}: {was} -> {now}");
    }

    // These lists are sets to the command line: additions, then removals, each in code order.
    private static void WordSet(List<ChangeLine> words, IReadOnlyList<AssessmentChange> changes, string label, ChangeKind added, ChangeKind removed)
    {
        if (changes.Count == 0) return;
        foreach (var c in changes.Where(c => c.Kind == DiffKind.Added).OrderBy(c => c.Key, StringComparer.Ordinal)) words.Add(new(added, c.Key, $"+ {label}: {c.Key}"));
        foreach (var c in changes.Where(c => c.Kind == DiffKind.Removed).OrderBy(c => c.Key, StringComparer.Ordinal)) words.Add(new(removed, c.Key, $"- {label}: {c.Key}"));
    }

    private List<ChangeLine> WordFollowUp()
    {
        var words = new List<ChangeLine>();
        foreach (var c in FollowUp)
        {
            var was = c.Kind == DiffKind.Added ? null : Schedules(Before, c.Key);
            var now = c.Kind == DiffKind.Removed ? null : Schedules(After, c.Key);
            if (was is null) words.Add(new(ChangeKind.FollowUpAdded, c.Key, $"+ follow-up: {now}"));
            else if (now is null) words.Add(new(ChangeKind.FollowUpRemoved, c.Key, $"- follow-up: {was}"));
            // The line names the schedule only: a note that changed alone shows in FollowUp, not here.
            else if (was != now) words.Add(new(ChangeKind.FollowUpChanged, c.Key, $"~ follow-up: {was} -> {now}"));
        }
        return words;
    }

    // A test may appear more than once (different notes): its schedules, in order, are one line.
    private static string Schedules(Assessment a, string test) =>
        string.Join("; ", a.FollowUp.Where(f => f.Test == test).Select(Schedule));

    // Duplicated codes are described together in Recommendations; the line speaks of the first.
    private static Recommendation RecommendationOf(Assessment a, string code) => a.Recommendations.First(r => r.Code == code);

    private static StagingEntry? StagingOf(Assessment a, string system) => a.Staging.FirstOrDefault(s => s.System == system);

    private static string Plan(Recommendation r) =>
        Code(r.Strength) + ", " + Code(r.Intent) + (r.Line is { } l ? ", line " + l.ToString(CultureInfo.InvariantCulture) : "");

    // The schedule without its test (the key), with the note: a changed interval, duration or note is a change.
    private static string Interval(FollowUpItem f)
    {
        var parts = new List<string>(3);
        if (f.EveryMonths is { } m) parts.Add("every " + m.ToString("0.##", CultureInfo.InvariantCulture) + " months");
        if (f.ForYears is { } y) parts.Add("for " + y.ToString(CultureInfo.InvariantCulture) + " years");
        if (f.Note is { } n) parts.Add(n);
        return string.Join(", ", parts);
    }

    private static string Stage(StagingEntry s) => $"{s.T} {s.N} {s.M} " + (s.Stageable ? $"stage {s.Group}" : "not stageable");

    private static string Site(Classification c) => Code(c.Site) + (c.OtherSite is { } o ? " (" + o + ")" : "");

    private static string? Gapp(GappScore? g) => g is null ? null
        : (g.Complete ? g.Score.ToString(CultureInfo.InvariantCulture) : $"{g.Score}-{g.MaxScore}") + (g.Category is { } c ? " " + Code(c) : "");

    private static string? Bool(bool? b) => b switch { null => null, true => "yes", false => "no" };

    private static string Code<T>(T value) where T : struct, Enum => WireCode<T>.Of(value);

    private static string? Code<T>(T? value) where T : struct, Enum => value is { } v ? WireCode<T>.Of(v) : null;
}
