using Microsoft.Extensions.Configuration;

namespace ChildStory.Features.Rules;

/// <summary>
/// A rule's parameters as the partnership set them (<c>Rules:{ruleId}:{name}</c>) over the rule's defaults. A value that
/// is not a number where a number is needed stops start-up naming the setting (see <see cref="RuleCatalogue"/>).
/// </summary>
public sealed class RuleSettings(IConfiguration configuration)
{
    public int Int(string ruleId, string name, int fallback)
    {
        var text = configuration[$"Rules:{ruleId}:{name}"];
        if (text is null)
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && value >= 0
            ? value
            : throw new InvalidOperationException($"Rules:{ruleId}:{name} must be a whole number of 0 or more (it is '{text}')");
    }

    public double Share(string ruleId, string name, double fallback)
    {
        var text = configuration[$"Rules:{ruleId}:{name}"];
        if (text is null)
        {
            return fallback;
        }
        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1
            ? value
            : throw new InvalidOperationException($"Rules:{ruleId}:{name} must be a share between 0 and 1, like 0.6 (it is '{text}')");
    }

    public bool Enabled(string ruleId) => !string.Equals(configuration[$"Rules:{ruleId}:Enabled"], "false", StringComparison.OrdinalIgnoreCase);
}
