using System.Globalization;

namespace NetPath.Clinical.Response;

/// <summary>
/// RECIST 1.1 over an imaging history (Eisenhauer 2009; reference.md §6): the baseline sum, the
/// target, non-target and new-lesion findings of each follow-up, the overall response of each time
/// point, confirmation where the protocol asks for it, and the best overall response. Pure: the
/// same history always gives the same answer, whatever order its lesions were listed in.
/// </summary>
public static class RecistEvaluator
{
    public static RecistResult Evaluate(ImagingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Studies.Count == 0) throw new ArgumentException("An imaging history needs a baseline study.", nameof(history));
        var baseline = history.Studies[0];
        var targets = new List<Followed>();
        var nonTargets = new List<Followed>();
        foreach (var lesion in baseline.Lesions)
        {
            if (lesion.Role == LesionRole.Target) targets.Add(new(lesion));
            else if (lesion.Role == LesionRole.NonTarget) nonTargets.Add(new(lesion));
        }
        // Lesions in identifier order: every sentence and sum comes out the same however the input listed them.
        targets.Sort(ById);
        nonTargets.Sort(ById);
        if (targets.Count == 0 && nonTargets.Count == 0) throw new ArgumentException("The baseline study has no lesion to follow.", nameof(history));

        decimal? baselineSum = null;
        if (targets.Count > 0)
        {
            decimal sum = 0;
            foreach (var t in targets) sum += t.SizeMm ?? throw new ArgumentException($"Target {t.Id} has no baseline size.", nameof(history));
            baselineSum = sum;
        }

        var points = new RecistTimePoint[history.Studies.Count - 1];
        var nadir = baselineSum;
        var nadirDate = baseline.Date;
        for (var i = 1; i < history.Studies.Count; i++)
        {
            var point = TimePoint(history.Studies[i], baseline, targets, nonTargets, baselineSum, nadir, nadirDate);
            points[i - 1] = point;
            if (point.SumMm is { } s && s < nadir)
            {
                nadir = s;
                nadirDate = point.Date;
            }
        }

        DateBackConfirmedNewLesions(history, points);
        if (history.ConfirmationRequired) MarkConfirmation(points, history.ConfirmationMinimumDays);
        DateOnly? progression = null;
        foreach (var p in points)
        {
            if (p.Overall == OverallResponse.ProgressiveDisease)
            {
                progression = p.Date;
                break;
            }
        }

        return new RecistResult
        {
            PatientId = history.PatientId,
            Baseline = new RecistBaseline
            {
                Date = baseline.Date,
                Modality = baseline.Modality,
                SumMm = baselineSum,
                TargetIds = [.. targets.Select(t => t.Id)],
                NonTargetIds = [.. nonTargets.Select(t => t.Id)],
                Basis = BaselineBasis(baseline, targets, nonTargets, baselineSum),
            },
            TimePoints = points,
            Best = Best(history, points, targets.Count > 0),
            ProgressionDate = progression,
        };
    }

    /// <summary>
    /// The table row of every combination of findings, written once: [target + 1 (0 none),
    /// non-target + 1 (0 none), new lesions]. Null where there is neither target nor non-target disease.
    /// </summary>
    private static readonly string?[,,] OverallSentences = BuildOverallSentences();

    private static string?[,,] BuildOverallSentences()
    {
        var targets = Enum.GetValues<TargetResponse>();
        var nonTargets = Enum.GetValues<NonTargetResponse>();
        var sentences = new string?[targets.Length + 1, nonTargets.Length + 1, 2];
        for (var t = 0; t <= targets.Length; t++)
        {
            for (var n = 0; n <= nonTargets.Length; n++)
            {
                if (t == 0 && n == 0) continue;
                TargetResponse? target = t == 0 ? null : targets[t - 1];
                NonTargetResponse? nonTarget = n == 0 ? null : nonTargets[n - 1];
                for (var fresh = 0; fresh < 2; fresh++)
                {
                    var overall = RecistRules.Overall(target, nonTarget, fresh == 1);
                    sentences[t, n, fresh] = $"Overall {RecistRules.Code(overall)} (Eisenhauer 2009 Table {(target is null ? 2 : 1)}: target {(target is { } tr ? RecistRules.Code(tr) : "none")}, non-target {(nonTarget is { } nr ? RecistRules.Code(nr) : "none")}, new lesions {(fresh == 1 ? "yes" : "no")}).";
                }
            }
        }
        return sentences;
    }

    private static int ById(Followed a, Followed b) => string.CompareOrdinal(a.Id, b.Id);

    /// <summary>A baseline lesion with its label made once: every time point names it.</summary>
    private sealed class Followed(LesionObservation lesion)
    {
        public string Id { get; } = lesion.Id;
        public bool Nodal { get; } = lesion.Nodal;
        public decimal? SizeMm { get; } = lesion.SizeMm;
        public string Label { get; } = lesion.Label;
    }

    private static List<string> BaselineBasis(ImagingStudy baseline, List<Followed> targets, List<Followed> nonTargets, decimal? sum)
    {
        var basis = new List<string>(3);
        var when = $"Baseline {OrganWords.Of(baseline.Modality)} on {Date(baseline.Date)}";
        basis.Add(sum is { } s
            ? $"{when}: {Count(targets.Count, "target lesion")}, sum {RecistRules.Mm(s)} ({string.Join(", ", targets.Select(t => $"{t.Label} {RecistRules.Mm(t.SizeMm!.Value)}"))})."
            : $"{when}: no measurable target lesion, so the response follows the non-target lesions alone (Eisenhauer 2009 Table 2).");
        if (nonTargets.Count > 0) basis.Add($"{Count(nonTargets.Count, "non-target lesion")} followed by eye: {string.Join(", ", nonTargets.Select(t => t.Label))}.");
        return basis;
    }

    private static RecistTimePoint TimePoint(ImagingStudy study, ImagingStudy baseline, List<Followed> targets, List<Followed> nonTargets,
        decimal? baselineSum, decimal? nadir, DateOnly nadirDate)
    {
        var basis = new List<string>(5);
        string? targetReason = null;
        TargetResponse? target = null;
        decimal? sum = null;
        decimal? fromBaseline = null, fromNadir = null;
        if (targets.Count > 0)
        {
            (target, sum, targetReason) = Target(study, targets, baselineSum!.Value, nadir!.Value, nadirDate, basis);
            if (sum is { } s)
            {
                fromBaseline = baselineSum.Value == 0 ? null : Math.Round((s - baselineSum.Value) / baselineSum.Value * 100m, 1);
                fromNadir = nadir.Value == 0 ? null : Math.Round((s - nadir.Value) / nadir.Value * 100m, 1);
            }
        }

        NonTargetResponse? nonTarget = null;
        string? nonTargetReason = null;
        if (nonTargets.Count > 0) (nonTarget, nonTargetReason) = NonTarget(study, nonTargets, basis);

        var newLesions = NewLesions(study, basis, out var newReason);
        var overall = RecistRules.Overall(target, nonTarget, newLesions);
        basis.Add(OverallSentences[target is { } tr ? (int)tr + 1 : 0, nonTarget is { } nr ? (int)nr + 1 : 0, newLesions ? 1 : 0]!);
        if (study.Modality != baseline.Modality)
            basis.Add($"This study is {OrganWords.Of(study.Modality)} and the baseline was {OrganWords.Of(baseline.Modality)}: RECIST asks for the same method throughout, so compare with care.");

        var reason = overall switch
        {
            OverallResponse.ProgressiveDisease => target == TargetResponse.ProgressiveDisease ? targetReason
                : nonTarget == NonTargetResponse.ProgressiveDisease ? nonTargetReason : newReason,
            OverallResponse.CompleteResponse => nonTarget is null ? "every target lesion gone, nodes under 10 mm" : "every target and non-target lesion gone, nodes under 10 mm",
            OverallResponse.PartialResponse when target == TargetResponse.CompleteResponse => "target lesions gone but " + nonTargetReason,
            OverallResponse.NonCrNonPd or OverallResponse.NotEvaluable when target is null => nonTargetReason,
            OverallResponse.NotEvaluable when target != TargetResponse.NotEvaluable => nonTargetReason,
            _ => targetReason,
        };
        return new RecistTimePoint
        {
            Date = study.Date,
            Modality = study.Modality,
            Target = target,
            NonTarget = nonTarget,
            NewLesions = newLesions,
            Overall = overall,
            SumMm = sum,
            NadirMm = nadir,
            ChangeFromBaselinePercent = fromBaseline,
            ChangeFromNadirPercent = fromNadir,
            Summary = $"{RecistRules.Code(overall)}: {reason}",
            Basis = basis,
        };
    }

    private static (TargetResponse, decimal?, string) Target(ImagingStudy study, List<Followed> targets, decimal baselineSum, decimal nadir, DateOnly nadirDate, List<string> basis)
    {
        decimal sum = 0;
        var nonNodalGone = true;
        var nodesNormal = true;
        List<string>? missing = null;
        foreach (var t in targets)
        {
            var size = Find(study, t.Id)?.SizeMm;
            if (size is not { } mm)
            {
                (missing ??= []).Add(t.Label);
                continue;
            }
            sum += mm;
            if (t.Nodal) nodesNormal &= mm < RecistRules.PathologicalNodeShortAxisMm;
            else nonNodalGone &= mm == 0;
        }

        // Words are built only where the sentence uses them: most of a time point's cost is its text.
        string NadirWords() => nadir == baselineSum ? $"the nadir of {RecistRules.Mm(nadir)}" : $"the nadir of {RecistRules.Mm(nadir)} ({Date(nadirDate)})";
        string reason;
        TargetResponse response;
        if (missing is not null)
        {
            // Lesions not measured can only add to the sum: the measured ones alone may already be PD.
            if (RecistRules.IsProgression(sum, nadir))
            {
                response = TargetResponse.ProgressiveDisease;
                reason = $"the measured target lesions alone sum to {RecistRules.Mm(sum)}, {RecistRules.Percent((sum - nadir) / nadir * 100m, 20)} over {NadirWords()}, and {RecistRules.Mm(sum - nadir)} more, although {string.Join(", ", missing)} {(missing.Count == 1 ? "was" : "were")} not measured";
            }
            else
            {
                response = TargetResponse.NotEvaluable;
                reason = $"{string.Join(", ", missing)} {(missing.Count == 1 ? "was" : "were")} not measured; the measured target lesions sum to {RecistRules.Mm(sum)}, and PD would need {RecistRules.Mm(RecistRules.ProgressionThreshold(nadir))} or more even without {(missing.Count == 1 ? "it" : "them")}";
            }
            basis.Add($"Target lesions {RecistRules.Code(response)}: {reason}.");
            return (response, null, reason);
        }

        string BaselineWords()
        {
            var change = baselineSum == 0 ? 0 : (sum - baselineSum) / baselineSum * 100m;
            return $"{RecistRules.Percent(change, 30)} {(change <= 0 ? "below" : "over")} the baseline of {RecistRules.Mm(baselineSum)}";
        }
        if (nonNodalGone && nodesNormal)
        {
            response = TargetResponse.CompleteResponse;
            reason = sum == 0
                ? "every target lesion has gone"
                : $"every non-nodal target has gone and every target node is under 10 mm short axis (their short axes sum to {RecistRules.Mm(sum)})";
        }
        else if (RecistRules.IsProgression(sum, nadir))
        {
            response = TargetResponse.ProgressiveDisease;
            reason = nadir == 0
                ? $"sum {RecistRules.Mm(sum)} after a nadir of 0 mm, {RecistRules.Mm(sum)} more"
                : $"sum {RecistRules.Mm(sum)} is {RecistRules.Percent((sum - nadir) / nadir * 100m, 20)} over {NadirWords()}, and {RecistRules.Mm(sum - nadir)} more";
        }
        else if (RecistRules.IsPartialResponse(sum, baselineSum))
        {
            response = TargetResponse.PartialResponse;
            reason = $"sum {RecistRules.Mm(sum)} is {BaselineWords()}";
        }
        else
        {
            response = TargetResponse.StableDisease;
            var overNadir = sum - nadir;
            var nadirPart = overNadir > 0
                ? $"{RecistRules.Percent(overNadir / nadir * 100m, 20)} ({RecistRules.Mm(overNadir)}) over {NadirWords()}, short of PD at {RecistRules.Mm(RecistRules.ProgressionThreshold(nadir))}"
                : $"not above {NadirWords()}";
            reason = $"sum {RecistRules.Mm(sum)} is {BaselineWords()} (PR needs 30 %) and {nadirPart}";
        }
        basis.Add($"Target lesions {RecistRules.Code(response)}: {reason}.");
        return (response, sum, reason);
    }

    private static (NonTargetResponse, string) NonTarget(ImagingStudy study, List<Followed> nonTargets, List<string> basis)
    {
        List<string>? progressed = null, notEvaluated = null, persisting = null;
        foreach (var nt in nonTargets)
        {
            var seen = Find(study, nt.Id);
            var status = seen?.Status ?? LesionStatus.NotEvaluated;
            // A node that has shrunk under 10 mm short axis is normal again (RECIST 1.1 §4.3.3).
            if (status == LesionStatus.Present && nt.Nodal && seen?.SizeMm is { } axis && axis < RecistRules.PathologicalNodeShortAxisMm)
                status = LesionStatus.Absent;
            switch (status)
            {
                case LesionStatus.UnequivocalProgression: (progressed ??= []).Add(nt.Label); break;
                case LesionStatus.NotEvaluated: (notEvaluated ??= []).Add(nt.Label); break;
                case LesionStatus.Present: (persisting ??= []).Add(nt.Label); break;
                default: break;
            }
        }
        NonTargetResponse response;
        string reason;
        if (progressed is not null)
        {
            response = NonTargetResponse.ProgressiveDisease;
            reason = $"unequivocal progression of non-target {string.Join(", ", progressed)}";
        }
        else if (notEvaluated is not null)
        {
            response = NonTargetResponse.NotEvaluable;
            reason = $"non-target {string.Join(", ", notEvaluated)} not evaluated";
        }
        else if (persisting is not null || study.TumourMarkersAboveNormal == true)
        {
            response = NonTargetResponse.NonCrNonPd;
            reason = persisting is not null
                ? $"non-target {string.Join(", ", persisting)} persist{(persisting.Count == 1 ? "s" : "")}{(study.TumourMarkersAboveNormal == true ? ", tumour markers above normal" : "")}"
                : "non-target lesions gone but tumour markers above normal";
        }
        else
        {
            response = NonTargetResponse.CompleteResponse;
            reason = "every non-target lesion gone (nodes under 10 mm)";
        }
        basis.Add($"Non-target lesions {RecistRules.Code(response)}: {reason}.");
        if (response == NonTargetResponse.CompleteResponse && study.TumourMarkersAboveNormal is null)
            basis.Add("Tumour markers were not given for this study: a non-target CR also needs markers back to normal where they were raised.");
        return (response, reason);
    }

    private static bool NewLesions(ImagingStudy study, List<string> basis, out string? reason)
    {
        List<string>? unequivocal = null, equivocal = null;
        foreach (var lesion in study.Lesions)
        {
            if (!lesion.New || lesion.Status == LesionStatus.Absent) continue;
            if (lesion.Equivocal) (equivocal ??= []).Add(lesion.Label);
            else (unequivocal ??= []).Add(lesion.Label);
        }
        unequivocal?.Sort(StringComparer.Ordinal);
        equivocal?.Sort(StringComparer.Ordinal);
        reason = unequivocal is null ? null : $"new lesion{(unequivocal.Count == 1 ? "" : "s")} {string.Join(", ", unequivocal)}";
        if (unequivocal is not null) basis.Add($"New lesion{(unequivocal.Count == 1 ? "" : "s")}: {string.Join(", ", unequivocal)}; an unequivocal new lesion is PD.");
        else basis.Add("No new lesion.");
        if (equivocal is not null)
            basis.Add($"Equivocal new lesion{(equivocal.Count == 1 ? "" : "s")} {string.Join(", ", equivocal)}: not PD yet; re-image, and if a later study confirms it, PD dates from this study.");
        return unequivocal is not null;
    }

    /// <summary>An equivocal new lesion confirmed by a later study makes PD from the study that first showed it (Eisenhauer 2009 §4.3.2).</summary>
    private static void DateBackConfirmedNewLesions(ImagingHistory history, RecistTimePoint[] points)
    {
        for (var j = 1; j < history.Studies.Count; j++)
        {
            foreach (var lesion in history.Studies[j].Lesions)
            {
                if (!lesion.New || lesion.Equivocal || lesion.Status == LesionStatus.Absent) continue;
                for (var i = 1; i < j; i++)
                {
                    var first = Find(history.Studies[i], lesion.Id);
                    if (first is not { New: true, Equivocal: true }) continue;
                    var p = points[i - 1];
                    if (p.Overall != OverallResponse.ProgressiveDisease)
                    {
                        points[i - 1] = p with
                        {
                            Overall = OverallResponse.ProgressiveDisease,
                            DatedBack = true,
                            Summary = $"PD: new lesion {lesion.Label}, equivocal here, confirmed on {Date(history.Studies[j].Date)}",
                            Basis = [.. p.Basis, $"PD dated back to this study: {lesion.Label} was equivocal here and confirmed on {Date(history.Studies[j].Date)}."],
                        };
                    }
                    break;
                }
            }
        }
    }

    private static int Level(OverallResponse r) => r switch
    {
        OverallResponse.CompleteResponse => 3,
        OverallResponse.PartialResponse => 2,
        OverallResponse.ProgressiveDisease => 0,
        _ => 1,
    };

    /// <summary>
    /// The later study that confirms a response at <paramref name="i"/>: the first one at least
    /// <paramref name="minimumDays"/> later at <paramref name="level"/> or better, with no study in
    /// between falling below it (studies not evaluable neither break nor confirm). -1 when a worse
    /// study came first, -2 when no study has come late enough yet.
    /// </summary>
    private static int ConfirmedBy(RecistTimePoint[] points, int i, int level, int minimumDays)
    {
        for (var j = i + 1; j < points.Length; j++)
        {
            if (points[j].Overall == OverallResponse.NotEvaluable) continue;
            if (Level(points[j].Overall) < level) return -1;
            if (points[j].Date.DayNumber - points[i].Date.DayNumber >= minimumDays) return j;
        }
        return -2;
    }

    private static void MarkConfirmation(RecistTimePoint[] points, int minimumDays)
    {
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            if (p.Overall is not (OverallResponse.CompleteResponse or OverallResponse.PartialResponse)) continue;
            var by = ConfirmedBy(points, i, Level(p.Overall), minimumDays);
            points[i] = p with
            {
                Confirmed = by >= 0,
                Basis = [.. p.Basis, by >= 0
                    ? $"{RecistRules.Code(p.Overall)} confirmed on {Date(points[by].Date)}, {points[by].Date.DayNumber - p.Date.DayNumber} days later (at least {minimumDays} needed)."
                    : by == -2
                        ? $"{RecistRules.Code(p.Overall)} awaits confirmation: no study at least {minimumDays} days later yet."
                        : $"{RecistRules.Code(p.Overall)} not confirmed: a worse response followed before a study at least {minimumDays} days on could confirm it."],
            };
        }
    }

    private static BestOverallResponse Best(ImagingHistory history, RecistTimePoint[] points, bool targetDisease)
    {
        var basis = new List<string>(3);
        if (points.Length == 0)
        {
            basis.Add("No follow-up study yet: a response needs a study after the baseline.");
            return new BestOverallResponse { Response = OverallResponse.NotEvaluable, Basis = basis };
        }
        var end = Array.FindIndex(points, p => p.Overall == OverallResponse.ProgressiveDisease);
        var last = end < 0 ? points.Length - 1 : end;
        if (end >= 0 && end < points.Length - 1)
            basis.Add($"Studies after the first PD ({Date(points[end].Date)}) do not count towards the best response.");
        var baselineDay = history.Studies[0].Date.DayNumber;
        var minimum = history.ConfirmationMinimumDays;

        for (var level = 3; level >= 2; level--)
        {
            for (var i = 0; i <= last; i++)
            {
                var p = points[i];
                if (Level(p.Overall) < level) continue;
                var response = level == 3 ? OverallResponse.CompleteResponse : OverallResponse.PartialResponse;
                if (!history.ConfirmationRequired)
                {
                    basis.Add($"Best overall response {RecistRules.Code(response)} on {Date(p.Date)} (no confirmation asked).");
                    return new BestOverallResponse { Response = response, Date = p.Date, Basis = basis };
                }
                var by = ConfirmedBy(points, i, level, minimum);
                if (by < 0 || by > last) continue;
                basis.Add($"Best overall response {RecistRules.Code(response)}: {RecistRules.Code(p.Overall)} on {Date(p.Date)}, confirmed on {Date(points[by].Date)} ({points[by].Date.DayNumber - p.Date.DayNumber} days later; at least {minimum} needed).");
                return new BestOverallResponse { Response = response, Date = p.Date, Basis = basis };
            }
        }

        for (var i = 0; i <= last; i++)
        {
            if (Level(points[i].Overall) >= 2) basis.Add($"The {RecistRules.Code(points[i].Overall)} on {Date(points[i].Date)} was not confirmed, so it counts as stable disease at most.");
        }
        var minSd = history.MinimumStableDiseaseDays;
        for (var i = 0; i <= last; i++)
        {
            var p = points[i];
            if (p.Overall is OverallResponse.ProgressiveDisease or OverallResponse.NotEvaluable) continue;
            var days = p.Date.DayNumber - baselineDay;
            if (minSd is { } min && days < min) continue;
            var response = targetDisease ? OverallResponse.StableDisease : OverallResponse.NonCrNonPd;
            basis.Add($"Best overall response {RecistRules.Code(response)}: {RecistRules.Code(p.Overall)} on {Date(p.Date)}, {days} days after baseline"
                + (minSd is { } m ? $" (the protocol's minimum is {m} days)." : "; no minimum duration for stable disease was given (protocols often ask 6 to 8 weeks)."));
            return new BestOverallResponse { Response = response, Date = p.Date, Basis = basis };
        }
        if (end >= 0)
        {
            basis.Add($"Best overall response PD on {Date(points[end].Date)}" + (minSd is { } m2 ? $": no stable disease lasted the protocol's minimum of {m2} days before it." : "."));
            return new BestOverallResponse { Response = OverallResponse.ProgressiveDisease, Date = points[end].Date, Basis = basis };
        }
        basis.Add(minSd is { } m3
            ? $"Best overall response NE: no evaluable study at least {m3} days after baseline yet."
            : "Best overall response NE: no follow-up study could be evaluated.");
        return new BestOverallResponse { Response = OverallResponse.NotEvaluable, Basis = basis };
    }

    private static LesionObservation? Find(ImagingStudy study, string id)
    {
        foreach (var l in study.Lesions)
        {
            if (l.Id == id) return l;
        }
        return null;
    }

    private static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
