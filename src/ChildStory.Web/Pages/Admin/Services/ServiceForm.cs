using ChildStory.Web.Pages.Shared;

namespace ChildStory.Web.Pages.Admin.Services;

/// <summary>The fields of a referral service as the admin form shows them (strings, so a bad number comes back as typed).</summary>
public sealed record ServiceFormView(string? Name, string? Kind, Guid? TeamId, string? ReceiveDays, string? DecideDays, string? AllocateDays,
    string? FirstContactDays, string? FastTrackHours, bool Active, IReadOnlyList<SelectOption> Teams, string Button);
