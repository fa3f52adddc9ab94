namespace ImportsService.Client;

/// <summary>Who calls, which account, and how patiently.</summary>
public sealed class ImportsClientOptions
{
    /// <summary>The service's address, e.g. <c>http://localhost:5080</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Sent as <c>Authorization: Token &lt;key&gt;</c>.</summary>
    public required string ApiKey { get; init; }

    /// <summary>Sent as <c>Account-Token</c>: which of the key's accounts to read.</summary>
    public required string AccountToken { get; init; }

    /// <summary>
    /// Sent as <c>X-Api-Version</c>. By default the release the generated code describes
    /// (<see cref="ImportsClient.GeneratedApiVersion"/>), so the bodies always match the models whatever
    /// release the key is locked to; null leaves the header out (the key's release answers).
    /// </summary>
    public string? ApiVersion { get; init; } = ImportsClient.GeneratedApiVersion;

    /// <summary>How many times one request is retried after a 429 before the 429 is thrown.</summary>
    public int MaxRateLimitRetries { get; init; } = 5;

    /// <summary>The longest wait a Retry-After may ask for; a longer one throws the 429 instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock that waits out Retry-After (tests may pass their own).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Told each time a 429 makes the client wait, with the wait; for logging or metrics.</summary>
    public Action<TimeSpan>? OnRateLimited { get; init; }
}
