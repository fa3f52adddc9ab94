using FluentValidation;
using ImportsService.Application.Access.ApiKeys;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Common.Behaviours;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Versioning;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImportsService.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The mediator, its validation pipeline, the caller cache, every use case (handler and validator), the cursor codec and the API releases.
    /// MediatR 5.1.0 has no assembly scanning, so this does its own, by convention: every concrete class
    /// in this assembly that implements <see cref="IRequestHandler{TRequest,TResponse}"/>,
    /// or <see cref="IValidator{T}"/> is registered. A new use case folder needs no
    /// registration line, and cannot forget one (the convention tests check every request has both).
    /// </summary>
    /// <param name="configureCursors">Cursor signing keys set in code (tests); the API binds them from configuration.</param>
    /// <param name="configureApiKeys">API key peppers set in code (tests); the API binds them from configuration.</param>
    public static IServiceCollection AddApplication(
        this IServiceCollection services,
        Action<CursorSigningOptions>? configureCursors = null,
        Action<ApiKeyOptions>? configureApiKeys = null)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        // Runs after validation (registration order): one instance holds the cache for the process.
        services.AddSingleton<CallerResolutionCache>();
        services.AddSingleton<IPipelineBehavior<ResolveCallerQuery, CallerResolution>>(provider => provider.GetRequiredService<CallerResolutionCache>());
        services.AddSingleton<IKnownCallers>(provider => provider.GetRequiredService<CallerResolutionCache>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CallerCacheOptions>()
            .Validate(o => o.Seconds is >= 0 and <= CallerCacheOptions.MaxSeconds,
                $"{CallerCacheOptions.SectionName}:Seconds must be from 0 (off) to {CallerCacheOptions.MaxSeconds}.")
            .Validate(o => o.Capacity >= 1, $"{CallerCacheOptions.SectionName}:Capacity must be at least 1.")
            .ValidateOnStart();

        // Nested classes are parts of the class around them (a validator's rule set it includes), never registered alone.
        foreach (var type in typeof(ApplicationServiceCollectionExtensions).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsNested: false }))
        {
            foreach (var service in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                if (IsA(service, typeof(IRequestHandler<,>)))
                {
                    services.AddTransient(service, type);
                }
                else if (IsA(service, typeof(IValidator<>)))
                {
                    // Singletons: a validator is stateless, and building its rules (expression compilation included) per request would cost more than the read.
                    services.AddSingleton(service, type);
                }
            }
        }

        var cursorOptions = services.AddOptions<CursorSigningOptions>()
            .Validate(o => o.HasKey, CursorSigningOptions.MissingKeyMessage)
            .Validate(o => o.KeysAreLongEnough, CursorSigningOptions.ShortKeyMessage)
            .ValidateOnStart();
        if (configureCursors is not null)
        {
            cursorOptions.Configure(configureCursors);
        }

        // Like the cursor keys: validated when the host starts, so a service without a pepper does not start.
        var apiKeyOptions = services.AddOptions<ApiKeyOptions>()
            .Validate(o => o.HasPepper, ApiKeyOptions.MissingPepperMessage)
            .Validate(o => o.PeppersAreLongEnough, ApiKeyOptions.ShortPepperMessage)
            .Validate(o => o.HasAtMostTheMaximum, ApiKeyOptions.TooManyPeppersMessage)
            .ValidateOnStart();
        if (configureApiKeys is not null)
        {
            apiKeyOptions.Configure(configureApiKeys);
        }

        services.AddSingleton<ApiKeyPeppers>();
        services.AddSingleton<ICursorKeyRing>(provider => new CursorKeyRing(provider.GetRequiredService<IOptions<CursorSigningOptions>>().Value.KeyBytes));
        services.AddSingleton<ImportCursorCodec>();
        services.AddApiReleases();
        return services;
    }

    private static bool IsA(Type service, Type genericDefinition) => service.GetGenericTypeDefinition() == genericDefinition;
}
