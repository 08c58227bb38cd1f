using ChildStory.Common;
using ChildStory.Domain.Casework;

namespace ChildStory.Features.Plans;

/// <summary>Checks the child's voice and the family's views as a form sends them. Missing views are allowed but flagged; half-given ones are not.</summary>
internal static class VoiceInput
{
    public static void Check(ChildVoice voice, FamilyViews family, DateOnly today, ValidationErrors errors)
    {
        errors.MaxLength("Voice.Words", voice.Words, 4_000, "The child's words").MaxLength("Voice.GatheredBy", voice.GatheredBy, 200, "Who gathered them")
            .MaxLength("Family.ParentsViews", family.ParentsViews, 4_000, "The parents' and carers' views")
            .MaxLength("Family.NotWithFamilyReason", family.NotWithFamilyReason, 1_000, "The reason");
        if (!string.IsNullOrWhiteSpace(voice.Words))
        {
            if (voice.Method is null) { errors.Add("Voice.Method", "Say how the child's views were gathered"); }
            if (string.IsNullOrWhiteSpace(voice.GatheredBy)) { errors.Add("Voice.GatheredBy", "Say who gathered the child's views"); }
            if (voice.GatheredOn is null) { errors.Add("Voice.GatheredOn", "Enter when the child's views were gathered"); }
        }
        if (voice.GatheredOn > today) { errors.Add("Voice.GatheredOn", "The date the views were gathered cannot be in the future"); }
        if (!family.MadeWithFamily && !string.IsNullOrWhiteSpace(family.ParentsViews) && string.IsNullOrWhiteSpace(family.NotWithFamilyReason))
        {
            errors.Add("Family.NotWithFamilyReason", "Say why this was not made with the family");
        }
    }

    public static ChildVoice Clean(ChildVoice v) =>
        new(Trim(v.Words), string.IsNullOrWhiteSpace(v.Words) ? null : v.Method, Trim(v.GatheredBy), string.IsNullOrWhiteSpace(v.Words) ? null : v.GatheredOn);

    public static FamilyViews Clean(FamilyViews f) => new(Trim(f.ParentsViews), f.MadeWithFamily, f.MadeWithFamily ? null : Trim(f.NotWithFamilyReason));

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
