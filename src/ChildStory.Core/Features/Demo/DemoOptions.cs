namespace ChildStory.Features.Demo;

/// <summary>How big a demo partnership to make, from which seed, and the password every demo login shares.</summary>
public sealed record DemoOptions
{
    public int Children { get; init; } = 3000;
    public int Seed { get; init; } = 20261122;
    public string Password { get; init; } = "ChildStory-demo-1";
}

public sealed record DemoProgress(string Stage, int Done, int Total);

public sealed record DemoSummary(int Agencies, int Teams, int Practitioners, int Children, int Adults, int Involvements, int Events);

public sealed record DemoLogin(string Role, string Email, string Password, string Name, string AgencyName, string TeamName, string Note);
