using FluentValidation;
using ImportsService.Application.Common.Parameters;
using ImportsService.UnitTests.Application;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.UnitTests.Architecture;

/// <summary>
/// AddApplication registers use cases by convention; these prove that nothing a use case needs is left
/// out, so a forgotten handler or validator fails here instead of silently at run time.
/// </summary>
public sealed class RegistrationTests
{
    private static readonly Type[] Requests = Layers.Application.GetTypes()
        .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .ToArray();

    [Test]
    public void The_application_has_the_requests_this_test_knows_about()
    {
        Assert.That(Requests.Select(t => t.Name), Is.SupersetOf(new[] { "ListImportsQuery", "GetImportQuery", "ResolveCallerQuery" }));
    }

    [TestCaseSource(nameof(Requests))]
    public void Every_request_has_exactly_one_handler_and_one_validator(Type request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var pipeline = new ApplicationPipeline();
        using var scope = pipeline.Services.CreateScope();
        var response = request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];

        var handlers = scope.ServiceProvider.GetServices(typeof(IRequestHandler<,>).MakeGenericType(request, response)).ToArray();
        var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request)).ToArray();

        Assert.That(handlers, Has.Length.EqualTo(1), $"{request.Name} needs exactly one handler");
        Assert.That(validators, Has.Length.EqualTo(1), $"{request.Name} needs one validator (rule sets it includes are nested classes, never registered)");
    }

    [TestCaseSource(nameof(Requests))]
    public void A_validator_is_built_once_per_process_not_per_request(Type request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var pipeline = new ApplicationPipeline();
        var validator = typeof(IValidator<>).MakeGenericType(request);
        using var first = pipeline.Services.CreateScope();
        using var second = pipeline.Services.CreateScope();

        Assert.That(second.ServiceProvider.GetRequiredService(validator), Is.SameAs(first.ServiceProvider.GetRequiredService(validator)));
    }
}
