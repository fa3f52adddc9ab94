using System.Globalization;
using System.Runtime.CompilerServices;
using ImportsService.Client.Generated;
using ImportsService.Client.Generated.Api.V1.Imports;
using ImportsService.Client.Generated.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ImportsService.Client;

/// <summary>
/// The ImportsService API from C#: <see cref="Api"/> is the client Kiota generated from the service's
/// OpenAPI document (every operation and parameter, typed); <see cref="ListAllAsync"/> walks a whole listing,
/// following the cursors and waiting out rate limits, so a caller only writes a <c>await foreach</c>.
/// </summary>
public sealed class ImportsClient
{
    /// <summary>The API release the generated code was made from (the document's <c>info.version</c>).</summary>
    public const string GeneratedApiVersion = "2024-01-01";

    private const int TooManyRequests = 429;

    private readonly ImportsClientOptions options;

    /// <param name="httpClient">Sends the requests; the caller owns it (and its handlers).</param>
    public ImportsClient(HttpClient httpClient, ImportsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        var adapter = new HttpClientRequestAdapter(new ImportsServiceHeaders(options), httpClient: httpClient)
        {
            BaseUrl = options.BaseUrl.ToString().TrimEnd('/'),
        };
        Api = new ImportsApiClient(adapter);
    }

    /// <summary>The generated client: <c>Api.Api.V1.Imports.GetAsync(…)</c>, <c>Api.Api.V1.Imports[id].GetAsync()</c>.</summary>
    public ImportsApiClient Api { get; }

    /// <summary>
    /// Every import of the listing <paramref name="query"/> describes (filters, sort, page size), each once, in
    /// the listing's order: the first page with those parameters, then each following page by its
    /// <c>next_cursor</c> alone (a cursor carries the whole listing), until <c>next_cursor</c> is null. A 429 is
    /// waited out for its <c>Retry-After</c> and the same page asked again (see <see cref="ImportsClientOptions"/>).
    /// </summary>
    public async IAsyncEnumerable<ImportRecord> ListAllAsync(
        Action<ImportsRequestBuilder.ImportsRequestBuilderGetQueryParameters>? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var after = cursor;
            var page = await WithRetryAfterAsync(
                () => Api.Api.V1.Imports.GetAsync(
                    configuration =>
                    {
                        if (after is null)
                        {
                            query?.Invoke(configuration.QueryParameters);
                        }
                        else
                        {
                            configuration.QueryParameters.StartCursor = after;
                        }
                    },
                    cancellationToken),
                cancellationToken) ?? throw new InvalidOperationException("The service answered a page with no body.");

            foreach (var record in page.Records ?? [])
            {
                yield return record;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private async Task<T> WithRetryAfterAsync<T>(Func<Task<T>> send, CancellationToken cancellationToken)
    {
        for (var retries = 0; ; retries++)
        {
            try
            {
                return await send().ConfigureAwait(false);
            }
            catch (ApiException exception) when (exception.ResponseStatusCode == TooManyRequests
                                                 && retries < options.MaxRateLimitRetries
                                                 && RetryAfter(exception) is { } wait
                                                 && wait <= options.MaxRetryAfter)
            {
                options.OnRateLimited?.Invoke(wait);
                await Task.Delay(wait, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Retry-After as seconds or as an HTTP date; a 429 without one is waited for a second.</summary>
    private TimeSpan? RetryAfter(ApiException exception)
    {
        var value = exception.ResponseHeaders
            .FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();
        if (value is null)
        {
            return TimeSpan.FromSeconds(1);
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(seconds, 0));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? TimeSpan.FromTicks(Math.Max((date - options.TimeProvider.GetUtcNow()).Ticks, 0))
            : null;
    }
}
