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
    public static Plan Empty { get; } = new();
}

/// <summary>Lays out the multimodal plan for a classified, graded and staged case.</summary>
public sealed class PathwayPlanner
#pragma warning disable CA1822 // interim: the rules arrive with the pathway work
{
    public Plan Plan(ClinicalPicture picture, Findings findings) => picture is null || findings is null ? Pathways.Plan.Empty : Pathways.Plan.Empty;
}

/// <summary>Everything the pathway rules see: the case and what the engine concluded about it so far.</summary>
public sealed record ClinicalPicture(
    Cases.Case Case,
    DateOnly AssessmentDate,
    Assessments.Classification Classification,
    Grade Grade,
    IReadOnlyList<StagingEntry> Staging);
