using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ImportsService.Benchmarks -- --filter '*'
// Parameter values in full (the default cuts them at 20 characters): the CSV reports name each case, and
// scripts/time-window-chart.py matches on those names.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(80)));

internal sealed partial class Program;
