using System.Globalization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Web.Components.History;

/// <summary>
/// One difference in an assessment's outcome: <see cref="Key"/> names what changed in the
/// assessment contract's terms (<c>grade</c>, <c>staging.AJCC8.group</c>, a care code, a missing
/// field), with the value before and after as text; null on the side where it is absent.
/// </summary>
internal sealed record OutcomeChange(string Key, DiffKind Kind, string? Before, string? After);

/// <summary>
/// What changed in the outcome between two stored assessments of one patient (docs/decisions/0531):
/// the facts (classification, grade, each staging system's categories and group, knowledge
/// version), and, by code, the plan (added, removed, strength or intent changed), what is ruled
/// out, the work-up, the missing data, the warnings and the follow-up schedule. Compares the
/// assessments' own codes and values, never their sentences: a rationale reworded by a new
/// knowledge version is not a change in the plan.
/// </summary>
internal sealed record OutcomeDiff(
    IReadOnlyList<OutcomeChange> Facts,
    IReadOnlyList<OutcomeChange> Recommendations,
    IReadOnlyList<OutcomeChange> Contraindications,
    IReadOnlyList<OutcomeChange> Workup,
    IReadOnlyList<OutcomeChange> MissingData,
    IReadOnlyList<OutcomeChange> Warnings,
    IReadOnlyList<OutcomeChange> FollowUp)
{
    public bool IsEmpty => Facts.Count + Recommendations.Count + Contraindications.Count + Workup.Count
        + MissingData.Count + Warnings.Count + FollowUp.Count == 0;

    public static OutcomeDiff Between(Assessment before, Assessment after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new OutcomeDiff(
            FactChanges(before, after),
            Keyed(before.Recommendations, after.Recommendations, r => r.Code, Plan, compare: true),
            Keyed(before.Contraindicated, after.Contraindicated, c => c.Code, c => c.Reason, compare: false),
            Keyed(before.Workup, after.Workup, w => w.Code, w => w.Reason, compare: false),
            Keyed(before.MissingData, after.MissingData, m => m.Field, m => m.Why, compare: false),
            Keyed(before.Warnings, after.Warnings, w => w.Code, w => w.Message, compare: false),
            Keyed(before.FollowUp, after.FollowUp, f => f.Test, Schedule, compare: true));
    }

    private static List<OutcomeChange> FactChanges(Assessment b, Assessment a)
    {
        var changes = new List<OutcomeChange>();
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
        var systems = a.Staging.Select(s => s.System).Concat(b.Staging.Select(s => s.System)).Distinct(StringComparer.Ordinal);
        foreach (var system in systems)
        {
            var sb = b.Staging.FirstOrDefault(s => s.System == system);
            var sa = a.Staging.FirstOrDefault(s => s.System == system);
            Value(changes, $"staging.{system}.stageable", Bool(sb?.Stageable), Bool(sa?.Stageable));
            Value(changes, $"staging.{system}.T", sb?.T, sa?.T);
            Value(changes, $"staging.{system}.N", sb?.N, sa?.N);
            Value(changes, $"staging.{system}.M", sb?.M, sa?.M);
            Value(changes, $"staging.{system}.group", sb?.Group, sa?.Group);
        }
        Value(changes, "knowledgeVersion", b.KnowledgeVersion, a.KnowledgeVersion);
        return changes;
    }

    private static void Value(List<OutcomeChange> changes, string key, string? before, string? after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal)) return;
        var kind = before is null ? DiffKind.Added : after is null ? DiffKind.Removed : DiffKind.Changed;
        changes.Add(new OutcomeChange(key, kind, before, after));
    }

    /// <summary>
    /// Entries matched by code. With <paramref name="compare"/>, a description that differs (the
    /// strength of an option, a follow-up interval) is a change; without, the description is a
    /// sentence (a reason, a message) shown with an entry added or removed but never compared.
    /// A code the engine lists twice (the same option at two lines) is described once, its
    /// descriptions joined, so a duplicate never hides or invents a change.
    /// </summary>
    private static List<OutcomeChange> Keyed<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, string> describe, bool compare)
    {
        var b = Describe(before, key, describe);
        var a = Describe(after, key, describe);
        var changes = new List<OutcomeChange>();
        foreach (var (k, text) in a)
        {
            if (!b.TryGetValue(k, out var old)) changes.Add(new OutcomeChange(k, DiffKind.Added, null, text));
            else if (compare && !string.Equals(old, text, StringComparison.Ordinal)) changes.Add(new OutcomeChange(k, DiffKind.Changed, old, text));
        }
        foreach (var (k, text) in b)
        {
            if (!a.ContainsKey(k)) changes.Add(new OutcomeChange(k, DiffKind.Removed, text, null));
        }
        return changes;
    }

    private static Dictionary<string, string> Describe<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, string> describe)
    {
        // Insertion order is kept by Dictionary while nothing is removed: the engine's order.
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            var text = describe(item);
            result[k] = result.TryGetValue(k, out var first) ? first + "; " + text : text;
        }
        return result;
    }

    internal static string Plan(Recommendation r) =>
        Code(r.Strength) + ", " + Code(r.Intent) + (r.Line is { } l ? ", line " + l.ToString(CultureInfo.InvariantCulture) : "");

    internal static string Schedule(FollowUpItem f)
    {
        var parts = new List<string>();
        if (f.EveryMonths is { } m) parts.Add("every " + m.ToString("0.##", CultureInfo.InvariantCulture) + " months");
        if (f.ForYears is { } y) parts.Add("for " + y.ToString(CultureInfo.InvariantCulture) + " years");
        if (f.Note is { } n) parts.Add(n);
        return string.Join(", ", parts);
    }

    private static string Site(Classification c) => Code(c.Site) + (c.OtherSite is { } o ? " (" + o + ")" : "");

    private static string? Gapp(GappScore? g) => g is null ? null
        : (g.Complete ? g.Score.ToString(CultureInfo.InvariantCulture) : $"{g.Score}-{g.MaxScore}") + (g.Category is { } c ? " " + Code(c) : "");

    private static string? Bool(bool? b) => b switch { null => null, true => "yes", false => "no" };

    private static string Code<T>(T value) where T : struct, Enum => WireCode<T>.Of(value);

    private static string? Code<T>(T? value) where T : struct, Enum => value is { } v ? WireCode<T>.Of(v) : null;
}
