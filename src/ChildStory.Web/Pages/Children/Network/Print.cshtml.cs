using ChildStory.Data;
using ChildStory.Features.Mapping;

namespace ChildStory.Web.Pages.Children.Network;

/// <summary>The printable map: the same network, without navigation or forms, for a strategy discussion or a MACE panel.</summary>
public sealed class PrintModel(PeerNetwork network, IActorAccessor actors, TimeProvider time) : IndexModel(network, actors)
{
    public DateTimeOffset Printed => time.GetUtcNow();
}
