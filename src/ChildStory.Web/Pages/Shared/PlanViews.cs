using ChildStory.Domain.Casework;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChildStory.Web.Pages.Shared;

/// <summary>The child's views as a form posts them ("Voice.Words", "Voice.Method"…, the same keys the use cases name in errors).</summary>
public sealed class VoiceFields
{
    public string? Words { get; set; }
    public string? Method { get; set; }
    public string? GatheredBy { get; set; }
    public string? GatheredOn { get; set; }

    public ChildVoice Read(ModelStateDictionary state) =>
        new(Words, FormInput.Choice<VoiceMethod>(Method), GatheredBy, state.Date("Voice.GatheredOn", GatheredOn, "the date the child's views were gathered", required: false));
}

/// <summary>The family's views as a form posts them ("Family.ParentsViews"…).</summary>
public sealed class FamilyFields
{
    public string? ParentsViews { get; set; }
    public string? MadeWithFamily { get; set; }
    public string? NotWithFamilyReason { get; set; }

    public FamilyViews Read() => new(ParentsViews, FormInput.YesNo(MadeWithFamily) ?? false, NotWithFamilyReason);
}

/// <summary>What the _Views partial needs: the posted values and whether to ask for the family's views too.</summary>
public sealed record ViewsForm(VoiceFields Voice, FamilyFields? Family, string ChildName);
