namespace ChildStory.Domain.Identity;

/// <summary>
/// Two records found to be one child: everything of <see cref="MergedId"/>'s was moved to <see cref="SurvivorId"/>,
/// row by row (<see cref="MergeMove"/>), so that undoing the merge puts every event, reference and involvement back
/// exactly where it came from. Merges are never deleted; an undone merge keeps who undid it and why.
/// </summary>
public sealed class PersonMerge
{
    private PersonMerge() { }

    public PersonMerge(Guid survivorId, Guid mergedId, Guid byId, string byName, string reason, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        SurvivorId = survivorId;
        MergedId = mergedId;
        MergedById = byId;
        MergedBy = byName;
        Reason = reason;
        MergedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid SurvivorId { get; private set; }
    public Guid MergedId { get; private set; }
    public DateTimeOffset MergedAt { get; private set; }
    public Guid MergedById { get; private set; }
    public string MergedBy { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset? UndoneAt { get; private set; }
    public Guid? UndoneById { get; private set; }
    public string? UndoneBy { get; private set; }
    public string? UndoReason { get; private set; }
    public List<MergeMove> Moves { get; private set; } = [];

    public bool IsUndone => UndoneAt is not null;

    public void Undo(Guid byId, string byName, string reason, DateTimeOffset at)
    {
        if (IsUndone)
        {
            throw new InvalidOperationException("This merge has already been undone.");
        }
        UndoneAt = at;
        UndoneById = byId;
        UndoneBy = byName;
        UndoReason = reason;
    }
}

public enum MergeMoveKind
{
    Event,
    AgencyReference,
    Involvement,
}

/// <summary>One row a merge moved from the merged record to the survivor, and where it came from.</summary>
public sealed class MergeMove
{
    private MergeMove() { }

    public MergeMove(Guid mergeId, MergeMoveKind kind, Guid rowId, Guid fromPersonId)
    {
        Id = Guid.NewGuid();
        MergeId = mergeId;
        Kind = kind;
        RowId = rowId;
        FromPersonId = fromPersonId;
    }

    public Guid Id { get; private set; }
    public Guid MergeId { get; private set; }
    public MergeMoveKind Kind { get; private set; }
    public Guid RowId { get; private set; }
    public Guid FromPersonId { get; private set; }
}
