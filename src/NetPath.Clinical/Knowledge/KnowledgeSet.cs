using NetPath.Clinical.Grading;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// One loaded, checked version of the guideline knowledge: what the engine applies and what every
/// assessment names (<see cref="Version"/>, <see cref="ContentHash"/>).
/// </summary>
public sealed class KnowledgeSet
{
    private static readonly Lazy<KnowledgeSet> Latest = new(() => Load(KnowledgeSource.Embedded()));

    private KnowledgeSet(KnowledgeSource source, GradingKnowledge grading, Staging.StagingKnowledge staging, Pathways.PathwayKnowledge pathways)
    {
        Pathways = pathways;
        Source = source;
        Grading = grading;
        Staging = staging;
    }

    /// <summary>The newest version embedded in this build, loaded once per process.</summary>
    public static KnowledgeSet Current => Latest.Value;

    public KnowledgeSource Source { get; }
    public string Version => Source.Version;
    public string ContentHash => Source.ContentHash;
    public GradingKnowledge Grading { get; }
    public Staging.StagingKnowledge Staging { get; }
    /// <summary>The pathway rules (knowledge/&lt;version&gt;/pathways), compiled.</summary>
    public Pathways.PathwayKnowledge Pathways { get; }

    public static KnowledgeSet Load(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new KnowledgeSet(source, GradingKnowledge.Load(source), Clinical.Staging.StagingKnowledge.Load(source),
            Clinical.Pathways.PathwayKnowledge.Load(source));
    }
}
