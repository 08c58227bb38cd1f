namespace ChildStory.Features.Mapping;

/// <summary>How other children appear on a network: contextual safeguarding guidance differs, so the partnership chooses.</summary>
public enum PeerNames
{
    /// <summary>
    /// "J.S." — other children by initials (the default: maps are printed and taken to meetings), except children whose
    /// own records the reader may open: their names are no secret to the reader (<see cref="PeerNaming"/>).
    /// </summary>
    Initials,
    FullName,
}

/// <summary>Peer and place mapping settings (section "Exploitation:Mapping").</summary>
public sealed class MappingOptions
{
    public const string Section = "Exploitation:Mapping";

    /// <summary>How children other than the one whose map it is are named, on maps and link pages alike. Adults and places are always named in full.</summary>
    public PeerNames PeerNames { get; set; } = PeerNames.Initials;

    /// <summary>At depth two, how many people or children are shown around one person or place (a school or a station can link hundreds).</summary>
    public int NeighboursShown { get; set; } = 40;
}
