using ChildStory.Domain.People;

namespace ChildStory.Features.Demo;

internal sealed class DemoFamily
{
    public List<Person> Children { get; } = [];
    public List<Person> Adults { get; } = [];
    public List<Address> Addresses { get; } = [];
    public List<Relationship> Relationships { get; } = [];
    public List<Involvement> Involvements { get; } = [];
    public List<ChildStory.Domain.Chronology.ChronologyEvent> Events { get; } = [];
    public Address Home { get; set; } = null!;
    public DateOnly MovedIn { get; set; }
}

/// <summary>
/// One household at a time: parents (a father is sometimes recorded as not known, sometimes not recorded at all —
/// Child B's review found his father missing from the record), partners, grandparents caring, other adults,
/// and siblings, with address histories that include families who moved in from a neighbouring authority.
/// </summary>
internal sealed class DemoFamilyGenerator(DemoRandom random, DateOnly today)
{
    private static readonly string[] Streets = ["Mill Lane", "Church Street", "Station Road", "Victoria Road", "Meadow Way", "Orchard Close", "Kingsway", "Brook Street", "Elm Grove", "Castle View", "Park Avenue", "Bridge Street", "Chapel Row", "Foundry Lane", "Willow Drive", "The Crescent", "Canal Side", "Beech Road", "Market Street", "Holly Walk"];
    private static readonly (string Town, string Area)[] Towns = [("Westmere", "WM1"), ("Westmere", "WM2"), ("Westmere", "WM3"), ("Kelbrook", "KB4"), ("Kelbrook", "KB5"), ("Haddon Bridge", "HB6"), ("Ashcombe", "AC7"), ("Millfield", "MF8")];
    private static readonly (string Town, string Area)[] Elsewhere = [("Eastvale", "EV2"), ("Eastvale", "EV3"), ("Northam", "NM1")];
    private static readonly string[] FatherUnknownReasons = ["Mother declines to name him", "Mother says she does not know who he is", "Not known: conceived abroad, no contact since", "Mother will not share his details because of past domestic abuse"];

    public DemoFamily Build(int childrenWanted)
    {
        var family = new DemoFamily();
        var heritage = Heritage.Pick(random);
        var surname = random.Pick(heritage.Surnames);
        var youngest = today.AddDays(-random.Between(30, 365 * 17));
        var mother = Adult(heritage, female: true, surname, youngest.AddYears(-random.Between(18, 40)));
        family.Home = NewAddress(Towns);
        family.MovedIn = random.DateBetween(today.AddYears(-12), today.AddDays(-20));

        if (random.Chance(0.22))
        {
            // Moved in: the record has the previous address, sometimes in a neighbouring authority.
            var previous = NewAddress(random.Chance(0.5) ? Elsewhere : Towns);
            mother.MoveTo(previous, family.MovedIn.AddYears(-random.Between(1, 6)));
        }
        mother.MoveTo(family.Home, family.MovedIn);
        family.Adults.Add(mother);

        Person? father = null;
        var fatherRecord = random.Between(1, 100);
        var fatherAtHome = fatherRecord <= 45;
        if (fatherRecord <= 72)
        {
            father = Adult(heritage, female: false, surname, mother.DateOfBirth!.Value.AddYears(-random.Between(-2, 8)));
            father.MoveTo(fatherAtHome ? family.Home : NewAddress(random.Chance(0.8) ? Towns : Elsewhere), fatherAtHome ? family.MovedIn : random.DateBetween(today.AddYears(-8), today.AddDays(-30)));
            family.Adults.Add(father);
        }
        var partner = !fatherAtHome && random.Chance(0.25) ? Adult(Heritage.Pick(random), female: false, null, mother.DateOfBirth!.Value.AddYears(-random.Between(-5, 12))) : null;
        if (partner is not null)
        {
            partner.MoveTo(family.Home, random.DateBetween(family.MovedIn, today.AddDays(-10)));
            family.Adults.Add(partner);
        }
        var grandparent = random.Chance(0.05) ? Adult(heritage, female: true, surname, mother.DateOfBirth!.Value.AddYears(-random.Between(20, 28))) : null;
        if (grandparent is not null)
        {
            grandparent.MoveTo(family.Home, family.MovedIn);
            family.Adults.Add(grandparent);
        }
        var lodger = random.Chance(0.04) ? Adult(Heritage.Pick(random), female: random.Chance(0.3), null, today.AddYears(-random.Between(19, 60))) : null;
        if (lodger is not null)
        {
            lodger.MoveTo(family.Home, random.DateBetween(family.MovedIn, today.AddDays(-5)));
            family.Adults.Add(lodger);
        }

        var born = youngest;
        for (var i = 0; i < childrenWanted && born >= today.AddYears(-18).AddDays(1); i++)
        {
            var child = Child(heritage, surname, born, family);
            family.Children.Add(child);
            Relate(family, child, mother, RelationshipKind.Mother, true, true);
            if (father is not null)
            {
                Relate(family, child, father, RelationshipKind.Father, random.Chance(0.85), fatherAtHome);
            }
            else if (fatherRecord <= 86)
            {
                family.Relationships.Add(Relationship.NotKnown(child.Id, RelationshipKind.Father, random.Pick(FatherUnknownReasons)));
            }
            if (partner is not null) { Relate(family, child, partner, RelationshipKind.ParentsPartner, false, true); }
            if (grandparent is not null) { Relate(family, child, grandparent, RelationshipKind.KinshipCarer, false, true); }
            if (lodger is not null) { Relate(family, child, lodger, RelationshipKind.OtherAdultInHousehold, false, true); }
            born = born.AddDays(-random.Between(330, 365 * 5));
        }
        foreach (var child in family.Children)
        {
            foreach (var sibling in family.Children.Where(s => s != child))
            {
                Relate(family, child, sibling, RelationshipKind.Sibling, false, true);
            }
        }
        return family;
    }

    private Person Child(Heritage heritage, string surname, DateOnly born, DemoFamily family)
    {
        var female = random.Chance(0.49);
        var child = new Person(random.NextId(), random.Pick(female ? heritage.Girls : heritage.Boys), surname, born, female ? Gender.Female : Gender.Male, isChild: true);
        child.SetCulture(heritage.Ethnicity, heritage.Language, random.Chance(heritage.InterpreterChance * 0.3));
        if (random.Chance(0.95))
        {
            child.SetNhsNumber(random.NhsNumber());
        }
        if (random.Chance(0.04))
        {
            child.AddName(NameKind.Preferred, random.Pick(female ? heritage.Girls : heritage.Boys), surname);
        }
        else if (random.Chance(0.03))
        {
            child.AddName(NameKind.Previous, child.GivenName, random.Pick(Heritage.Pick(random).Surnames));
        }
        child.MoveTo(family.Home, born > family.MovedIn ? born : family.MovedIn);
        return child;
    }

    private Person Adult(Heritage heritage, bool female, string? surname, DateOnly born)
    {
        var adult = new Person(random.NextId(), random.Pick(female ? heritage.Girls : heritage.Boys), surname ?? random.Pick(heritage.Surnames), born, female ? Gender.Female : Gender.Male, isChild: false);
        adult.SetCulture(heritage.Ethnicity, heritage.Language, random.Chance(heritage.InterpreterChance));
        return adult;
    }

    private Address NewAddress(IReadOnlyList<(string Town, string Area)> towns)
    {
        var (town, area) = random.Pick(towns);
        const string letters = "ABDEFGHJLNPQRSTUWXY";
        var postcode = $"{area} {random.Between(1, 9)}{letters[random.Between(0, letters.Length - 1)]}{letters[random.Between(0, letters.Length - 1)]}";
        return new Address(random.NextId(), $"{random.Between(1, 160)} {random.Pick(Streets)}", null, town, postcode);
    }

    private static void Relate(DemoFamily family, Person child, Person related, RelationshipKind kind, bool parentalResponsibility, bool livesWithChild) =>
        family.Relationships.Add(Relationship.Known(child.Id, related, kind, parentalResponsibility, livesWithChild));
}
