namespace NetPath.Clinical.Validation;

/// <summary>
/// One problem with an input case: a stable <paramref name="Code"/> (see <see cref="ErrorCodes"/>),
/// the <paramref name="Path"/> of the offending field in the case JSON (dotted, with array
/// indexes: <c>history.priorTherapies[0].code</c>), a sentence for people, and what is allowed.
/// </summary>
public sealed record ValidationError(string Code, string Path, string Message, string? Allowed = null);

/// <summary>The stable error codes. Tests and callers match on these, never on message text.</summary>
public static class ErrorCodes
{
    /// <summary>The input is not well-formed JSON, or a value has the wrong JSON type.</summary>
    public const string MalformedJson = "malformed-json";
    /// <summary>A value has the wrong JSON type (text where a number belongs, a fraction where a count belongs).</summary>
    public const string WrongType = "wrong-type";
    /// <summary>A member the contract does not define (often a typo that would drop a fact).</summary>
    public const string UnknownField = "unknown-field";
    /// <summary>A required member is absent.</summary>
    public const string Required = "required";
    /// <summary>schemaVersion is not one this build reads.</summary>
    public const string UnsupportedSchemaVersion = "unsupported-schema-version";
    /// <summary>A code outside its closed set.</summary>
    public const string InvalidCode = "invalid-code";
    /// <summary>A number outside its physical range.</summary>
    public const string OutOfRange = "out-of-range";
    /// <summary>A date that is not ISO 8601 (yyyy-mm-dd).</summary>
    public const string InvalidDate = "invalid-date";
    /// <summary>The same code twice in a list.</summary>
    public const string DuplicateValue = "duplicate-value";
    /// <summary>A TNM category that is not spelled as AJCC spells it, or does not exist for the site.</summary>
    public const string InvalidTnmCategory = "invalid-tnm-category";

    /// <summary>More positive nodes than examined nodes.</summary>
    public const string NodesPositiveExceedExamined = "contradiction.nodes-positive-exceed-examined";
    /// <summary>Differentiation and histologic type disagree (well-differentiated NEC).</summary>
    public const string DifferentiationHistology = "contradiction.differentiation-histology";
    /// <summary>A histologic type that cannot arise at the primary site (a lung-only type on a digestive site).</summary>
    public const string HistologySite = "contradiction.histology-site";
    /// <summary>A field that only applies to another site (gastricType on a pancreatic tumour).</summary>
    public const string FieldNotForSite = "contradiction.field-not-for-site";
    /// <summary>A TNM category given by the clinician that the given size rules out.</summary>
    public const string TnmContradictsSize = "contradiction.tnm-size";
    /// <summary>A TNM category given by the clinician that the given node or metastasis facts rule out.</summary>
    public const string TnmContradictsFacts = "contradiction.tnm-facts";
    /// <summary>Two facts of the case that cannot both be true (liver burden without liver metastases).</summary>
    public const string InconsistentFacts = "contradiction.facts";
    /// <summary>A date range that ends before it starts.</summary>
    public const string DateOrder = "contradiction.date-order";
}
