using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Code { get; set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        (Title, Message) = Code switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you followed a link to a child's record, the record may not exist or may be outside your agency's work with children."),
            400 => ("There is a problem with the request", "Go back and try again."),
            429 => ("Too many attempts", "There have been too many attempts in a short time. Wait a minute, then try again."),
            null or 500 => ("Sorry, there is a problem with the service", "Try again later. What you were doing has not been saved."),
            _ => ("Sorry, there is a problem", "Try again later."),
        };
        if (Code is { } code and >= 400 and < 600)
        {
            Response.StatusCode = code;
        }
    }
}
