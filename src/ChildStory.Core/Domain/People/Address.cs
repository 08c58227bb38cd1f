namespace ChildStory.Domain.People;

public sealed class Address : Stamped
{
    private Address() { }

    public Address(Guid id, string line1, string? line2, string town, string postcode)
    {
        Id = id;
        Line1 = line1;
        Line2 = line2;
        Town = town;
        Postcode = postcode.ToUpperInvariant();
    }

    public Guid Id { get; private set; }
    public string Line1 { get; private set; } = "";
    public string? Line2 { get; private set; }
    public string Town { get; private set; } = "";
    public string Postcode { get; private set; } = "";

    /// <summary>Unique Property Reference Number, where the sending system knows it.</summary>
    public string? Uprn { get; private set; }

    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

public enum AddressKind
{
    Home,
    Temporary,
    Placement,
    Refuge,
    Other,
}

/// <summary>A person lived at an address from one date to another (open-ended while current).</summary>
public sealed class PersonAddress : IChildData
{
    private PersonAddress() { }

    public PersonAddress(Guid id, Guid personId, Address address, AddressKind kind, DateOnly from)
    {
        Id = id;
        PersonId = personId;
        Address = address;
        AddressId = address.Id;
        Kind = kind;
        From = from;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    Guid IChildData.ChildId => PersonId;
    public Guid AddressId { get; private set; }
    public Address? Address { get; private set; }
    public AddressKind Kind { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    public bool IsCurrentOn(DateOnly date) => From <= date && (To is null || To >= date);

    public void EndOn(DateOnly to)
    {
        if (to < From)
        {
            throw new InvalidOperationException("An address cannot end before it started.");
        }
        To = to;
    }
}
