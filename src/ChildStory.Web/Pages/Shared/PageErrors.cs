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

    /// <summary>
    /// Shows a use case's failure on the page: field errors by field, anything else as a summary line. False for
    /// "not found", which the page answers with a 404 (the same as for something that does not exist).
    /// </summary>
    public static bool Show(this ModelStateDictionary modelState, Error error)
    {
        if (error.Kind == ErrorKind.NotFound)
        {
            return false;
        }
        if (error.Kind == ErrorKind.Validation)
        {
            modelState.AddErrors(error);
        }
        else
        {
            modelState.AddModelError(string.Empty, error.Title);
        }
        return true;
    }

    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
