using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>
/// A school or the local authority places a child with an alternative provider. The provider joins the team around the
/// child (it sees only the children placed with it) until the placement ends, and is told which school holds the roll.
/// </summary>
public sealed class PlaceInAlternativeProvision(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(Guid? ProviderId, bool? Registered, Commissioner? CommissionedBy, decimal? HoursPerWeek, DateOnly? StartedOn, DateOnly? PlannedEndOn,
        string? MonitoredBy, int? MonitoringEveryDays, bool MainEducation);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var provider = input.ProviderId is { } id
            ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.IsActive && a.Kind == AgencyKind.AlternativeProvision, ct) : null;
        if (provider is null) { errors.Add("ProviderId", "Choose the alternative provider"); }
        if (input.Registered is null) { errors.Add("Registered", "Say whether the provider is registered (as an independent school or with Ofsted)"); }
        if (input.CommissionedBy is null) { errors.Add("CommissionedBy", "Choose who commissioned the placement"); }
        // A full-time place at an unregistered provider is recorded as it is, because it happened (James); the rule
        // ap-unregistered-full-time raises it at once.
        if (input.HoursPerWeek is not (> 0 and <= 40)) { errors.Add("HoursPerWeek", "Enter the hours a week, more than 0 and at most 40"); }
        var today = EducationAccess.Today(db);
        if (input.StartedOn is null) { errors.Add("StartedOn", "Enter the date the placement started"); }
        else if (input.StartedOn > today.AddDays(60)) { errors.Add("StartedOn", "The start must be within the next 60 days"); }
        if (input.PlannedEndOn < input.StartedOn) { errors.Add("PlannedEndOn", "The planned end must be on or after the start"); }
        errors.Require("MonitoredBy", input.MonitoredBy, "Enter who monitors the placement (a person at the placing school or local authority)")
            .MaxLength("MonitoredBy", input.MonitoredBy, 200, "Who monitors the placement");
        if (input.MonitoringEveryDays is not (>= 1 and <= 30)) { errors.Add("MonitoringEveryDays", "Enter how often, in days (1 to 30), the placing body contacts the provider"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var roll = await db.Enrolments.AsNoTracking().Where(e => e.ChildId == childId && e.EndedOn == null)
            .Join(db.Agencies, e => e.SchoolId, a => a.Id, (e, a) => a.Name).FirstOrDefaultAsync(ct);
        var placement = new AlternativeProvisionPlacement(Guid.NewGuid(), childId, provider!.Id, input.Registered!.Value, input.CommissionedBy!.Value, input.HoursPerWeek!.Value,
            input.StartedOn!.Value, input.PlannedEndOn, input.MonitoredBy!.Trim(), input.MonitoringEveryDays!.Value, providerToldOfRoll: true, input.MainEducation);
        if (await access.InvolveAsync(childId, provider.Id, null, InvolvementRole.KeyWorker, input.StartedOn.Value, ct) is { } involvement)
        {
            placement.GrantedBy(involvement);
        }
        db.ApPlacements.Add(placement);
        await access.RecordAsync(actor, childId, EventType.AlternativeProvisionStart,
            $"Placed at {provider.Name} ({(input.Registered.Value ? "registered" : "unregistered")}), {input.HoursPerWeek:0.#} hours a week from {input.StartedOn:d MMM yyyy}; " +
            $"commissioned by the {(input.CommissionedBy == Commissioner.School ? "school" : "local authority")}; on roll: {roll ?? "no school"}; monitored by {input.MonitoredBy!.Trim()}",
            $"ApPlacement:{placement.Id}", true, ct);
        await db.SaveChangesAsync(ct);
        return placement.Id;
    }
}
