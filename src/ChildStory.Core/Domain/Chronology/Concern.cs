namespace ChildStory.Domain.Chronology;

/// <summary>
/// What an event shows beyond its type — the concerns the safeguarding rules read (James: exploitation, mental health,
/// substance misuse, missing education, trauma; Child A: an adult "boyfriend"). A set, stored as a number.
/// </summary>
[Flags]
public enum Concern : long
{
    None = 0,
    Exploitation = 1,
    OlderAssociates = 2,
    UnexplainedMoneyOrPhones = 4,
    DrugDebt = 8,
    Weapon = 16,
    ArrestForSupply = 32,
    UnknownPlaces = 64,
    MentalHealth = 128,
    SelfHarm = 256,
    SubstanceMisuse = 512,
    MissingEducation = 1024,
    Offending = 2048,
    Trauma = 4096,
    DomesticAbuse = 8192,
    ParentalSubstanceMisuse = 16384,
    Neglect = 32768,
    SexualExploitation = 65536,
}

public static class Concerns
{
    /// <summary>Reads names ("MentalHealth", "self harm") into a set, naming any it does not know.</summary>
    public static Concern Parse(IEnumerable<string>? names, List<string> unknown)
    {
        var set = Concern.None;
        foreach (var name in names ?? [])
        {
            var clean = name.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (Enum.TryParse<Concern>(clean, ignoreCase: true, out var c) && c != Concern.None && !int.TryParse(clean, out _))
            {
                set |= c;
            }
            else
            {
                unknown.Add(name);
            }
        }
        return set;
    }
}
