using ChildStory.Data;
using ChildStory.Features.Education;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Education;

/// <summary>
/// Lists for the local authority's education and SEND teams and designated safeguarding leads: children with an EHC
/// plan not in full-time education, in alternative provision, with overdue EHC reviews or plans, on part-time
/// timetables, excluded, home educated or missing education — only the children the reader may see, with each
/// child's safeguarding status.
/// </summary>
public sealed class IndexModel(EducationLists lists, IActorAccessor actors) : PageModel
{
    [FromQuery(Name = "list")] public string? List { get; set; }

    public EducationList Showing { get; private set; }
    public IReadOnlyList<EducationRow> Rows { get; private set; } = [];

    public static readonly IReadOnlyList<(EducationList List, string Title)> Lists =
    [
        (EducationList.EhcpNotFullTime, "EHC plan, not in full-time education"),
        (EducationList.AlternativeProvision, "Alternative provision"),
        (EducationList.OverdueReviews, "Overdue EHC plans and reviews"),
        (EducationList.PartTime, "Part-time timetables"),
        (EducationList.Exclusions, "Exclusions"),
        (EducationList.HomeEducation, "Home education and missing education"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (List is not null && FormInput.Choice<EducationList>(List) is null)
        {
            return NotFound();
        }
        Showing = FormInput.Choice<EducationList>(List) ?? EducationList.EhcpNotFullTime;
        Rows = await lists.ListAsync(actors.Current, Showing, ct);
        return Page();
    }
}
