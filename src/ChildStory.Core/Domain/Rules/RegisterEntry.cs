namespace ChildStory.Domain.Rules;

/// <summary>
/// A child's time on the complex-needs register: entered when the complex-needs rule first finds concerns in enough
/// domains, left when the rule no longer finds them; the domains as last found. Entries and exits over time come
/// from these rows.
/// </summary>
public sealed class RegisterEntry
{
    private RegisterEntry() { }

    public RegisterEntry(Guid id, Guid childId, DateTimeOffset enteredAt, string domains)
    {
        Id = id;
        ChildId = childId;
        EnteredAt = enteredAt;
        Domains = domains;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>The domains of concern, comma-separated (as found most recently).</summary>
    public string Domains { get; private set; } = "";

    public void Update(string domains) => Domains = domains;

    public void Leave(DateTimeOffset at) => LeftAt = at;
}
