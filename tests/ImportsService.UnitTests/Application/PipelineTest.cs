namespace ImportsService.UnitTests.Application;

/// <summary>A fresh <see cref="ApplicationPipeline"/> (real mediator, in-memory ports) for every test.</summary>
public abstract class PipelineTest
{
    private ApplicationPipeline? pipeline;

    internal ApplicationPipeline Pipeline => pipeline ?? throw new InvalidOperationException("The pipeline is built in SetUp.");

    [SetUp]
    public void BuildPipeline() => pipeline = new ApplicationPipeline();

    [TearDown]
    public void DisposePipeline() => pipeline?.Dispose();
}
