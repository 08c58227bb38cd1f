using ChildStory.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChildStory.Web.Pages.Shared;

/// <summary>The one place where expected failures become GOV.UK field errors on a page.</summary>
public static class PageErrors
{
    public static void AddErrors(this ModelStateDictionary modelState, Error error, string prefix = "")
    {
        if (error.Fields.Count == 0)
        {
            modelState.AddModelError("", error.Title);
            return;
        }
        foreach (var (field, messages) in error.Fields)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }
    }

    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
