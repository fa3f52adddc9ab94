using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ImportsService.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

internal sealed partial class Program;
