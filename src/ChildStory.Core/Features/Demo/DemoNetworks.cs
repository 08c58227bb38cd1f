using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Exploitation;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Demo;

/// <summary>
/// Peer and place maps for the demo county. Children the exploitation team works with fall into small groups (three
/// to six) that know each other, hang around the same one or two places — a bus station, a park, a flat — and are
/// linked to an adult of concern who turns up in more than one group; some groups include a child from a neighbouring
/// authority, some a vehicle or an online handle, and some adults are known only from police intelligence
/// (restricted to the police). One teenager in five also has a friend or two of about their age. Synthetic throughout,
/// and the same for the same seed.
/// </summary>
internal static class DemoNetworks
{
    private static readonly string[] Towns = ["Westmere", "Kelbrook", "Haddon Bridge", "Ashcombe", "Millfield"];
    private static readonly string[] Areas = ["WM1", "KB4", "HB6", "AC7", "MF8"];
    private static readonly string[] Vehicles = ["Black Audi A3", "Grey Vauxhall Corsa", "White Ford Transit", "Silver BMW 1 Series", "Blue Toyota Prius (private hire)"];
    private static readonly string[] Apps = ["Snapchat", "Instagram", "Telegram", "TikTok"];
    private static readonly string[] PeerSources = ["Return home interview", "School designated safeguarding lead", "Child’s own account", "Parent’s account", "Youth worker’s observation"];
    private static readonly string[] PlaceSources = ["Return home interview", "Police stop and search", "Missing episode: found there", "Youth worker’s observation", "CCTV review"];

    public static async Task<int> SeedAsync(ChildStoryDbContext db, DemoPartnership p, int seed, DateOnly today, CancellationToken ct)
    {
        var random = new DemoRandom(seed * 7919 + 17);
        var teens = await db.People.AsNoTracking().Where(x => x.IsChild && x.DateOfBirth != null && x.DateOfBirth > today.AddYears(-18) && x.DateOfBirth <= today.AddYears(-11))
            .OrderBy(x => x.DateOfBirth).ThenBy(x => x.Id).Select(x => new { x.Id, Born = x.DateOfBirth!.Value }).ToListAsync(ct);
        var atRisk = await db.Involvements.AsNoTracking().Where(i => i.TeamId == p.ExploitationTeam.Team.Id && i.EndedOn == null)
            .Select(i => i.ChildId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var born = teens.ToDictionary(t => t.Id, t => t.Born);
        atRisk = atRisk.Where(born.ContainsKey).ToList();
        if (teens.Count < 2)
        {
            return 0;
        }
        var police = p.ExploitationTeam;
        var social = p.SocialCareCaseTeams[0];
        var school = p.DemoSchool.Staff;
        var links = new List<Association>();

        Association Link(Guid child, AssociationKind kind, Guid? person, Guid? place, DemoTeam by, string source)
        {
            var seen = today.AddDays(-random.Between(3, 300));
            var worker = by.Worker(random);
            var link = new Association(random.NextId(), child, kind, person, place, source, (SourceReliability)random.Between(1, 2),
                (InformationAssessment)random.Between(0, 2), seen, by.Agency.Id, worker.Id, worker.DisplayName,
                new DateTimeOffset(seen.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero), null);
            links.Add(link);
            return link;
        }

        // Places: in every town a bus station, two parks, shops and flats; vehicles and online handles.
        var places = new List<Place>();
        var scale = Math.Max(1, atRisk.Count / 40);
        for (var t = 0; t < Towns.Length; t++)
        {
            var town = Towns[t];
            var code = () => $"{Areas[t]} {random.Between(1, 9)}{(char)('A' + random.Between(0, 25))}{(char)('A' + random.Between(0, 25))}";
            places.Add(new Place(random.NextId(), PlaceKind.Station, $"{town} bus station", null));
            places.Add(new Place(random.NextId(), PlaceKind.Park, $"{town} recreation ground", null));
            places.Add(new Place(random.NextId(), PlaceKind.Park, $"Skate park, {town}", null));
            for (var i = 0; i < scale; i++)
            {
                places.Add(new Place(random.NextId(), PlaceKind.Shop, $"{(i % 2 == 0 ? "Late-night convenience store" : "Chicken shop")} {i + 1}, {town}", code()));
                places.Add(new Place(random.NextId(), PlaceKind.Address, $"Flat {random.Between(1, 12)}, {random.Between(2, 90)} Canal Side, {town}", code()));
            }
        }
        var things = new List<Place>();
        for (var i = 0; i < Math.Max(3, scale * 2); i++)
        {
            things.Add(new Place(random.NextId(), PlaceKind.Vehicle, $"{random.Pick(Vehicles)}, {Areas[random.Between(0, Areas.Length - 1)][..2]}{random.Between(10, 24)} {(char)('A' + random.Between(0, 25))}{(char)('A' + random.Between(0, 25))}{(char)('A' + random.Between(0, 25))}", null));
            things.Add(new Place(random.NextId(), PlaceKind.OnlineHandle, $"@{(char)('a' + random.Between(0, 25))}{random.Pick(["cash", "plug", "trap", "link"])}{random.Between(10, 999)} on {random.Pick(Apps)}", null));
        }
        places = places.Concat(things).DistinctBy(x => x.Key).ToList();
        var hangouts = places.Where(x => !x.IsThing).ToList();
        things = places.Where(x => x.IsThing).ToList();

        // Adults of concern, each turning up for two groups or so.
        var groups = Chunk(atRisk.OrderBy(_ => random.Between(0, int.MaxValue - 1)).ToList(), random);
        var adults = Enumerable.Range(0, Math.Max(3, groups.Count / 2)).Select(_ =>
        {
            var heritage = Heritage.Pick(random);
            var adult = new Person(random.NextId(), random.Pick(heritage.Boys), random.Pick(heritage.Surnames), null, Gender.Male, isChild: false);
            adult.SetDateOfBirth(new DateOnly(today.Year - random.Between(19, 34), 7, 1), estimated: true);
            return adult;
        }).ToList();
        var elsewhere = new List<Person>();

        foreach (var group in groups)
        {
            for (var i = 0; i + 1 < group.Count; i++)
            {
                Link(group[i], AssociationKind.Peer, group[i + 1], null, random.Chance(0.5) ? social : school, random.Pick(PeerSources));
            }
            foreach (var place in Enumerable.Range(0, random.Between(1, 2)).Select(_ => random.Pick(hangouts)).Distinct())
            {
                foreach (var child in group.Where(_ => random.Chance(0.8)))
                {
                    Link(child, random.Chance(0.6) ? AssociationKind.Frequents : AssociationKind.SeenAt, null, place.Id, random.Chance(0.5) ? police : social, random.Pick(PlaceSources));
                }
            }
            var adult = random.Pick(adults);
            foreach (var child in group.Take(random.Between(1, 2)))
            {
                var link = Link(child, random.Chance(0.5) ? AssociationKind.AdultOfConcern : AssociationKind.SuspectedExploiter, adult.Id, null, police,
                    random.Chance(0.4) ? "Intelligence report" : random.Pick(PlaceSources));
                if (link.Source == "Intelligence report")
                {
                    link.Restrict(Sensitivity.PoliceIntelligence, $"{police.Manager.DisplayName}, {police.Team.Name}");
                }
            }
            if (random.Chance(0.3))
            {
                Link(group[0], random.Chance(0.5) ? AssociationKind.Uses : AssociationKind.SeenAt, null, random.Pick(things).Id, police, random.Pick(PlaceSources));
            }
            if (random.Chance(0.2))
            {
                var heritage = Heritage.Pick(random);
                var peer = new Person(random.NextId(), random.Pick(heritage.Boys), random.Pick(heritage.Surnames), null, Gender.Male, isChild: false);
                peer.SetDateOfBirth(born[group[0]].AddDays(random.Between(-400, 400)), estimated: false);
                peer.BelongsTo("Eastvale Council", "Eastvale Children’s Front Door, 0161 496 0123");
                elsewhere.Add(peer);
                Link(group[^1], AssociationKind.Peer, peer.Id, null, social, "Return home interview");
            }
        }

        // Ordinary friendships: a teenager and someone within a year or so of their age.
        for (var i = 0; i < teens.Count; i++)
        {
            if (!random.Chance(0.2))
            {
                continue;
            }
            foreach (var _ in Enumerable.Range(0, random.Between(1, 2)))
            {
                var j = Math.Clamp(i + random.Between(-150, 150), 0, teens.Count - 1);
                if (j != i)
                {
                    Link(teens[i].Id, AssociationKind.Friend, teens[j].Id, null, school, random.Pick(PeerSources));
                }
            }
        }

        db.Places.AddRange(places);
        db.People.AddRange(adults);
        db.People.AddRange(elsewhere);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var chunk in links.Chunk(5_000))
        {
            db.Associations.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return links.Count;
    }

    private static List<List<Guid>> Chunk(List<Guid> children, DemoRandom random)
    {
        var groups = new List<List<Guid>>();
        for (var i = 0; i < children.Count;)
        {
            var size = Math.Min(random.Between(3, 6), children.Count - i);
            groups.Add(children.GetRange(i, size));
            i += size;
        }
        return groups;
    }
}
