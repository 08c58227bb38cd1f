namespace ChildStory.Domain.People;

public enum RelationshipKind
{
    Mother,
    Father,
    StepParent,
    ParentsPartner,
    Carer,
    FosterCarer,
    KinshipCarer,
    Grandparent,
    Sibling,
    HalfSibling,
    StepSibling,
    OtherRelative,
    OtherAdultInHousehold,

    /// <summary>Someone in a "relationship" with the child (Child A: an adult "boyfriend").</summary>
    Partner,
}

/// <summary>
/// How someone stands to a child. A father (or mother) can be recorded as explicitly not known, with the reason:
/// Child B's review found missing information about his father; "not known" is a fact someone recorded,
/// "not recorded" is a gap the record page shows.
/// </summary>
public sealed class Relationship : Stamped, IChildData
{
    private Relationship() { }

    private Relationship(Guid id, Guid childId, RelationshipKind kind)
    {
        Id = id;
        ChildId = childId;
        Kind = kind;
    }

    public static Relationship Known(Guid childId, Person related, RelationshipKind kind, bool parentalResponsibility, bool livesWithChild) =>
        new(Guid.NewGuid(), childId, kind)
        {
            RelatedPersonId = related.Id,
            RelatedPerson = related,
            HasParentalResponsibility = parentalResponsibility,
            LivesWithChild = livesWithChild,
        };

    public static Relationship NotKnown(Guid childId, RelationshipKind kind, string reason) =>
        kind is RelationshipKind.Mother or RelationshipKind.Father
            ? new(Guid.NewGuid(), childId, kind) { IsNotKnown = true, NotKnownReason = reason }
            : throw new ArgumentException("Only a mother or father can be recorded as not known.", nameof(kind));

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public RelationshipKind Kind { get; private set; }
    public Guid? RelatedPersonId { get; private set; }
    public Person? RelatedPerson { get; private set; }
    public bool HasParentalResponsibility { get; private set; }
    public bool LivesWithChild { get; private set; }
    public bool IsNotKnown { get; private set; }
    public string? NotKnownReason { get; private set; }
    public string? Notes { get; private set; }

    public bool IsParent => Kind is RelationshipKind.Mother or RelationshipKind.Father;

    public bool IsCarer => Kind is RelationshipKind.Carer or RelationshipKind.FosterCarer or RelationshipKind.KinshipCarer
        or RelationshipKind.StepParent;

    public bool IsSibling => Kind is RelationshipKind.Sibling or RelationshipKind.HalfSibling or RelationshipKind.StepSibling;

    public void SetNotes(string? notes) => Notes = notes;
}
