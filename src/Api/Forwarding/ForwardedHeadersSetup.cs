using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ImportsService.Api.Forwarding;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR blocks).
/// Off by default: with neither set, the middleware is not added and the connection's address is the client.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddClientAddressForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var forwardLimit = section.GetValue("ForwardLimit", 1);

        var knownProxies = new List<IPAddress>();
        foreach (var proxy in proxies)
        {
            knownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{SectionName}:KnownProxies holds '{proxy}', which is not an IP address."));
        }

        var knownNetworks = new List<System.Net.IPNetwork>();
        foreach (var network in networks)
        {
            knownNetworks.Add(System.Net.IPNetwork.TryParse(network, out var block)
                ? block
                : throw new InvalidOperationException($"{SectionName}:KnownNetworks holds '{network}', which is not a CIDR block such as 10.0.0.0/8."));
        }

        if (forwardLimit < 1)
        {
            throw new InvalidOperationException($"{SectionName}:ForwardLimit must be at least 1.");
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = forwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            knownProxies.ForEach(options.KnownProxies.Add);
            knownNetworks.ForEach(options.KnownIPNetworks.Add);
        });
        services.AddSingleton(new ForwardingEnabled(knownProxies.Count + knownNetworks.Count > 0));
        return services;
    }

    /// <summary>First in the pipeline, so logs and limits see the client's address, not the proxy's.</summary>
    public static IApplicationBuilder UseClientAddressForwarding(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<ForwardingEnabled>().Enabled ? app.UseForwardedHeaders() : app;
    }

    private sealed record ForwardingEnabled(bool Enabled);
}
