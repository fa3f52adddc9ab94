using System.Reflection;
using NetArchTest.Rules;

namespace ImportsService.UnitTests.Architecture;

public sealed class LayerDependencyTests
{
    private static readonly string[] WebAndDataFrameworks =
        ["Microsoft.AspNetCore", "Dapper", "Microsoft.Data", "System.Data.SqlClient", "DbUp"];

    [Test]
    public void The_domain_depends_on_no_other_layer_and_no_framework()
    {
        var result = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOnAny(
            [Layers.ApplicationNamespace, Layers.InfrastructureNamespace, Layers.ApiNamespace, "MediatR", "FluentValidation", .. WebAndDataFrameworks])
            .GetResult();

        AssertHolds(result);
    }

    [Test]
    public void The_domain_assembly_references_only_the_base_class_library()
    {
        Assert.That(ReferencedAssemblyNames(Layers.Domain), Has.All.Matches<string>(name => name == "System" || name.StartsWith("System.", StringComparison.Ordinal)));
    }

    [Test]
    public void The_application_depends_on_neither_infrastructure_nor_api_nor_web_or_data_frameworks()
    {
        var result = Types.InAssembly(Layers.Application).ShouldNot().HaveDependencyOnAny(
            [Layers.InfrastructureNamespace, Layers.ApiNamespace, .. WebAndDataFrameworks])
            .GetResult();

        AssertHolds(result);
    }

    [Test]
    public void The_application_assembly_references_neither_infrastructure_nor_api_nor_web_or_data_frameworks()
    {
        Assert.That(
            ReferencedAssemblyNames(Layers.Application),
            Has.None.Matches<string>(name => name.StartsWith("ImportsService.Infrastructure", StringComparison.Ordinal)
                                             || name.StartsWith("ImportsService.Api", StringComparison.Ordinal)
                                             || WebAndDataFrameworks.Any(f => name.StartsWith(f, StringComparison.Ordinal))));
    }

    [Test]
    public void Infrastructure_does_not_depend_on_the_api()
    {
        var result = Types.InAssembly(Layers.Infrastructure).ShouldNot().HaveDependencyOn(Layers.ApiNamespace).GetResult();

        AssertHolds(result);
        Assert.That(ReferencedAssemblyNames(Layers.Infrastructure), Has.None.StartsWith("ImportsService.Api"));
    }

    [Test]
    public void The_dependency_rules_see_real_dependencies_so_a_passing_rule_means_something()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                Types.InAssembly(Layers.Application).ShouldNot().HaveDependencyOn("MediatR").GetResult().IsSuccessful,
                Is.False,
                "the application uses MediatR; a rule that cannot see it would pass vacuously");
            Assert.That(
                Types.InAssembly(Layers.Application).ShouldNot().HaveDependencyOn(Layers.DomainNamespace).GetResult().IsSuccessful,
                Is.False,
                "the application uses the domain");
        }
    }

    private static IEnumerable<string> ReferencedAssemblyNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

    private static void AssertHolds(TestResult result) =>
        Assert.That(result.FailingTypeNames ?? [], Is.Empty, "types that break the rule");
}
