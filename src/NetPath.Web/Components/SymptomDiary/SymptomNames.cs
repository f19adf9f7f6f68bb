using NetPath.Clinical.Cases;

namespace NetPath.Web.Components.SymptomDiary;

/// <summary>Plain-language names for the case contract's symptom codes, for patients reading their own diary.</summary>
internal static class SymptomNames
{
    public static string Of(Symptom s) => s switch
    {
        Symptom.Flushing => "Flushing",
        Symptom.Diarrhea => "Diarrhoea",
        Symptom.AbdominalPain => "Tummy (abdominal) pain",
        Symptom.WeightLoss => "Weight loss",
        Symptom.Fatigue => "Tiredness (fatigue)",
        Symptom.Wheezing => "Wheezing",
        Symptom.Cough => "Cough",
        Symptom.Hypertension => "High blood pressure",
        Symptom.Palpitations => "Palpitations (racing heart)",
        Symptom.Hypoglycemia => "Low blood sugar (hypoglycaemia)",
        Symptom.PepticUlcer => "Stomach ulcer symptoms",
        Symptom.Rash => "Rash",
        Symptom.Hyperglycemia => "High blood sugar",
        Symptom.Cushingoid => "Cushing-like changes",
        Symptom.Neurological => "Nerve or brain symptoms",
        Symptom.BowelObstruction => "Blocked bowel",
        Symptom.Bleeding => "Bleeding",
        Symptom.BonePain => "Bone pain",
        Symptom.Jaundice => "Yellow skin or eyes (jaundice)",
        _ => WireCode<Symptom>.Of(s),
    };

    public static IReadOnlyList<Symptom> All { get; } = Enum.GetValues<Symptom>();
}
