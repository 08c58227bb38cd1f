using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>Issues, lists and revokes agency systems' API keys. A key is shown once, when issued; only its hash is kept.</summary>
public sealed class ApiClients(ChildStoryDbContext db)
{
    public sealed record Row(Guid Id, string Name, string Agency, string KeyId, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy);

    public sealed record Issued(Guid Id, string Name, string Key);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken ct = default) =>
        await (from c in db.ApiClients.AsNoTracking()
               join a in db.Agencies on c.AgencyId equals a.Id
               orderby c.RevokedAt != null, a.Name, c.Name
               select new Row(c.Id, c.Name, a.Name, c.KeyId, c.CreatedAt, c.CreatedBy, c.LastUsedAt, c.RevokedAt, c.RevokedBy))
            .ToListAsync(ct);

    public async Task<Result<Issued>> IssueAsync(Guid? agencyId, string? name, CancellationToken ct = default)
    {
        var errors = new ValidationErrors().Require("Name", name, "Enter the name of the system that will use the key").MaxLength("Name", name, 200, "System name");
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, ct))
        {
            errors.Add("AgencyId", "Select the agency whose system will use the key");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var (client, key) = ApiClient.Create(agencyId!.Value, name!);
        db.ApiClients.Add(client);
        db.Audit(AuditActions.ApiClientCreated, subject: $"ApiClient:{client.Id}", detail: $"{{\"agency\":\"{agencyId}\",\"keyId\":\"{client.KeyId}\"}}");
        await db.SaveChangesAsync(ct);
        return new Issued(client.Id, client.Name, key);
    }

    public async Task<Result<bool>> RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return Error.NotFound("API client");
        }
        if (client.IsRevoked)
        {
            return Error.Conflict("This key has already been revoked");
        }
        client.Revoke(actor.Name, db.Time.GetUtcNow());
        db.Audit(AuditActions.ApiClientRevoked, subject: $"ApiClient:{client.Id}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
