namespace ChildStory.Web.Pages.Shared;

/// <summary>The HTML id a form field gets for a model-state key ("Input.Email" → "Input_Email"), so error links land on it.</summary>
public static class FieldIds
{
    public static string For(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
