using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ImportsService.Client;

/// <summary>
/// The headers every request to the service carries: <c>Authorization: Token &lt;api_key&gt;</c>,
/// <c>Account-Token</c>, and <c>X-Api-Version</c> when the options pin one. Kiota asks an authentication
/// provider for every request, so the generated client needs nothing else.
/// </summary>
public sealed class ImportsServiceHeaders(ImportsClientOptions options) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAdd("Authorization", $"Token {options.ApiKey}");
        request.Headers.TryAdd("Account-Token", options.AccountToken);
        if (options.ApiVersion is { } version)
        {
            request.Headers.TryAdd("X-Api-Version", version);
        }

        return Task.CompletedTask;
    }
}
