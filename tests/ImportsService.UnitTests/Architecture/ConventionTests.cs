using FluentValidation;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Imports.ListImports;
using MediatR;
using Mono.Cecil;
using NetArchTest.Rules;

namespace ImportsService.UnitTests.Architecture;

public sealed class ConventionTests
{
    [Test]
    public void Handlers_are_not_public()
    {
        var handlers = Implementing(typeof(IRequestHandler<,>));

        Assert.That(handlers.Select(t => t.Name), Is.SupersetOf(new[] { "ListImportsHandler", "ResolveCallerHandler" }));
        Assert.That(handlers.Where(t => t.IsPublic || t.IsNestedPublic).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void Validators_are_not_public()
    {
        var validators = Implementing(typeof(IValidator<>));

        Assert.That(validators.Select(t => t.Name), Does.Contain("ListImportsQueryValidator"));
        Assert.That(validators.Where(t => t.IsPublic || t.IsNestedPublic).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void Queries_and_results_are_sealed_records()
    {
        var queriesAndResults = Types.InAssemblies(Layers.All)
            .That().HaveNameEndingWith("Query", StringComparison.Ordinal)
            .Or().HaveNameEndingWith("Result", StringComparison.Ordinal);

        Assert.That(
            queriesAndResults.GetTypes(),
            Is.SupersetOf(new[] { typeof(ListImportsQuery), typeof(ListImportsResult), typeof(ResolveCallerQuery) }));
        Assert.That(queriesAndResults.Should().BeSealed().And().MeetCustomRule(new IsRecord()).GetResult().FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Every_request_and_the_response_it_asks_for_are_sealed_records()
    {
        var requests = Layers.All
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
                .Select(i => (Request: t, Response: i.GetGenericArguments()[0])))
            .ToArray();

        Assert.That(requests.Select(r => r.Request), Is.SupersetOf(new[] { typeof(ListImportsQuery), typeof(ResolveCallerQuery) }));
        var ours = requests.SelectMany(r => new[] { r.Request, r.Response }).Where(t => Layers.All.Contains(t.Assembly)).Distinct();
        Assert.That(ours.Where(t => !t.IsSealed || t.GetMethod("<Clone>$") is null).Select(t => t.FullName), Is.Empty);
    }

    /// <summary>
    /// By reflection, not NetArchTest's ImplementInterface, which sees only interfaces a type declares itself:
    /// validators get IValidator&lt;T&gt; through AbstractValidator&lt;T&gt;, and a handler may through a base class.
    /// </summary>
    private static Type[] Implementing(Type openGenericInterface) =>
        Layers.All
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGenericInterface))
            .ToArray();

    /// <summary>A class record: the compiler gives it a <c>&lt;Clone&gt;$</c> method, which no hand-written class can have.</summary>
    private sealed class IsRecord : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => type.Methods.Any(m => m.Name == "<Clone>$");
    }
}
