using System.Reflection;
using System.Text.Json.Serialization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Staging;

namespace NetPath.Clinical.Tests.Words;

/// <summary>
/// Every code and field a person can see has words: a new member of a contract code set, or a new
/// case field, cannot arrive without them.
/// </summary>
public class WordsTests
{
    /// <summary>The closed code sets of the case and assessment contracts (the enums that carry wire codes in those namespaces).</summary>
    private static IEnumerable<Type> CodeSets() =>
        typeof(PrimarySite).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic
            && (t.Namespace == typeof(PrimarySite).Namespace || t.Namespace == typeof(Assessment).Namespace)
            && t.GetFields(BindingFlags.Public | BindingFlags.Static).All(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>() is not null));

    public static TheoryData<Type> ContractCodeSets() => [.. CodeSets()];

    [Fact]
    public void The_contract_code_sets_are_found()
    {
        var sets = CodeSets().ToList();
        sets.ShouldContain(typeof(PrimarySite));
        sets.ShouldContain(typeof(TeamRole));
        sets.ShouldContain(typeof(GradeValue));
    }

    [Theory]
    [MemberData(nameof(ContractCodeSets))]
    public void Every_member_of_a_contract_code_set_has_a_label_that_is_not_its_code(Type codeSet)
    {
        foreach (var field in codeSet.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var label = field.GetCustomAttribute<LabelAttribute>()?.Text;
            label.ShouldNotBeNullOrWhiteSpace($"{codeSet.Name}.{field.Name}");
            var code = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name;
            // A label that merely repeats a lower-case, hyphenated code is a code on screen.
            if (code.Contains('-', StringComparison.Ordinal)) label.ShouldNotBe(code, $"{codeSet.Name}.{field.Name}");
        }
    }

    [Fact]
    public void Labels_read_as_a_clinician_writes_them()
    {
        WireCode<PrimarySite>.Label(PrimarySite.Ampulla).ShouldBe("Ampulla of Vater");
        WireCode<PrimarySite>.LabelOf("extra-adrenal-paraganglion").ShouldBe("Extra-adrenal paraganglion");
        WireCode<TeamRole>.Label(TeamRole.MedicalOncology).ShouldBe("Medical oncology");
        WireCode<GradeSystem>.Label(GradeSystem.Who2021Thoracic).ShouldBe("WHO 2021 thoracic");
        Systems.Label(Systems.Ajcc8).ShouldBe("AJCC 8th edition");
        // A code from outside the set has no words here and is shown as given rather than guessed at.
        WireCode<PrimarySite>.LabelOf("gallbladder").ShouldBe("gallbladder");
    }

    /// <summary>Every member path of the case's wire model, as the contract spells it (camelCase, dotted).</summary>
    private static IEnumerable<string> CasePaths(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(WireObject.Unknown)) continue;
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return path;
            if (property.PropertyType.IsSubclassOf(typeof(WireObject)))
            {
                foreach (var inner in CasePaths(property.PropertyType, path)) yield return inner;
            }
        }
    }

    [Fact]
    public void Every_field_of_the_case_has_words()
    {
        var paths = CasePaths(typeof(CaseDto), "").ToList();
        paths.ShouldContain("tumour.lymphNodes.mesentericMassOver2cm");
        paths.Where(p => !CaseFieldWords.TryGet(p, out _)).ShouldBeEmpty();
    }

    [Fact]
    public void A_therapy_row_is_named_by_its_place_in_the_list()
    {
        CaseFieldWords.Label("history.priorTherapies[1].outcome").ShouldBe("Prior therapy 2: outcome");
        CaseFieldWords.Label("history.priorTherapies[0]").ShouldBe("Prior therapy 1");
        CaseFieldWords.Label("tumour.ki67Percent").ShouldBe("Ki-67 index");
        CaseFieldWords.TryGet("labs.egfrMlMin", out var egfr).ShouldBeTrue();
        egfr.WithUnit.ShouldBe("eGFR (mL/min)");
    }
}
