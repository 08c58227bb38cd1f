using ChildStory.Domain.People;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// Roles every child has through universal services — registration with a GP, a school's safeguarding lead, a school
/// that received a transfer. They are part of the team around the child, but they do not by themselves make a child
/// "known to two or more agencies" for the lead professional rule, nor count as the agency left standing when a
/// targeted service withdraws (see docs/decisions/0003-universal-services-in-the-team-rules.md).
/// </summary>
public static class UniversalServices
{
    public static readonly InvolvementRole[] Roles =
        [InvolvementRole.GeneralPractitioner, InvolvementRole.DesignatedSafeguardingLead, InvolvementRole.ReceivingAfterTransfer];

    public static bool IsUniversal(InvolvementRole role) => Roles.Contains(role);
}
