using ImportsService.Application;
using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using ImportsService.UnitTests.Application.Access;
using ImportsService.UnitTests.Application.Access.ResolveCaller;
using ImportsService.UnitTests.Application.Imports.ListImports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.UnitTests.Application;

/// <summary>
/// The real Application wiring (<c>AddApplication()</c>: mediator, validation behaviour, handlers, validators,
/// parsers, cursor codec) over in-memory ports, so a test sends a request exactly as the API will.
/// </summary>
internal sealed class ApplicationPipeline : IDisposable
{
    public const string SigningKey = "unit-tests-cursor-signing-key-0123456789";

    /// <summary>The API key pepper new keys are hashed with, unless a test configures its own.</summary>
    public const string Pepper = "unit-tests-api-key-pepper-0123456789abcdefgh";

    private readonly ServiceProvider provider;

    /// <param name="keys">A key ring to use instead of the configured one (to watch how it is used).</param>
    /// <param name="peppers">The configured API key peppers, first one first (default: <see cref="Pepper"/>).</param>
    /// <param name="apiKeys">
    /// A key store behind every access port, callers included (it knows issued keys); by default a fresh store takes
    /// created and revoked keys and <see cref="Callers"/> answers caller lookups.
    /// </param>
    public ApplicationPipeline(ICursorKeyRing? keys = null, IReadOnlyList<string>? peppers = null, InMemoryApiKeyStore? apiKeys = null)
    {
        ApiKeys = apiKeys ?? new InMemoryApiKeyStore();
        var services = new ServiceCollection();
        services.AddApplication(cursors => cursors.SigningKeys.Add(SigningKey), apiKeys =>
        {
            foreach (var pepper in peppers ?? [Pepper])
            {
                apiKeys.Pepper.Add(pepper);
            }
        });
        if (keys is not null)
        {
            services.AddSingleton(keys);
        }

        services.AddSingleton<IImportPageReader>(Imports);
        services.AddSingleton<IImportReader>(Imports);
        services.AddSingleton<ICallerAccessReader>(apiKeys is null ? Callers : ApiKeys);
        services.AddSingleton<IApiKeyWriter>(ApiKeys);
        services.AddSingleton<IApiKeyRevoker>(ApiKeys);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Cursors = provider.GetRequiredService<ImportCursorCodec>();
    }

    public IServiceProvider Services => provider;

    public ImportCursorCodec Cursors { get; }

    public InMemoryImportPageReader Imports { get; } = new();

    public InMemoryCallerAccessReader Callers { get; } = new();

    /// <summary>Where created keys go and revocations apply.</summary>
    public InMemoryApiKeyStore ApiKeys { get; }

    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    /// <summary>Parses <paramref name="request"/> as the API does, then sends it.</summary>
    public Task<ListImportsResult> Send(SentListImports request, CancellationToken cancellationToken = default) =>
        request.SendAsync(provider, cancellationToken);

    public void Dispose() => provider.Dispose();
}
