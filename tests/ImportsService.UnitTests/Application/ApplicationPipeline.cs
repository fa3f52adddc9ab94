using ImportsService.Application;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
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

    private readonly ServiceProvider provider;

    /// <param name="keys">A key ring to use instead of the configured one (to watch how it is used).</param>
    public ApplicationPipeline(ICursorKeyRing? keys = null)
    {
        var services = new ServiceCollection();
        services.AddApplication(cursors => cursors.SigningKeys.Add(SigningKey));
        if (keys is not null)
        {
            services.AddSingleton(keys);
        }

        services.AddSingleton<IImportPageReader>(Imports);
        services.AddSingleton<IImportReader>(Imports);
        services.AddSingleton<ICallerAccessReader>(Callers);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Cursors = provider.GetRequiredService<ImportCursorCodec>();
    }

    public IServiceProvider Services => provider;

    public ImportCursorCodec Cursors { get; }

    public InMemoryImportPageReader Imports { get; } = new();

    public InMemoryCallerAccessReader Callers { get; } = new();

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
