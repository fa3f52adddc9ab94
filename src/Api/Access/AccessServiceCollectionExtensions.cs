using Microsoft.AspNetCore.Authentication;

namespace ImportsService.Api.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>The Token scheme as the default, and the ReadImports policy that needs its permission claim.</summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        services
            .AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, configureOptions: null);

        services
            .AddAuthorizationBuilder()
            .AddPolicy(AccessClaims.ReadImportsPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(AccessClaims.Permission, AccessClaims.ReadImportsPermission));
        return services;
    }
}
