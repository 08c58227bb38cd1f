using ChildStory.Identifiers;

namespace ChildStory.Features.Demo;

/// <summary>
/// All the chance in the demo comes from one seeded <see cref="Random"/>, consumed in a fixed order, so the same
/// seed gives the same partnership: the same people with the same ids, names, dates and identifiers.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _nhsNumbers = [];
    private readonly HashSet<string> _upns = [];

    public Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0f) | 0x40); // version 4 layout, so the ids look like any other
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        return new Guid(bytes);
    }

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public DateOnly DateBetween(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>An NHS number in the 999 range the NHS keeps for test data, with a correct check digit, never repeated.</summary>
    public string NhsNumber()
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var nine = "999" + _random.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (Identifiers.NhsNumber.CheckDigit(nine) is { } check && _nhsNumbers.Add(nine + check))
            {
                return nine + check;
            }
        }
        throw new InvalidOperationException("The 999 test range has no unused NHS numbers left for this many people.");
    }

    /// <summary>A UPN for a school in the demo's local authority (code 999), with a correct check letter, never repeated.</summary>
    public string Upn(int establishment, int yearOfEntry)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var twelve = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"999{establishment:D4}{yearOfEntry % 100:D2}{_random.Next(0, 1000):D3}");
            var upn = UniquePupilNumber.CheckLetter(twelve) + twelve;
            if (_upns.Add(upn))
            {
                return upn;
            }
        }
        throw new InvalidOperationException($"School {establishment} has no unused UPN serials left for {yearOfEntry}.");
    }
}
