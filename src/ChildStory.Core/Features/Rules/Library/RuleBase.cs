using System.Security.Cryptography;
using System.Text;
using ChildStory.Domain.Rules;

namespace ChildStory.Features.Rules.Library;

/// <summary>What every rule shares: its identity, its parameters as a partnership set them, and a stable condition key.</summary>
public abstract class RuleBase(RuleSettings settings) : ISafeguardingRule
{
    private readonly Dictionary<string, string> _parameters = [];

    public abstract string Id { get; }

    public virtual int Version => 1;

    public abstract string Title { get; }

    public abstract string Source { get; }

    public abstract string Guidance { get; }

    public virtual AlertAudience Audience => AlertAudience.LeadProfessional;

    public virtual bool TimeDriven => false;

    public IReadOnlyDictionary<string, string> Parameters
    {
        get
        {
            if (_parameters.Count == 0)
            {
                Declare();
            }
            return _parameters;
        }
    }

    /// <summary>Reads every parameter once (with <see cref="Int"/> and <see cref="Share"/>) so that they can be listed.</summary>
    protected abstract void Declare();

    public abstract IEnumerable<Finding> Evaluate(ChildFacts child);

    protected int Int(string name, int fallback)
    {
        var value = settings.Int(Id, name, fallback);
        _parameters[name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return value;
    }

    protected double Share(string name, double fallback)
    {
        var value = settings.Share(Id, name, fallback);
        _parameters[name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return value;
    }

    /// <summary>A short, stable key for a condition made of these parts (the same parts give the same key).</summary>
    protected static string Key(params object[] parts)
    {
        var text = string.Join("|", parts.Select(p => p.ToString()));
        return text.Length <= 120 ? text : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }

    protected static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
