using ChildStory.Data;
using ChildStory.Domain.Education;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules.Replay;

/// <summary>
/// A scenario's education facts as replay steps, each at 09:00 on its date: recorded, then changed (ended, issued,
/// reviewed, contacted, referred, transport started) on the later dates the scenario gives. Rows are written directly,
/// without the involvements the pages would add, because scenarios list involvements themselves.
/// </summary>
public static class ReplayEducation
{
    public static IEnumerable<ReplayStep> Steps(ScenarioFile scenario, Func<string, Guid> id, Dictionary<Guid, string> names)
    {
        foreach (var x in scenario.Education ?? [])
        {
            var key = x.Key;
            var rowId = id(key);
            var child = id(x.Child);
            var agency = x.Agency is null ? Guid.Empty : id(x.Agency);
            ReplayStep At(DateOnly day, Func<ChildStoryDbContext, CancellationToken, Task> apply) =>
                new(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), x.Child, async (db, now, ct) =>
                {
                    await apply(db, ct);
                    names[rowId] = key;
                });
            Task Add(ChildStoryDbContext db, object row)
            {
                db.Add(row);
                return Task.CompletedTask;
            }
            switch (x.Kind)
            {
                case ScenarioEducationKind.Enrolment:
                    yield return At(x.On, (db, ct) => Add(db, new Enrolment(rowId, child, agency, x.On, x.Hours is null or >= 25)));
                    if (x.To is { } left)
                    {
                        yield return At(left, async (db, ct) => Check((await db.Enrolments.SingleAsync(e => e.Id == rowId, ct)).End(left, x.Note ?? "Left"), key));
                    }
                    break;
                case ScenarioEducationKind.Attendance:
                    yield return At(x.On, (db, ct) => Add(db, new AttendanceRecord(rowId, child, agency, x.PeriodStart ?? x.On.AddDays(-6), x.On, x.Possible ?? 0, x.Attended ?? 0,
                        "scenario")));
                    break;
                case ScenarioEducationKind.PartTimeTimetable:
                    yield return At(x.On, (db, ct) => Add(db, new PartTimeTimetable(rowId, child, agency, x.Hours ?? 0, x.On, x.PlannedEnd ?? x.On.AddDays(42), x.Reviewed, x.Note)));
                    if (x.To is { } ended)
                    {
                        yield return At(ended, async (db, ct) => Check((await db.PartTimeTimetables.SingleAsync(e => e.Id == rowId, ct)).End(ended), key));
                    }
                    break;
                case ScenarioEducationKind.Exclusion:
                    yield return At(x.On, (db, ct) => Add(db, new Exclusion(rowId, child, agency, x.Exclusion ?? ExclusionKind.Permanent, x.On, null, x.Note ?? "")));
                    if (x.InclusionReferral is { } referred)
                    {
                        yield return At(referred, async (db, ct) => Check((await db.Exclusions.SingleAsync(e => e.Id == rowId, ct)).ReferToInclusion(referred), key));
                    }
                    break;
                case ScenarioEducationKind.AlternativeProvision:
                    yield return At(x.On, (db, ct) => Add(db, new AlternativeProvisionPlacement(rowId, child, agency, x.Registered ?? false, x.CommissionedBy ?? Commissioner.School,
                        x.Hours ?? 0, x.On, x.PlannedEnd, "Scenario", 7, false, x.MainEducation ?? false)));
                    if (x.LastContact is { } contact)
                    {
                        yield return At(contact, async (db, ct) => Check((await db.ApPlacements.SingleAsync(e => e.Id == rowId, ct)).RecordContact(contact), key));
                    }
                    if (x.Reviewed is { } reviewed)
                    {
                        yield return At(reviewed, async (db, ct) => Check((await db.ApPlacements.SingleAsync(e => e.Id == rowId, ct)).Review(reviewed), key));
                    }
                    if (x.To is { } finished)
                    {
                        yield return At(finished, async (db, ct) => Check((await db.ApPlacements.SingleAsync(e => e.Id == rowId, ct)).End(finished), key));
                    }
                    break;
                case ScenarioEducationKind.Ehcp:
                    yield return At(x.On, (db, ct) => Add(db, new EhcPlan(rowId, child, x.On, x.Note ?? "Scenario")));
                    if (x.Issued is { } issued)
                    {
                        yield return At(issued, async (db, ct) => Check((await db.EhcPlans.SingleAsync(e => e.Id == rowId, ct)).Issue(issued, x.NamedSetting ?? "Not named"), key));
                    }
                    if (x.Reviewed is { } review)
                    {
                        yield return At(review, async (db, ct) => Check((await db.EhcPlans.SingleAsync(e => e.Id == rowId, ct)).Review(review, null), key));
                    }
                    break;
                case ScenarioEducationKind.HomeEducation:
                    yield return At(x.On, (db, ct) => Add(db, new ElectiveHomeEducation(rowId, child, x.On, x.Note)));
                    if (x.To is { } back)
                    {
                        yield return At(back, async (db, ct) => Check((await db.HomeEducation.SingleAsync(e => e.Id == rowId, ct)).End(back), key));
                    }
                    break;
                case ScenarioEducationKind.MissingEducation:
                    yield return At(x.On, (db, ct) => Add(db, new MissingEducation(rowId, child, x.On, x.Note)));
                    if (x.To is { } found)
                    {
                        yield return At(found, async (db, ct) => Check((await db.MissingEducation.SingleAsync(e => e.Id == rowId, ct)).End(found), key));
                    }
                    break;
                case ScenarioEducationKind.Transport:
                    yield return At(x.On, (db, ct) => Add(db, new TransportArrangement(rowId, child, agency, x.On, x.Note)));
                    if (x.TransportStarted is { } started)
                    {
                        yield return At(started, async (db, ct) => Check((await db.TransportArrangements.SingleAsync(e => e.Id == rowId, ct)).Start(started), key));
                    }
                    break;
            }
        }
    }

    private static void Check(Common.Result<bool> result, string key)
    {
        if (!result.Succeeded)
        {
            throw new FormatException($"education {key}: {result.Error!.Title}");
        }
    }
}
