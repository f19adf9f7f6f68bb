using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Assessments;

/// <summary>What kind of difference an <see cref="AssessmentChange"/> is.</summary>
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

/// <summary>
/// One difference between two assessments: what changed (<see cref="Subject"/>: a care code, a
/// staging system, a case path), its value before and after (null where it was or is absent),
/// and the line <c>netpath whatif</c> prints for it.
/// </summary>
public sealed record AssessmentChange(ChangeKind Kind, string Subject, string? Before, string? After, string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// What differs between two assessments of the same patient, in clinicians' words: the one
/// comparison behind <c>netpath whatif</c> and the what-if page. <see cref="Changes"/> is what the
/// command line prints; <see cref="FollowUpChanges"/> (schedules added, dropped or retimed) is
/// kept apart so that the command's output stays as it was (decision 0520).
/// </summary>
public sealed class AssessmentDiff
{
    private AssessmentDiff(IReadOnlyList<AssessmentChange> changes, IReadOnlyList<AssessmentChange> followUp, Assessment before, Assessment after)
    {
        Changes = changes;
        FollowUpChanges = followUp;
        Before = before;
        After = after;
    }

    public IReadOnlyList<AssessmentChange> Changes { get; }
    public IReadOnlyList<AssessmentChange> FollowUpChanges { get; }
    public Assessment Before { get; }
    public Assessment After { get; }

    /// <summary>True when neither the plan nor the follow-up changes.</summary>
    public bool IsEmpty => Changes.Count == 0 && FollowUpChanges.Count == 0;

    public static AssessmentDiff Between(Assessment before, Assessment after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<AssessmentChange>();
        if (before.Grade.Value != after.Grade.Value)
        {
            var (b, a) = (WireCode<GradeValue>.Of(before.Grade.Value), WireCode<GradeValue>.Of(after.Grade.Value));
            changes.Add(new(ChangeKind.Grade, "grade", b, a, $"grade: {b} -> {a}"));
        }
        foreach (var b in before.Staging)
        {
            var a = after.Staging.FirstOrDefault(s => s.System == b.System);
            if (a is null) changes.Add(new(ChangeKind.Stage, b.System, Stage(b), null, $"{b.System}: no longer staged"));
            else if (Stage(a) != Stage(b)) changes.Add(new(ChangeKind.Stage, b.System, Stage(b), Stage(a), $"{b.System}: {Stage(b)} -> {Stage(a)}"));
        }
        foreach (var a in after.Staging.Where(a => before.Staging.All(b => b.System != a.System)))
            changes.Add(new(ChangeKind.Stage, a.System, null, Stage(a), $"{a.System}: now {Stage(a)}"));

        var beforeRecs = before.Recommendations.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var afterRecs = after.Recommendations.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var r in after.Recommendations)
        {
            var strength = WireCode<Strength>.Of(r.Strength);
            if (!beforeRecs.TryGetValue(r.Code, out var old))
                changes.Add(new(ChangeKind.RecommendationAdded, r.Code, null, strength, $"+ recommended ({strength}): {r.Code}: {r.Rationale}"));
            else if (old.Strength != r.Strength)
                changes.Add(new(ChangeKind.StrengthChanged, r.Code, WireCode<Strength>.Of(old.Strength), strength, $"~ {r.Code}: {WireCode<Strength>.Of(old.Strength)} -> {strength}"));
        }
        foreach (var r in before.Recommendations.Where(r => !afterRecs.ContainsKey(r.Code)))
            changes.Add(new(ChangeKind.RecommendationRemoved, r.Code, WireCode<Strength>.Of(r.Strength), null, $"- no longer recommended: {r.Code}"));
        Compare(changes, "ruled out", ChangeKind.RuledOutAdded, ChangeKind.RuledOutRemoved, before.Contraindicated.Select(c => c.Code), after.Contraindicated.Select(c => c.Code));
        Compare(changes, "work-up", ChangeKind.WorkupAdded, ChangeKind.WorkupRemoved, before.Workup.Select(c => c.Code), after.Workup.Select(c => c.Code));
        Compare(changes, "missing data", ChangeKind.MissingAdded, ChangeKind.MissingRemoved, before.MissingData.Select(c => c.Field), after.MissingData.Select(c => c.Field));
        Compare(changes, "team", ChangeKind.TeamAdded, ChangeKind.TeamRemoved, before.Team.Select(WireCode<TeamRole>.Of), after.Team.Select(WireCode<TeamRole>.Of));
        return new AssessmentDiff(changes, FollowUp(before.FollowUp, after.FollowUp), before, after);
    }

    /// <summary>The form <c>netpath whatif --format json</c> writes: the changes asked for, the change lines, both assessments.</summary>
    public JsonObject ToJson(IReadOnlyList<string> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return new()
        {
            ["set"] = new JsonArray([.. sets.Select(s => (JsonNode)JsonValue.Create(s))]),
            ["changes"] = new JsonArray([.. Changes.Select(c => (JsonNode)JsonValue.Create(c.Text))]),
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

    private static void Compare(List<AssessmentChange> changes, string label, ChangeKind added, ChangeKind removed, IEnumerable<string> before, IEnumerable<string> after)
    {
        var b = before.ToHashSet(StringComparer.Ordinal);
        var a = after.ToHashSet(StringComparer.Ordinal);
        foreach (var x in a.Where(x => !b.Contains(x)).Order(StringComparer.Ordinal)) changes.Add(new(added, x, null, x, $"+ {label}: {x}"));
        foreach (var x in b.Where(x => !a.Contains(x)).Order(StringComparer.Ordinal)) changes.Add(new(removed, x, x, null, $"- {label}: {x}"));
    }

    // A test may appear more than once (different notes); schedules are compared by test, in order.
    private static List<AssessmentChange> FollowUp(IReadOnlyList<FollowUpItem> before, IReadOnlyList<FollowUpItem> after)
    {
        var changes = new List<AssessmentChange>();
        var b = before.GroupBy(f => f.Test, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(Schedule)), StringComparer.Ordinal);
        var a = after.GroupBy(f => f.Test, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(Schedule)), StringComparer.Ordinal);
        foreach (var (test, now) in a)
        {
            if (!b.TryGetValue(test, out var was)) changes.Add(new(ChangeKind.FollowUpAdded, test, null, now, $"+ follow-up: {now}"));
            else if (was != now) changes.Add(new(ChangeKind.FollowUpChanged, test, was, now, $"~ follow-up: {was} -> {now}"));
        }
        foreach (var (test, was) in b.Where(kv => !a.ContainsKey(kv.Key)))
            changes.Add(new(ChangeKind.FollowUpRemoved, test, was, null, $"- follow-up: {was}"));
        return changes;
    }

    private static string Stage(StagingEntry s) => $"{s.T} {s.N} {s.M} " + (s.Stageable ? $"stage {s.Group}" : "not stageable");
}
