using ImportsService.Application;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.UnitTests.Application.Access.ResolveCaller;
using ImportsService.UnitTests.Application.Imports.ListImports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.UnitTests.Application;

/// <summary>
/// The real Application wiring (<c>AddApplication()</c>: mediator, validation behaviour, handlers, validators)
/// over in-memory ports, so a test sends a request exactly as the API will.
/// </summary>
internal sealed class ApplicationPipeline : IDisposable
{
    public static readonly byte[] SigningKey = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray();

    private readonly ServiceProvider provider;

    public ApplicationPipeline()
    {
        var services = new ServiceCollection();
        services.AddApplication();
        services.AddSingleton(Cursors);
        services.AddSingleton<IImportPageReader>(Imports);
        services.AddSingleton<ICallerAccessReader>(Callers);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ImportCursorCodec Cursors { get; } = new([SigningKey]);

    public InMemoryImportPageReader Imports { get; } = new();

    public InMemoryCallerAccessReader Callers { get; } = new();

    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    public void Dispose() => provider.Dispose();
}
