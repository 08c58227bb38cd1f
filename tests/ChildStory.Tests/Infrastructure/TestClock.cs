namespace ChildStory.Tests.Infrastructure;

/// <summary>A clock tests can set and move (the TimeProvider.Testing package is not available here).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
