using ChildStory.Features.Children.Matching;

namespace ChildStory.Features.Identity;

/// <summary>
/// A <see cref="PersonRecord"/> with everything a comparison needs worked out once: sound-alike keys, the date of
/// birth as a number, interned name ids and name weights. Linking a million records compares tens of millions of
/// pairs, so <see cref="PairScore"/> must not format dates, build phonetic keys or allocate per pair.
/// </summary>
internal sealed class PreparedPerson
{
    /// <summary>Id meaning "no value": interned ids are 0 or more.</summary>
    public const int None = -1;

    public required string Given { get; init; }
    public required string Family { get; init; }

    /// <summary>Interned name ids (equal ids ⇔ equal names) or <see cref="None"/> for a missing name.</summary>
    public required int GivenId { get; init; }
    public required int FamilyId { get; init; }

    /// <summary>Interned ids of the names' <see cref="PhoneticKey"/>, or <see cref="None"/>.</summary>
    public required int GivenSound { get; init; }
    public required int FamilySound { get; init; }

    /// <summary>Date of birth as yyyymmdd, or 0 when unknown.</summary>
    public required int Dob { get; init; }
    public required string? Postcode { get; init; }

    /// <summary>First letter of the recorded sex, or '\0' when not given.</summary>
    public required char Sex { get; init; }
    public required string? Nhs { get; init; }
    public required string? Upn { get; init; }

    /// <summary>Log-odds weight of agreeing on this given name / family name (rarer names weigh more).</summary>
    public required double GivenWeight { get; init; }
    public required double FamilyWeight { get; init; }

    public static int DobNumber(DateOnly? dob) => dob is { } d ? d.Year * 10_000 + d.Month * 100 + d.Day : 0;
}

/// <summary>
/// Interns names and their sound-alike keys to small integers so that equality is an integer comparison and
/// blocking keys can be packed into a <see cref="long"/>. Not thread-safe: fill it on one thread, then read.
/// Ids are only comparable between records prepared with the same table.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sounds = new(StringComparer.Ordinal);
    private readonly List<int> _soundOfName = [];
    public int NameCount => _names.Count;

    /// <summary>Interns a normalised name, returning its id (or <see cref="PreparedPerson.None"/> for "").</summary>
    public int Name(string name)
    {
        if (name.Length == 0) { return PreparedPerson.None; }
        if (_names.TryGetValue(name, out var id)) { return id; }
        id = _names.Count;
        _names[name] = id;
        var key = PhoneticKey.For(name);
        if (!_sounds.TryGetValue(key, out var sound)) { _sounds[key] = sound = _sounds.Count; }
        _soundOfName.Add(sound);
        return id;
    }

    public int SoundOf(int nameId) => nameId == PreparedPerson.None ? PreparedPerson.None : _soundOfName[nameId];

    public PreparedPerson Prepare(PersonRecord r, double givenWeight, double familyWeight)
    {
        var given = Name(r.Given);
        var family = Name(r.Family);
        return Build(r, given, family, givenWeight, familyWeight);
    }

    /// <summary>Prepares a record whose names this table has already interned (the linker's bulk path).</summary>
    public PreparedPerson Build(PersonRecord r, int given, int family, double givenWeight, double familyWeight) => new()
    {
        Given = r.Given,
        Family = r.Family,
        GivenId = given,
        FamilyId = family,
        GivenSound = SoundOf(given),
        FamilySound = SoundOf(family),
        Dob = PreparedPerson.DobNumber(r.DateOfBirth),
        Postcode = r.Postcode,
        Sex = r.Sex is { Length: > 0 } s ? s[0] : '\0',
        Nhs = r.NhsNumber,
        Upn = r.Upn,
        GivenWeight = givenWeight,
        FamilyWeight = familyWeight,
    };
}
