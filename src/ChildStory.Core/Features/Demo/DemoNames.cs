namespace ChildStory.Features.Demo;

/// <summary>
/// Invented people need believable names: pools of first and family names by heritage, with the census ethnicity
/// code and first language that go with them. Weights loosely follow an English county's mix. All synthetic.
/// </summary>
internal sealed record Heritage(
    string Ethnicity, string Language, double InterpreterChance, double Weight,
    string[] Boys, string[] Girls, string[] Surnames)
{
    public static readonly IReadOnlyList<Heritage> All =
    [
        new("WBRI", "English", 0, 70,
            ["Oliver", "Harry", "Jack", "George", "Noah", "Charlie", "Jacob", "Alfie", "Freddie", "Oscar", "Leo", "Archie", "Thomas", "James", "Joshua", "Riley", "Ethan", "Tyler", "Kai", "Callum", "Liam", "Mason", "Logan", "Reece", "Connor", "Jayden", "Owen", "Lewis", "Ryan", "Daniel"],
            ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Poppy", "Evie", "Ella", "Charlotte", "Jessica", "Chloe", "Megan", "Holly", "Paige", "Summer", "Ruby", "Daisy", "Millie", "Zoë", "Renée", "Eleanor", "Phoebe", "Lacey"],
            ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Turner", "Harris", "Cooper", "Ward", "Morris", "Baker", "Parker", "Bennett", "Fletcher", "Holt", "Marsh", "Pearce", "Shaw", "Webb", "Yates", "Birch", "Dawson", "Foster"]),
        new("WIRI", "English", 0, 2,
            ["Ciarán", "Seán", "Oisín", "Patrick", "Conor", "Darragh", "Cian", "Fionn"],
            ["Siobhán", "Aoife", "Niamh", "Saoirse", "Róisín", "Clodagh", "Orla", "Caoimhe"],
            ["O'Brien", "Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan", "O'Connor", "Doyle", "McCarthy"]),
        new("WOTH", "Polish", 0.25, 5,
            ["Jakub", "Kacper", "Szymon", "Filip", "Łukasz", "Mateusz", "Wojciech", "Antoni", "Piotr", "Michał"],
            ["Zuzanna", "Julia", "Maja", "Zofia", "Hanna", "Lena", "Alicja", "Wiktoria", "Natalia", "Małgorzata"],
            ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski"]),
        new("WOTH", "Romanian", 0.35, 2,
            ["Andrei", "Mihai", "Ionuț", "Alexandru", "Ștefan", "Gabriel", "Darius", "Matei"],
            ["Maria", "Elena", "Ioana", "Andreea", "Alexandra", "Bianca", "Ana", "Daria"],
            ["Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe", "Munteanu"]),
        new("WROM", "Romani", 0.3, 0.5,
            ["Levi", "Tyson", "Jimmy", "Johnny", "Tommy", "Henry"],
            ["Shannon", "Kathleen", "Bridget", "Mary", "Margaret", "Caitlin"],
            ["Lee", "Smith", "Price", "Lovell", "Boswell", "Cooper"]),
        new("APKN", "Urdu", 0.1, 4,
            ["Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Zayan", "Hamza", "Ayaan", "Rayyan", "Bilal", "Haris"],
            ["Maryam", "Aisha", "Fatima", "Zara", "Hafsa", "Inaya", "Eman", "Zainab", "Amina", "Noor"],
            ["Khan", "Hussain", "Ahmed", "Ali", "Shah", "Iqbal", "Akhtar", "Mahmood", "Riaz", "Bashir"]),
        new("AIND", "Punjabi", 0.05, 3,
            ["Arjun", "Rohan", "Aarav", "Harjit", "Jaskaran", "Dev", "Kabir", "Vihaan"],
            ["Priya", "Anaya", "Simran", "Harleen", "Diya", "Asha", "Meera", "Navneet"],
            ["Patel", "Singh", "Kaur", "Sharma", "Gill", "Sandhu", "Mistry", "Chauhan"]),
        new("ABAN", "Bengali", 0.1, 1.5,
            ["Abdul", "Rahim", "Sami", "Tahmid", "Arif", "Nabil"],
            ["Tasnim", "Nusrat", "Sumaiya", "Farzana", "Jannat", "Ruksana"],
            ["Begum", "Miah", "Uddin", "Rahman", "Islam", "Chowdhury"]),
        new("BAFR", "Somali", 0.3, 1.5,
            ["Abdi", "Mohamed", "Liban", "Bashir", "Hassan", "Abdirahman"],
            ["Hodan", "Ayan", "Hibo", "Sahra", "Ifrah", "Nasra"],
            ["Abdi", "Farah", "Hassan", "Omar", "Warsame", "Jama"]),
        new("BAFR", "Yoruba", 0.05, 2,
            ["Tobi", "Ayo", "Femi", "Seun", "Dami", "Tunde"],
            ["Tolu", "Funmi", "Bisi", "Ade", "Yemi", "Kemi"],
            ["Adeyemi", "Okafor", "Adebayo", "Okonkwo", "Balogun", "Eze"]),
        new("BCRB", "English", 0, 1.5,
            ["Jerome", "Andre", "Marcus", "Kyle", "Tyrone", "Jordan"],
            ["Shanice", "Tiana", "Kiara", "Jade", "Naomi", "Leah"],
            ["Campbell", "Williams", "Grant", "Francis", "Bailey", "Thomas"]),
        new("MWBC", "English", 0, 2,
            ["Jayden", "Tyler", "Marley", "Kai", "Reuben", "Elijah"],
            ["Amara", "Leah", "Keira", "Nia", "Jada", "Maya"],
            ["Campbell", "Brown", "Johnson", "Richards", "Walker", "Henry"]),
        new("CHNE", "Cantonese", 0.2, 0.8,
            ["Wei", "Jun", "Hao", "Ming", "Ethan", "Ryan"],
            ["Mei", "Xin", "Li", "Jia", "Chloe", "Grace"],
            ["Chen", "Wong", "Li", "Zhang", "Liu", "Cheung"]),
        new("OOTH", "Arabic", 0.4, 1,
            ["Omar", "Ahmad", "Karim", "Youssef", "Ali", "Tariq"],
            ["Layla", "Rania", "Huda", "Amira", "Salma", "Yasmin"],
            ["Al-Hassan", "Haddad", "Nasser", "Saleh", "Mansour", "Darwish"]),
    ];

    public static Heritage Pick(DemoRandom random)
    {
        var total = All.Sum(h => h.Weight);
        var roll = random.Between(0, 9999) / 10000.0 * total;
        foreach (var heritage in All)
        {
            roll -= heritage.Weight;
            if (roll <= 0)
            {
                return heritage;
            }
        }
        return All[0];
    }
}
