using ChildStory.Web.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChildStory.Web.Api;

/// <summary>Describes the API key in the OpenAPI document, so client generators and readers know how to authenticate.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ChildStory API";
        document.Info.Description = "For agency systems. Authenticate with the API key issued to your system by a ChildStory administrator: "
            + "`Authorization: Bearer cs_<id>.<secret>`. Each key belongs to one agency and sees only children that agency works with; "
            + "a child outside that reach answers 404. Errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An agency system's API key: cs_<id>.<secret>",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyHandler.SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
