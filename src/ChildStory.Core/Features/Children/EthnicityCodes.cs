namespace ChildStory.Features.Children;

/// <summary>The DfE children in need census ethnicity codes and what they mean.</summary>
public static class EthnicityCodes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["WBRI"] = "White British",
        ["WIRI"] = "White Irish",
        ["WOTH"] = "Any other White background",
        ["WIRT"] = "Traveller of Irish heritage",
        ["WROM"] = "Gypsy/Roma",
        ["MWBC"] = "White and Black Caribbean",
        ["MWBA"] = "White and Black African",
        ["MWAS"] = "White and Asian",
        ["MOTH"] = "Any other mixed background",
        ["AIND"] = "Indian",
        ["APKN"] = "Pakistani",
        ["ABAN"] = "Bangladeshi",
        ["AOTH"] = "Any other Asian background",
        ["BCRB"] = "Black Caribbean",
        ["BAFR"] = "Black African",
        ["BOTH"] = "Any other Black background",
        ["CHNE"] = "Chinese",
        ["OOTH"] = "Any other ethnic group",
        ["REFU"] = "Refused",
        ["NOBT"] = "Information not yet obtained",
    };

    public static string Describe(string? code) =>
        code is null ? "Not recorded" : All.TryGetValue(code, out var label) ? $"{label} ({code})" : code;
}
