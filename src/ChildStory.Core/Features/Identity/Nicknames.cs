namespace ChildStory.Features.Identity;

/// <summary>
/// Common UK diminutives (the shared US list lacks many: Alfie, Freddie, Evie, Izzy, Jack for John). Two names are
/// the same person's when one is a diminutive of the other or both are diminutives of one name.
/// </summary>
public static class Nicknames
{
    private static readonly Dictionary<string, string[]> Formal = new()
    {
        ["alfred"] = ["alfie", "alf", "fred", "freddie"],
        ["frederick"] = ["fred", "freddie", "freddy"],
        ["william"] = ["will", "bill", "billy", "liam", "willie"],
        ["john"] = ["jack", "johnny", "jon"],
        ["jonathan"] = ["jon", "jonny", "nathan"],
        ["james"] = ["jim", "jimmy", "jamie"],
        ["robert"] = ["rob", "bob", "bobby", "robbie"],
        ["richard"] = ["rich", "rick", "dick", "richie"],
        ["thomas"] = ["tom", "tommy"],
        ["joseph"] = ["joe", "joey"],
        ["daniel"] = ["dan", "danny"],
        ["michael"] = ["mike", "mikey", "mick"],
        ["christopher"] = ["chris", "kit"],
        ["matthew"] = ["matt"],
        ["nicholas"] = ["nick", "nicky"],
        ["benjamin"] = ["ben", "benji"],
        ["samuel"] = ["sam", "sammy"],
        ["alexander"] = ["alex", "alfie", "sandy", "xander"],
        ["edward"] = ["ed", "eddie", "ted", "teddy", "ned"],
        ["henry"] = ["harry", "hal"],
        ["charles"] = ["charlie", "chas", "chuck"],
        ["anthony"] = ["tony", "ant"],
        ["archibald"] = ["archie"],
        ["elizabeth"] = ["liz", "lizzie", "beth", "betty", "eliza", "libby", "elsie"],
        ["isabella"] = ["izzy", "bella", "issy", "isla"],
        ["isabel"] = ["izzy", "bel", "issy"],
        ["evelyn"] = ["evie", "eve"],
        ["eleanor"] = ["ellie", "nell", "nora"],
        ["katherine"] = ["kate", "katie", "kathy", "kat"],
        ["catherine"] = ["cath", "cathy", "kate", "katie"],
        ["margaret"] = ["maggie", "meg", "peggy", "madge"],
        ["rebecca"] = ["becky", "becca"],
        ["victoria"] = ["vicky", "tori"],
        ["jennifer"] = ["jen", "jenny"],
        ["abigail"] = ["abby", "abbie", "gail"],
        ["olivia"] = ["liv", "livvy", "ollie"],
        ["amelia"] = ["millie", "amy"],
        ["emily"] = ["em", "emmy", "millie"],
        ["samantha"] = ["sam", "sammy"],
        ["charlotte"] = ["charlie", "lottie"],
        ["florence"] = ["flo", "florrie"],
        ["matilda"] = ["tilly", "tilda"],
        ["susan"] = ["sue", "susie"],
        ["patricia"] = ["pat", "patsy", "trish"],
        ["deborah"] = ["debbie", "deb"],
        ["josephine"] = ["jo", "josie"],
        ["oliver"] = ["ollie", "olly"],
        ["theodore"] = ["theo", "ted", "teddy"],
        ["harrison"] = ["harry"],
        ["leonard"] = ["len", "lenny", "leo"],
        ["stephen"] = ["steve", "stevie"],
        ["steven"] = ["steve", "stevie"],
        ["peter"] = ["pete"],
        ["gregory"] = ["greg"],
        ["terence"] = ["terry"],
        ["lawrence"] = ["larry", "laurie"],
        ["laurence"] = ["larry", "laurie"],
        ["raymond"] = ["ray"],
        ["ronald"] = ["ron", "ronnie"],
        ["kenneth"] = ["ken", "kenny"],
        ["timothy"] = ["tim", "timmy"],
        ["andrew"] = ["andy", "drew"],
        ["david"] = ["dave", "davey"],
        ["philip"] = ["phil", "pip"],
        ["jacob"] = ["jake"],
        ["joshua"] = ["josh"],
        ["zachary"] = ["zach", "zac", "zack"],
        ["nathaniel"] = ["nate", "nat"],
        ["maximilian"] = ["max"],
        ["maxwell"] = ["max"],
        ["sebastian"] = ["seb"],
        ["dominic"] = ["dom"],
        ["francis"] = ["frank", "frankie"],
        ["frances"] = ["fran", "frankie"],
        ["jessica"] = ["jess", "jessie"],
        ["alexandra"] = ["alex", "lexi", "sasha"],
        ["natasha"] = ["tasha", "tash"],
        ["georgina"] = ["georgie"],
        ["stephanie"] = ["steph"],
        ["jacqueline"] = ["jackie"],
        ["christina"] = ["chris", "tina"],
        ["christine"] = ["chris", "tina"],
        ["kimberley"] = ["kim"],
        ["penelope"] = ["penny"],
        ["dorothy"] = ["dot", "dotty"],
        ["mohammed"] = ["mo"],
        ["muhammad"] = ["mo"],
    };

    private static readonly Dictionary<string, HashSet<string>> Groups = Build();

    public static bool Same(string a, string b) =>
        Groups.TryGetValue(a, out var forA) && (forA.Contains(b) || (Groups.TryGetValue(b, out var forB) && forA.Overlaps(forB)));

    private static Dictionary<string, HashSet<string>> Build()
    {
        var groups = new Dictionary<string, HashSet<string>>();
        foreach (var (formal, shorts) in Formal)
        {
            foreach (var name in shorts.Append(formal))
            {
                if (!groups.TryGetValue(name, out var set)) { groups[name] = set = []; }
                set.Add(formal);
                if (name == formal) { set.UnionWith(shorts); }
            }
        }
        return groups;
    }
}
