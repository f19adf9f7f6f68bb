namespace NetPath.Interop;

/// <summary>The code systems and canonical URLs NetPath reads and writes (decision 0700).</summary>
public static class FhirSystems
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Atc = "http://www.whocc.no/atc";
    public const string Ajcc = "http://cancerstaging.org";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ProvenanceActivity = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

    /// <summary>SNOMED CT "AJCC Cancer Staging Manual, 8th edition neoplasm staging system".</summary>
    public const string Ajcc8Method = "897275008";

    /// <summary>
    /// NetPath's own canonical base. The host is under the reserved .example name (RFC 6761) on
    /// purpose: the URL identifies, it is never fetched; a server publishes these resources at
    /// its own base as well (decision 0700).
    /// </summary>
    public const string NetPathBase = "http://netpath.example.org/fhir";
    public const string CareCodeSystem = NetPathBase + "/CodeSystem/care-code";
    public const string CaseFactSystem = NetPathBase + "/CodeSystem/case-fact";
    public const string CaseValueSystem = NetPathBase + "/CodeSystem/case-value";
    public const string StrengthSystem = NetPathBase + "/CodeSystem/recommendation-strength";
    public const string IntentSystem = NetPathBase + "/CodeSystem/recommendation-intent";
    public const string TagSystem = NetPathBase + "/CodeSystem/tag";
    /// <summary>meta.tag code on resources NetPath concluded itself (stage, grade, plan): never read back as input.</summary>
    public const string DerivedTag = "derived";
    public const string TherapyOutcomeExtension = NetPathBase + "/StructureDefinition/therapy-outcome";
    public const string StrengthExtension = NetPathBase + "/StructureDefinition/recommendation-strength";
    public const string EvidenceExtension = NetPathBase + "/StructureDefinition/recommendation-evidence";
    public const string KnowledgeHashExtension = NetPathBase + "/StructureDefinition/knowledge-content-hash";

    public const string McodeBase = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    public const string McodePrimaryCancerCondition = McodeBase + "mcode-primary-cancer-condition";
    public const string McodeSecondaryCancerCondition = McodeBase + "mcode-secondary-cancer-condition";
    public const string McodeTnmT = McodeBase + "mcode-tnm-primary-tumor-category";
    public const string McodeTnmN = McodeBase + "mcode-tnm-regional-nodes-category";
    public const string McodeTnmM = McodeBase + "mcode-tnm-distant-metastases-category";
    public const string McodeStageGroup = McodeBase + "mcode-tnm-stage-group";
    public const string McodeTumorSize = McodeBase + "mcode-tumor-size";
    public const string McodeEcog = McodeBase + "mcode-ecog-performance-status";
    public const string McodeHistologyExtension = McodeBase + "mcode-histology-morphology-behavior";
    public const string ConditionRelatedExtension = "http://hl7.org/fhir/StructureDefinition/condition-related";
}
