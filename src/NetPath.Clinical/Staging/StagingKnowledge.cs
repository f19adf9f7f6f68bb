using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Staging;

/// <summary>The staging chapters of one knowledge version (AJCC 8, ENETS).</summary>
#pragma warning disable CA1822 // interim: the tables arrive with the staging work
public sealed class StagingKnowledge
{
    /// <summary>Problems in the staging tables (a rule without a source, a combination without a group).</summary>
    public IReadOnlyList<string> Check() => [];

    public static StagingKnowledge Load(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new StagingKnowledge();
    }
}
