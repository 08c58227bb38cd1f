using ChildStory.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChildStory.Web.Pages.Shared;

/// <summary>The one place where expected failures become GOV.UK field errors on a page.</summary>
public static class PageErrors
{
    public static void AddErrors(this ModelStateDictionary modelState, Error error, string prefix = "") =>
        modelState.AddErrors(error.Fields, error.Title, field => prefix.Length == 0 ? field : $"{prefix}.{field}");

    /// <summary>Adds each field's messages under the page's name for that field (forms name fields for the page, handlers for the use case).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> fields, string title, Func<string, string> key)
    {
        if (fields.Count == 0)
        {
            modelState.AddModelError("", title);
            return;
        }
        foreach (var (field, messages) in fields)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(key(field), message);
            }
        }
    }

    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
