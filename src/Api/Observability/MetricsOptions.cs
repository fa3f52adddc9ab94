namespace ImportsService.Api.Observability;

/// <summary>
/// <c>Metrics:Port</c> (environment <c>Metrics__Port</c>): the management port that serves <c>/metrics</c> for
/// Prometheus; unset, no metrics endpoint at all. <c>Metrics:Address</c>: the address it binds, every interface by
/// default (Prometheus scrapes from another host; keep the port off the public load balancer).
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public int? Port { get; set; }

    public string? Address { get; set; }

    public static MetricsOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<MetricsOptions>() ?? new MetricsOptions();
    }
}
