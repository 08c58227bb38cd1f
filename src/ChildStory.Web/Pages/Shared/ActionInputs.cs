using ChildStory.Features.Children;
using ChildStory.Features.Meetings;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChildStory.Web.Pages.Shared;

/// <summary>Reads agreed-action rows from a form ("Actions[0].Owner" is "p:{practitioner}" or "a:{agency}") and offers owners from the team.</summary>
public static class ActionInputs
{
    public static List<ActionInput> Read(ModelStateDictionary state, IReadOnlyList<ActionRow> rows)
    {
        var actions = new List<ActionInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var due = state.Date($"Actions[{i}].DueOn", row.DueOn, $"the due date of action {i + 1}", required: false);
            var owner = row.Owner ?? "";
            actions.Add(new ActionInput(row.Description, owner.StartsWith("p:", StringComparison.Ordinal) ? FormInput.Id(owner[2..]) : null,
                owner.StartsWith("a:", StringComparison.Ordinal) ? FormInput.Id(owner[2..]) : null, due));
        }
        return actions;
    }

    public static IReadOnlyList<SelectOption> Owners(IEnumerable<ChildRecord.Worker> workers)
    {
        var list = workers.ToList();
        return list.Where(w => w.PractitionerId is not null).Select(w => new SelectOption($"p:{w.PractitionerId}", $"{w.Practitioner}, {w.Agency}", "People"))
            .Concat(list.Select(w => new SelectOption($"a:{w.AgencyId}", w.Agency, "Agencies")))
            .DistinctBy(o => o.Value).ToList();
    }
}

/// <summary>One blank-or-filled action row of a form.</summary>
public sealed class ActionRow
{
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public string? DueOn { get; set; }
}

/// <summary>What the _ActionRows partial needs.</summary>
public sealed record ActionRowsForm(IReadOnlyList<ActionRow> Rows, IReadOnlyList<SelectOption> Owners);
