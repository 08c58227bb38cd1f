using ChildStory.Common;

namespace ChildStory.Data;

/// <summary>Supplies the actor on whose behalf the current unit of work runs (the web host reads it from the request).</summary>
public interface IActorAccessor
{
    Actor Current { get; }
}

public sealed class FixedActorAccessor(Actor actor) : IActorAccessor
{
    public Actor Current { get; set; } = actor;
}
