using System.Linq.Expressions;
using ChildStory.Common;
using ChildStory.Domain.Chronology;

namespace ChildStory.Features.Access;

/// <summary>
/// The one rule for sensitive entries (sexual health, police intelligence, mental health and other restricted
/// records), whatever holds them — story entries, links on a peer map, MACE intelligence, a share's event list: only
/// the agency that holds a sensitive entry reads its content; everyone else who may see the child learns that it
/// exists, who holds it and whom to ask. The system reads everything. Every query and check uses this class.
/// </summary>
public static class SensitiveRecords
{
    /// <summary>May a reader of this agency (null: none) read the content of an entry held by <paramref name="holderAgencyId"/>?</summary>
    public static bool MayRead(Sensitivity sensitivity, Guid holderAgencyId, Guid? readerAgencyId) =>
        sensitivity == Sensitivity.None || holderAgencyId == readerAgencyId;

    /// <summary>As <see cref="MayRead(Sensitivity, Guid, Guid?)"/>, for an actor: the system reads everything.</summary>
    public static bool MayRead(Sensitivity sensitivity, Guid holderAgencyId, Actor actor) =>
        actor.Kind == ActorKind.System || MayRead(sensitivity, holderAgencyId, actor.AgencyId);

    /// <summary>
    /// The same rule as a filter to compose into queries over anything with a sensitivity and a holding agency:
    /// <c>db.ChronologyEvents.Where(SensitiveRecords.Readable&lt;ChronologyEvent&gt;(e =&gt; e.Sensitivity, e =&gt; e.AgencyId, actor))</c>.
    /// </summary>
    public static Expression<Func<T, bool>> Readable<T>(Expression<Func<T, Sensitivity>> sensitivity, Expression<Func<T, Guid>> holder, Actor actor)
    {
        var item = sensitivity.Parameters[0];
        if (actor.Kind == ActorKind.System)
        {
            return Expression.Lambda<Func<T, bool>>(Expression.Constant(true), item);
        }
        var holderBody = new Rebind(holder.Parameters[0], item).Visit(holder.Body);
        var open = Expression.Equal(sensitivity.Body, Expression.Constant(Sensitivity.None));
        Expression held = actor.AgencyId is { } agency
            ? Expression.Equal(holderBody, Expression.Constant(agency))
            : Expression.Constant(false);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(open, held), item);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
