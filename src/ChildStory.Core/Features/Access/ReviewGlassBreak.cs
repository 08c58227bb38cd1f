using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Access;

/// <summary>The manager closes the review of a broken-glass grant: justified, or not (with a note saying why).</summary>
public sealed class ReviewGlassBreak(ChildStoryDbContext db)
{
    public sealed record Command(Guid GlassBreakId, GlassBreakOutcome? Outcome, string? Note);

    public async Task<Result<GlassBreak>> RunAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        var grant = await db.GlassBreaks.SingleOrDefaultAsync(g => g.Id == command.GlassBreakId, ct);
        var mayReview = grant is not null && actor.PractitionerId is { } me
            && (grant.ReviewerId == me || (grant.ReviewerId is null && actor.IsInRole(Roles.Administrator)));
        if (grant is null || !mayReview)
        {
            return Error.NotFound("Broken-glass access");
        }
        if (grant.IsReviewed)
        {
            return Error.Conflict("This access has already been reviewed");
        }
        var errors = new ValidationErrors();
        if (command.Outcome is null)
        {
            errors.Add("Outcome", "Select whether the access was justified");
        }
        if (command.Outcome == GlassBreakOutcome.NotJustified && string.IsNullOrWhiteSpace(command.Note))
        {
            errors.Add("Note", "Say why the access was not justified and what you have done about it");
        }
        errors.MaxLength("Note", command.Note, 2000, "Note");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        grant.Review(actor.PractitionerId!.Value, db.Time.GetUtcNow(), command.Outcome!.Value, command.Note);
        db.Audit(AuditActions.GlassBreakReviewed, grant.ChildId, subject: $"GlassBreak:{grant.Id}",
            detail: $"{{\"outcome\":\"{grant.Outcome}\"}}", reason: grant.ReviewNote);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
