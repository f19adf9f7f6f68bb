using Hl7.Fhir.Model;
using NetPath.Clinical.Knowledge;

namespace NetPath.Interop;

/// <summary>
/// NetPath's own CodeSystems and ValueSets, generated from the code vocabulary the knowledge is
/// written in (contracts/codes.md, <see cref="CareCodes"/>) and the case contract, versioned with
/// the knowledge: a server publishes them at their canonical URLs.
/// </summary>
public static class NetPathTerminology
{
    public static CodeSystem CareCodes(KnowledgeSet knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var cs = NewCodeSystem(FhirSystems.CareCodeSystem, "care-code", "NetPathCareCode", "NetPath care codes",
            "What NetPath recommends, asks for or rules out (contracts/codes.md). A code keeps its meaning in every knowledge version.", knowledge);
        cs.Property.Add(new CodeSystem.PropertyComponent { Code = "category", Type = CodeSystem.PropertyType.Code, Description = "The group of the code: workup, surgery, systemic, ..." });
        foreach (var c in Clinical.Assessments.CareCodes.All)
        {
            cs.Concept.Add(new CodeSystem.ConceptDefinitionComponent
            {
                Code = c.Code,
                Display = c.Meaning,
                Property = [new CodeSystem.ConceptPropertyComponent { Code = "category", Value = new Code(c.Category) }],
            });
        }
        cs.Count = cs.Concept.Count;
        return cs;
    }

    public static CodeSystem CaseFactCodes(KnowledgeSet knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var cs = NewCodeSystem(FhirSystems.CaseFactSystem, "case-fact", "NetPathCaseFact", "NetPath case facts",
            "Facts of a NetPath case (contracts/case.md) that neither mCODE nor LOINC carries; the code is the field's path.", knowledge);
        foreach (var f in CaseFacts.All) cs.Concept.Add(new CodeSystem.ConceptDefinitionComponent { Code = f.Path, Display = f.Display });
        cs.Count = cs.Concept.Count;
        return cs;
    }

    public static CodeSystem CaseValueCodes(KnowledgeSet knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var cs = NewCodeSystem(FhirSystems.CaseValueSystem, "case-value", "NetPathCaseValue", "NetPath case values",
            "The closed code sets of the case contract (contracts/case.md), as their wire codes.", knowledge);
        foreach (var code in CaseFacts.All.Where(f => f.Codes is not null).SelectMany(f => f.Codes!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            cs.Concept.Add(new CodeSystem.ConceptDefinitionComponent { Code = code, Display = code.Replace('-', ' ') });
        cs.Count = cs.Concept.Count;
        return cs;
    }

    /// <summary>One ValueSet per care-code category (workup, surgery, systemic, ...) and one per coded case fact.</summary>
    public static IReadOnlyList<ValueSet> ValueSets(KnowledgeSet knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var sets = new List<ValueSet>();
        foreach (var group in Clinical.Assessments.CareCodes.All.GroupBy(c => c.Category, StringComparer.Ordinal))
        {
            var vs = NewValueSet("care-code-" + group.Key, $"NetPath {group.Key} codes", knowledge);
            vs.Compose = new ValueSet.ComposeComponent
            {
                Include = [new ValueSet.ConceptSetComponent { System = FhirSystems.CareCodeSystem, Version = knowledge.Version, Concept = [.. group.Select(c => new ValueSet.ConceptReferenceComponent { Code = c.Code, Display = c.Meaning })] }],
            };
            sets.Add(vs);
        }
        foreach (var fact in CaseFacts.All.Where(f => f.Codes is not null))
        {
            var vs = NewValueSet("case-value-" + fact.Path.Replace('.', '-'), $"NetPath values of {fact.Display}", knowledge);
            vs.Compose = new ValueSet.ComposeComponent
            {
                Include = [new ValueSet.ConceptSetComponent { System = FhirSystems.CaseValueSystem, Version = knowledge.Version, Concept = [.. fact.Codes!.Select(c => new ValueSet.ConceptReferenceComponent { Code = c })] }],
            };
            sets.Add(vs);
        }
        return sets;
    }

    private static CodeSystem NewCodeSystem(string url, string id, string name, string title, string description, KnowledgeSet knowledge) => new()
    {
        Id = id,
        Url = url,
        Version = knowledge.Version,
        Name = name,
        Title = title,
        Status = PublicationStatus.Active,
        Experimental = false,
        Publisher = "NetPath",
        Description = description,
        CaseSensitive = true,
        Content = CodeSystemContentMode.Complete,
    };

    private static ValueSet NewValueSet(string id, string title, KnowledgeSet knowledge) => new()
    {
        Id = id,
        Url = FhirSystems.NetPathBase + "/ValueSet/" + id,
        Version = knowledge.Version,
        Name = string.Concat(id.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])),
        Title = title,
        Status = PublicationStatus.Active,
        Experimental = false,
        Publisher = "NetPath",
    };
}
