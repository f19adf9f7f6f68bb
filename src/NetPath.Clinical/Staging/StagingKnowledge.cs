using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Staging;

/// <summary>The staging chapters of one knowledge version (AJCC 8, ENETS).</summary>
public sealed class StagingKnowledge
{
    public static StagingKnowledge Load(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new StagingKnowledge();
    }
}
