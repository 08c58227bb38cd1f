using System.Globalization;
using ChildStory.Features.Children.Matching;
using ChildStory.Identifiers;

namespace ChildStory.Features.Identity;

/// <summary>
/// A deterministic, seeded, entirely synthetic set of UK child records for testing and benchmarking the linker, harder
/// than FEBRL in the ways that matter to safeguarding: common names shared by many different children (a skewed
/// surname distribution so Smith and Jones recur), households of siblings, twins who share a surname, date of birth
/// and postcode (and must never be linked), and duplicate records made with the slips agencies make — nicknames
/// (Billy for William), typos, day/month swaps, 1 January placeholders, missing NHS numbers, house moves.
/// </summary>
/// <remarks>Names come from short lists written for this purpose and a generated tail; no real person's data.</remarks>
public static class SyntheticPeople
{
    /// <summary>One generated record with its truth: which person it describes and whether that person is a twin.</summary>
    public sealed record Row(string Id, string Given, string Family, DateOnly? DateOfBirth, string? Sex, string? Postcode, string? NhsNumber, int Person, int? TwinOf);

    /// <summary>A generated set: its rows, and the records the linker reads.</summary>
    public sealed class Set(IReadOnlyList<Row> rows)
    {
        public IReadOnlyList<Row> Rows { get; } = rows;

        public IReadOnlyList<PersonRecord> Records() =>
            [.. Rows.Select(r => PersonRecord.Create(r.Id, r.Given, r.Family, r.DateOfBirth, r.Sex, r.Postcode, r.NhsNumber, null))];

        /// <summary>Writes the columns <c>childstory link</c> reads, plus <c>person</c> (the truth), which it ignores.</summary>
        public void WriteCsv(string path)
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine(string.Join(",", LinkFile.Columns) + ",person");
            foreach (var r in Rows)
            {
                writer.WriteLine(string.Join(",", r.Id, r.Given, r.Family, r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Sex, r.Postcode, r.NhsNumber, "", r.Person.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    private static readonly string[] Boys =
    [
        "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Oscar", "Charlie", "Jacob", "Thomas", "Henry", "William",
        "Freddie", "Alfie", "Theo", "Archie", "Joshua", "James", "Alexander", "Isaac", "Edward", "Lucas", "Joseph", "Samuel", "Max", "Logan",
        "Daniel", "Mason", "Ethan", "Harrison", "Benjamin", "Adam", "Finley", "Dylan", "Sebastian", "Reuben", "Zachary", "Tommy", "Jayden",
        "Toby", "Elijah", "Louie", "Riley", "Teddy", "Rory", "Jude", "Albie", "Ronnie", "Frankie", "Hugo", "Ralph", "Bobby", "Elliot",
        "Stanley", "David", "Michael", "Luca", "Matthew", "Ryan", "Aaron", "Carter", "Tyler", "Kai", "Connor", "Callum", "Lewis", "Nathan",
        "Owen", "Jenson", "Ezra", "Felix", "Ibrahim", "Yusuf", "Ahmed", "Omar", "Ali", "Hamza", "Kian", "Ollie", "Robert", "Richard",
        "Christopher", "Anthony", "Frederick", "Alfred", "John", "Jamie", "Nicholas", "Kyle", "Liam", "Caleb", "Brandon", "Declan",
    ];

    private static readonly string[] Girls =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Willow", "Freya", "Florence",
        "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna", "Sofia", "Daisy", "Phoebe", "Sophie", "Alice", "Harper",
        "Matilda", "Ruby", "Emilia", "Maya", "Millie", "Isabelle", "Eva", "Luna", "Jessica", "Arabella", "Esme", "Layla", "Chloe", "Eleanor",
        "Lucy", "Holly", "Hannah", "Scarlett", "Maisie", "Erin", "Imogen", "Lottie", "Bella", "Zara", "Amber", "Megan", "Leah", "Abigail",
        "Katie", "Aisha", "Fatima", "Maryam", "Zainab", "Niamh", "Aoife", "Caitlin", "Bethany", "Lauren", "Chelsea", "Jade", "Paige",
        "Courtney", "Georgia", "Ellie", "Tilly", "Rebecca", "Victoria", "Elizabeth", "Katherine", "Margaret", "Jennifer", "Samantha",
        "Josephine", "Susan", "Deborah", "Patricia", "Naomi", "Hollie", "Kayla", "Summer", "Libby", "Nancy", "Violet", "Beatrice",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson",
        "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner",
        "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James",
        "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter",
        "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson",
        "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt",
        "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker",
        "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Graham", "Pearson", "Ahmed", "Fletcher", "Walsh", "Kaur", "Gibson",
        "Howard", "Andrews", "Stewart", "Elliott", "Reynolds", "Saunders", "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks", "West",
        "Lawrence", "Cole", "Atkinson", "Bradley", "Spencer", "Gill", "Dawson", "Ball", "Burton", "O'Brien", "Watts", "Rose", "Booth",
        "Perry", "Ryan", "Grant", "Wells", "Armstrong", "Francis", "Rees", "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Webster",
        "Hunter", "Gregory", "Carr", "Lowe", "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons", "Berry", "Stone", "Reid", "Holland",
        "Hawkins", "Harding", "Porter", "Robertson", "Newton", "Nowak", "Kowalski", "Okafor", "Mensah", "Nguyen", "Obi", "MacDonald",
    ];

    // Place-name parts for a long tail of rarer surnames (Ashworth, Brackenridge...), as real surname lists have.
    private static readonly string[] Stems =
    [
        "Ash", "Brad", "Brack", "Cal", "Chad", "Dal", "East", "Fair", "Gold", "Green", "Hal", "Hol", "Kirk", "Lang", "Lid", "Mar", "Mid",
        "Nor", "Old", "Pen", "Red", "Rush", "Sal", "Shel", "Stan", "Sut", "Thorn", "Wal", "Wes", "Whit", "Wick", "Win", "Bur", "Crom", "Dun",
        "Elm", "Fen", "Hart", "Hay", "Hen",
    ];

    private static readonly string[] Endings =
    [
        "worth", "ley", "ford", "ton", "ham", "wood", "field", "by", "dale", "well", "combe", "more", "stead", "hurst", "bridge", "brook",
        "cliffe", "thwaite", "shaw", "land",
    ];

    // Diminutives agencies actually write for these names; the linker's Nicknames list knows them.
    private static readonly Dictionary<string, string[]> ShortForms = new(StringComparer.Ordinal)
    {
        ["William"] = ["Billy", "Will", "Liam"],
        ["Alfred"] = ["Alfie", "Alf"],
        ["Isabella"] = ["Izzy", "Bella"],
        ["Alexander"] = ["Alex", "Xander"],
        ["Thomas"] = ["Tom", "Tommy"],
        ["James"] = ["Jamie", "Jim"],
        ["Joseph"] = ["Joe", "Joey"],
        ["Samuel"] = ["Sam", "Sammy"],
        ["Edward"] = ["Ed", "Eddie", "Ted"],
        ["Henry"] = ["Harry", "Hal"],
        ["Charlotte"] = ["Lottie", "Charlie"],
        ["Elizabeth"] = ["Libby", "Lizzie", "Beth"],
        ["Frederick"] = ["Freddie", "Fred"],
        ["Oliver"] = ["Ollie", "Olly"],
        ["Matilda"] = ["Tilly"],
        ["Rebecca"] = ["Becky"],
        ["Victoria"] = ["Vicky"],
        ["Katherine"] = ["Katie", "Kate"],
        ["Margaret"] = ["Maggie", "Meg"],
        ["Jennifer"] = ["Jenny", "Jen"],
        ["Samantha"] = ["Sam"],
        ["Josephine"] = ["Josie", "Jo"],
        ["Abigail"] = ["Abbie", "Abby"],
        ["Benjamin"] = ["Ben", "Benji"],
        ["Daniel"] = ["Danny", "Dan"],
        ["Michael"] = ["Mikey", "Mike"],
        ["Matthew"] = ["Matt"],
        ["Nicholas"] = ["Nick"],
        ["Christopher"] = ["Chris"],
        ["Anthony"] = ["Tony"],
        ["Robert"] = ["Bobby", "Rob"],
        ["Richard"] = ["Richie"],
        ["Evelyn"] = ["Evie"],
        ["Eleanor"] = ["Ellie", "Nell"],
        ["Florence"] = ["Flo"],
        ["Amelia"] = ["Millie"],
        ["Olivia"] = ["Liv"],
        ["Archibald"] = ["Archie"],
        ["Theodore"] = ["Theo", "Teddy"],
        ["Emily"] = ["Em"],
        ["Susan"] = ["Sue"],
        ["Deborah"] = ["Debbie"],
        ["Patricia"] = ["Trish"],
        ["John"] = ["Jack", "Johnny"],
    };

    private static readonly string[] Areas =
    [
        "B", "M", "L", "LS", "S", "NG", "LE", "CV", "WV", "DY", "WS", "ST", "DE", "SK", "OL", "BL", "WN", "PR", "BB", "BD", "HX", "HD", "WF",
        "YO", "HU", "DN", "LN", "PE", "NR", "IP", "CB", "MK", "NN", "OX", "RG", "SN", "BS", "BA", "GL", "HR", "WR", "TF", "SY", "CH", "CW",
        "E", "N", "SE", "SW", "NW", "W", "EC", "CR", "BR", "DA", "ME", "CT", "TN", "BN", "RH", "GU", "PO", "SO", "BH", "DT", "EX", "PL",
        "TR", "TQ", "TA", "CF", "SA", "NP", "LL", "NE", "SR", "DH", "DL", "TS", "CA", "LA", "FY",
    ];

    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>Generates about <paramref name="records"/> rows (exactly that many) with a fixed seed.</summary>
    public static Set Generate(int records, int seed = 20_26)
    {
        var generator = new Generator(new Random(seed));
        var rows = new List<Row>(records);
        while (rows.Count < records)
        {
            generator.Household(rows, records);
        }
        return new Set(rows);
    }

    /// <summary>Writes <paramref name="records"/> synthetic rows as a CSV that <c>childstory link</c> reads.</summary>
    public static void WriteCsv(int records, string path, int seed = 20_26) => Generate(records, seed).WriteCsv(path);

    private sealed record Truth(int Person, string Given, string Family, DateOnly Dob, string Sex, string Postcode, string Nhs, int? TwinOf);

    /// <summary>Makes households of children and the records agencies hold about them.</summary>
    private sealed class Generator(Random random)
    {
        private readonly double[] _boyWeights = Zipf(Boys.Length, 0.9);
        private readonly double[] _girlWeights = Zipf(Girls.Length, 0.9);
        private readonly double[] _surnameWeights = Zipf(Surnames.Length, 1.0);
        private readonly HashSet<string> _nhsUsed = [];
        private int _people;

        public void Household(List<Row> rows, int limit)
        {
            // Half the families have a common surname from the list, half a rarer generated one.
            var family = random.NextDouble() < 0.5 ? Surnames[Pick(_surnameWeights)] : Stems[random.Next(Stems.Length)] + Endings[random.Next(Endings.Length)];
            var postcode = Postcode();
            var children = 1 + (random.NextDouble() < 0.45 ? 1 : 0) + (random.NextDouble() < 0.2 ? 1 : 0);
            var firstBorn = new DateOnly(2006, 1, 1).AddDays(random.Next(13 * 365));
            for (var c = 0; c < children && rows.Count < limit; c++)
            {
                var dob = c == 0 ? firstBorn : firstBorn.AddDays(400 + random.Next(2_000));
                var child = Child(family, dob, postcode, null);
                Records(child, rows, limit);
                if (random.NextDouble() < 0.04)
                {
                    // Twins: same surname, date of birth and postcode; a clearly different given name.
                    var twin = Child(family, dob, postcode, child);
                    Records(twin, rows, limit);
                }
            }
        }

        private Truth Child(string family, DateOnly dob, string postcode, Truth? twinOf)
        {
            var sex = random.NextDouble() < 0.5 ? "M" : "F";
            string given;
            do
            {
                given = sex == "M" ? Boys[Pick(_boyWeights)] : Girls[Pick(_girlWeights)];
            }
            while (twinOf is not null && !ClearlyDifferent(given, twinOf.Given));
            return new Truth(_people++, given, family, dob, sex, postcode, Nhs(), twinOf?.Person);
        }

        /// <summary>Twins' names share no short form and are not near-spellings (Ellie/Eleanor, Hollie/Holly).</summary>
        private static bool ClearlyDifferent(string a, string b)
        {
            var (x, y) = (NameNormaliser.Normalise(a), NameNormaliser.Normalise(b));
            return !Nicknames.Same(x, y) && NameSimilarity.JaroWinkler(x, y) < 0.8
                && PhoneticKey.For(x) != PhoneticKey.For(y) && x != y;
        }

        /// <summary>One to five records of the child, the first clean-ish, the rest with the slips agencies make.</summary>
        private void Records(Truth child, List<Row> rows, int limit)
        {
            var roll = random.NextDouble();
            var count = roll < 0.40 ? 1 : roll < 0.70 ? 2 : roll < 0.88 ? 3 : roll < 0.96 ? 4 : 5;
            for (var i = 0; i < count && rows.Count < limit; i++)
            {
                rows.Add(Record($"r{rows.Count + 1}", child, messy: i > 0));
            }
        }

        private Row Record(string id, Truth child, bool messy)
        {
            var p = messy ? 1.0 : 0.3;
            var given = child.Given;
            var family = child.Family;
            if (Chance(0.15 * p) && ShortForms.TryGetValue(given, out var shorts)) { given = shorts[random.Next(shorts.Length)]; }
            if (Chance(0.08 * p)) { given = Typo(given); }
            if (Chance(0.08 * p)) { family = Typo(family); }
            if (Chance(0.01 * p)) { (given, family) = (family, given); }
            if (Chance(0.02 * p)) { given = ""; }
            DateOnly? dob = child.Dob;
            var d = child.Dob;
            var dobRoll = random.NextDouble() / p;
            if (dobRoll < 0.03) { dob = null; }
            else if (dobRoll < 0.06 && d.Day <= 12 && d.Day != d.Month) { dob = new DateOnly(d.Year, d.Day, d.Month); }
            else if (dobRoll < 0.08) { dob = new DateOnly(d.Year, 1, 1); }
            else if (dobRoll < 0.11) { dob = d.AddDays(random.Next(2) == 0 ? 1 : 10 * (random.Next(2) == 0 ? 1 : -1)); }
            string? postcode = child.Postcode;
            var postRoll = random.NextDouble() / p;
            if (postRoll < 0.15) { postcode = Postcode(); }
            else if (postRoll < 0.20) { postcode = null; }
            string? sex = Chance(0.05 * p) ? null : child.Sex;
            string? nhs = Chance(messy ? 0.6 : 0.3) ? null : child.Nhs;
            return new Row(id, given, family, dob, sex, postcode, nhs, child.Person, child.TwinOf);
        }

        private bool Chance(double probability) => random.NextDouble() < probability;

        /// <summary>One slip of the keyboard: a letter dropped, doubled, changed, or two letters swapped.</summary>
        private string Typo(string name)
        {
            if (name.Length < 3) { return name; }
            var i = 1 + random.Next(name.Length - 2);
            var letter = (char)('a' + random.Next(26));
            return random.Next(4) switch
            {
                0 => name.Remove(i, 1),
                1 => name.Insert(i, name[i].ToString()),
                2 => name[..i] + letter + name[(i + 1)..],
                _ => name[..(i - 1)] + name[i] + name[i - 1] + name[(i + 1)..],
            };
        }

        private string Postcode() =>
            $"{Areas[random.Next(Areas.Length)]}{1 + random.Next(30)} {random.Next(10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}";

        /// <summary>A ten-digit number with a valid modulus 11 check digit, unique within the set.</summary>
        private string Nhs()
        {
            while (true)
            {
                var nine = (400_000_000 + random.Next(500_000_000)).ToString(CultureInfo.InvariantCulture);
                if (NhsNumber.CheckDigit(nine) is { } check && _nhsUsed.Add(nine)) { return nine + check.ToString(CultureInfo.InvariantCulture); }
            }
        }

        private int Pick(double[] cumulative)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
        }

        /// <summary>Cumulative Zipf weights: the first names on each list are much more common than the last.</summary>
        private static double[] Zipf(int count, double exponent)
        {
            var cumulative = new double[count];
            var sum = 0.0;
            for (var i = 0; i < count; i++)
            {
                sum += 1 / Math.Pow(i + 1, exponent);
                cumulative[i] = sum;
            }
            return cumulative;
        }
    }
}
