using ImportsService.Application.Access.ResolveCaller;
using Microsoft.AspNetCore.Authentication;
using ImportsService.Api.Limits;

namespace ImportsService.Api.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// The Token scheme as the default, and the ReadImports policy that authenticates with it and needs its
    /// permission claim. The handler reads no credentials on anonymous endpoints (health) or where no
    /// endpoint matched, so those never look a key up.
    /// </summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        // How long a resolved caller is reused (the revocation delay): Access:CallerCache:Seconds.
        services.AddOptions<CallerCacheOptions>().BindConfiguration(CallerCacheOptions.SectionName);
        services.AddSingleton<FailedAuthenticationBudget>();
        services.AddSingleton<AuthenticationFailureLog>();
        services
            .AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, configureOptions: null);

        services
            .AddAuthorizationBuilder()
            .AddPolicy(AccessClaims.ReadImportsPolicy, policy => policy
                .AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(AccessClaims.Permission, AccessClaims.ReadImportsPermission));
        return services;
    }
}
