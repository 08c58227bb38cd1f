using ChildStory.Domain.Chronology;
using ChildStory.Features.Chronology;

namespace ChildStory.Web.Pages.Children.Story;

/// <summary>What the add and amend pages' shared form shows: the values, which kinds may be chosen, and whether it is an amendment.</summary>
public sealed record EventFormView(PractitionerEventForm Form, IReadOnlyList<EventType> Types, bool Amending);
