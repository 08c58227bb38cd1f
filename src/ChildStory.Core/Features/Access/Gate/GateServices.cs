using ChildStory.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChildStory.Features.Access.Gate;

public static class GateServices
{
    /// <summary>The gate and one rule per kind of object a route can name.</summary>
    public static IServiceCollection AddResourceGate(this IServiceCollection services)
    {
        services.TryAddScoped<Meetings.MeetingAccess>();
        services.TryAddScoped<Sharing.ShareAccess>();
        services.TryAddScoped<Referrals.ReferralAccess>();
        services.AddScoped<ResourceGate>();
        services.AddScoped<IResourceRule, ChildRule>();
        services.AddScoped<IResourceRule, AlertRule>();
        services.AddScoped<IResourceRule, PlanRule>();
        services.AddScoped<IResourceRule, ActionRule>();
        services.AddScoped<IResourceRule, WithdrawalRule>();
        services.AddScoped<IResourceRule, LinkRule>();
        services.AddScoped<IResourceRule, MeetingRule>();
        services.AddScoped<IResourceRule, ShareRule>();
        services.AddScoped<IResourceRule, DifferenceRule>();
        services.AddScoped<IResourceRule, ReferralRule>();
        services.AddScoped<IResourceRule, ContactRule>();
        services.AddScoped<IResourceRule, MatchReviewRule>();
        services.AddScoped<IResourceRule, ServiceRule>();
        return services;
    }
}
