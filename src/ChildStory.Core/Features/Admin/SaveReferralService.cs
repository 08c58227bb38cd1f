using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>
/// An administrator adds a service children can be referred to, or changes its team, targets or whether it takes
/// referrals. Targets are what the service promises: working days per step (0–365) and fast-track hours (1–168).
/// A changed target applies to the next step each open referral takes; deadlines already set stand.
/// </summary>
public sealed class SaveReferralService(ChildStoryDbContext db)
{
    public sealed record Command(Guid? Id, string? Name, string? Kind, Guid? TeamId, int? ReceiveDays, int? DecideDays, int? AllocateDays,
        int? FirstContactDays, int? FastTrackHours, bool Active);

    public async Task<Result<Guid>> RunAsync(Command c, CancellationToken ct = default)
    {
        var service = c.Id is { } id ? await db.ReferralServices.SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        if (c.Id is not null && service is null)
        {
            return Error.NotFound("Service");
        }
        var name = c.Name?.Trim() ?? "";
        var errors = new ValidationErrors().Require("Name", name, "Enter the service's name").MaxLength("Name", name, 200, "Name");
        if (name.Length > 0 && await db.ReferralServices.AnyAsync(s => s.Name == name && s.Id != c.Id, ct))
        {
            errors.Add("Name", $"There is already a service called {name}");
        }
        ServiceKind? kind = Enum.TryParse<ServiceKind>(c.Kind, out var k) && !int.TryParse(c.Kind, out _) ? k : null;
        if (kind is null) { errors.Add("Kind", "Select the kind of service"); }
        var team = c.TeamId is { } t ? await db.Teams.AsNoTracking().Where(x => x.Id == t && x.IsActive).Select(x => new { x.Id, x.AgencyId }).SingleOrDefaultAsync(ct) : null;
        if (team is null) { errors.Add("TeamId", "Choose the active team that receives the referrals"); }
        void Days(string field, int? value, string label)
        {
            if (value is not (>= 0 and <= 365)) { errors.Add(field, $"{label} must be a whole number of working days from 0 to 365"); }
        }
        Days("ReceiveDays", c.ReceiveDays, "Days to receive");
        Days("DecideDays", c.DecideDays, "Days to decide");
        Days("AllocateDays", c.AllocateDays, "Days to allocate");
        Days("FirstContactDays", c.FirstContactDays, "Days to first contact");
        if (c.FastTrackHours is not (>= 1 and <= 168)) { errors.Add("FastTrackHours", "Fast-track hours must be a whole number from 1 to 168"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var targets = new ServiceTargets(c.ReceiveDays!.Value, c.DecideDays!.Value, c.AllocateDays!.Value, c.FirstContactDays!.Value, c.FastTrackHours!.Value);
        if (service is null)
        {
            service = new ReferralService(Guid.NewGuid(), name, kind!.Value, team!.AgencyId, team.Id, targets);
            if (!c.Active) { service.Update(name, kind.Value, team.AgencyId, team.Id, targets, false); }
            db.ReferralServices.Add(service);
        }
        else
        {
            service.Update(name, kind!.Value, team!.AgencyId, team.Id, targets, c.Active);
        }
        db.Audit(AuditActions.AdminChange, subject: $"ReferralService:{service.Id}",
            detail: JsonSerializer.Serialize(new { change = c.Id is null ? "added" : "edited", name, kind = kind.ToString(), targets, active = c.Active }));
        await db.SaveChangesAsync(ct);
        return service.Id;
    }
}
