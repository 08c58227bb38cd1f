using Microsoft.AspNetCore.Identity;

namespace ChildStory.Domain.Access;

/// <summary>A sign-in account (ASP.NET Core Identity). Each belongs to one practitioner.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? PractitionerId { get; set; }
}
