using System.Text.Json.Serialization;

namespace NetPath.Clinical.Trials;

/// <summary>
/// A trial coordinator's corrections to the imported criteria, kept apart from the import so that
/// a re-import keeps them and each one stays attributable (decision 0603).
/// </summary>
public sealed record TrialCorrections
{
    public IReadOnlyList<CriterionCorrection> Corrections { get; init; } = [];
}

/// <summary>
/// One correction, keyed by trial and criterion: replace the criterion by the coordinator's
/// reading, turn it into a criterion to check by hand, or add a criterion the import missed.
/// A criterion is never deleted: the record's words stay visible.
/// </summary>
public sealed record CriterionCorrection
{
    public required string NctId { get; init; }
    public required string CriterionId { get; init; }
    public required CorrectionAction Action { get; init; }
    /// <summary>For Replace and Add: the criterion as it should read (its id is the correction's).</summary>
    public TrialCriterion? Criterion { get; init; }
    public required string Reason { get; init; }
    public string? By { get; init; }
    public DateOnly? On { get; init; }
}

public enum CorrectionAction
{
    [JsonStringEnumMemberName("replace")] Replace,
    [JsonStringEnumMemberName("check-by-hand")] CheckByHand,
    [JsonStringEnumMemberName("add")] Add,
}

public static class TrialCorrectionsApplier
{
    /// <summary>The trials with the corrections applied; a correction naming an unknown trial or criterion is an error, and then nothing is applied.</summary>
    public static TrialImportResult Apply(IReadOnlyList<Trial> trials, TrialCorrections corrections, string source)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(corrections);
        var byId = trials.ToDictionary(t => t.NctId, StringComparer.Ordinal);
        var errors = new List<TrialImportError>();
        for (var i = 0; i < corrections.Corrections.Count; i++)
        {
            var fix = corrections.Corrections[i];
            var path = $"$.corrections[{i}]";
            if (!byId.TryGetValue(fix.NctId, out var trial))
            {
                errors.Add(new(source, path + ".nctId", $"No trial {fix.NctId} in the set."));
                continue;
            }
            var index = trial.Criteria.ToList().FindIndex(c => c.Id == fix.CriterionId);
            if (fix.Action == CorrectionAction.Add ? index >= 0 : index < 0)
            {
                errors.Add(new(source, path + ".criterionId", fix.Action == CorrectionAction.Add
                    ? $"{fix.NctId} already has criterion '{fix.CriterionId}'; use replace."
                    : $"{fix.NctId} has no criterion '{fix.CriterionId}'."));
                continue;
            }
            if (fix.Action != CorrectionAction.CheckByHand && fix.Criterion is null)
            {
                errors.Add(new(source, path + ".criterion", "Replace and add need the corrected criterion."));
                continue;
            }
            var criteria = trial.Criteria.ToList();
            var note = $"corrected{(fix.By is null ? "" : " by " + fix.By)}{(fix.On is { } on ? $" on {on:yyyy-MM-dd}" : "")}: {fix.Reason}";
            switch (fix.Action)
            {
                case CorrectionAction.Replace:
                    criteria[index] = fix.Criterion! with { Id = fix.CriterionId, Origin = CriterionOrigin.Correction, SentenceId = fix.Criterion!.SentenceId ?? criteria[index].SentenceId, Note = fix.Criterion!.Note ?? note };
                    break;
                case CorrectionAction.CheckByHand:
                    criteria[index] = criteria[index] with { Kind = CriterionKind.FreeText, Origin = CriterionOrigin.Correction, Note = note };
                    break;
                default:
                    criteria.Add(fix.Criterion! with { Id = fix.CriterionId, Origin = CriterionOrigin.Correction, Note = fix.Criterion!.Note ?? note });
                    break;
            }
            trial = trial with { Criteria = criteria };
            byId[fix.NctId] = trial;
        }
        return errors.Count > 0 ? new([], errors) : new([.. trials.Select(t => byId[t.NctId])], []);
    }
}
