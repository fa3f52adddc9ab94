using ImportsService.Api.Json;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ImportsService.Api.Errors;

/// <summary>The contract's 400 body: every problem, keyed by the parameter exactly as the client sent it.</summary>
public sealed record ValidationErrorsResponse(
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The most entries (parameter and message pairs) a 400 lists.</summary>
    public const int MaxEntries = 20;

    /// <summary>The key of the last entry when some were cut; it says how many.</summary>
    public const string MoreKey = "...";

    /// <summary>The longest parameter name a 400 echoes (ours are at most 23 characters); a longer one is cut and ends with "…".</summary>
    public const int MaxNameLength = 64;

    /// <summary>The longest message a 400 lists (ours are under 400 characters with a name of that length); a longer one is cut.</summary>
    public const int MaxMessageLength = 512;

    /// <summary>The most bytes a 400 body takes, whatever the URL: entries past it are counted in the last one instead.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    // Room for {"errors":{}} and for the "..." entry.
    private const int EnvelopeBytes = 13 + 128;

    /// <summary>
    /// Every character outside printable ASCII and every HTML-significant one (&lt; &gt; &amp; ' " +) escaped as \uXXXX,
    /// so an echoed name can neither pass for markup where a client shows errors as HTML nor reorder a terminal's text (U+202E).
    /// Still the generated metadata; only the encoder differs from the other bodies'.
    /// </summary>
    internal static JsonTypeInfo<ValidationErrorsResponse> EscapedJson { get; } =
        new ApiJsonContext(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default }).ValidationErrorsResponse;

    /// <summary>
    /// At most <see cref="MaxEntries"/> entries, counting each message of each parameter, and at most <see cref="MaxBodyBytes"/>:
    /// when there are more, the first are kept in order and the last entry, under <see cref="MoreKey"/>, says "and N more".
    /// Names longer than <see cref="MaxNameLength"/> are cut (in the messages that echo them too) and messages longer than
    /// <see cref="MaxMessageLength"/>. A client that sends a thousand bad parameters, or one very long one, gets a short answer.
    /// </summary>
    public static ValidationErrorsResponse Capped(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors = Shortened(errors);
        var total = errors.Values.Sum(messages => messages.Length);
        if (total <= MaxEntries && EnvelopeBytes + errors.Sum(e => EncodedLength(e.Key) + e.Value.Sum(m => EncodedLength(m) + 3) + 5) <= MaxBodyBytes)
        {
            return new ValidationErrorsResponse(errors);
        }

        var kept = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var listed = 0;
        var bytes = EnvelopeBytes;
        foreach (var (parameter, messages) in errors)
        {
            var take = new List<string>();
            var entryBytes = EncodedLength(parameter) + 5;
            foreach (var message in messages)
            {
                var messageBytes = EncodedLength(message) + 3;
                if (listed == MaxEntries - 1 || bytes + entryBytes + messageBytes > MaxBodyBytes)
                {
                    break;
                }

                take.Add(message);
                listed++;
                bytes += entryBytes + messageBytes;
                entryBytes = 0;
            }

            if (take.Count > 0)
            {
                kept[parameter] = [.. take];
            }

            if (take.Count < messages.Length)
            {
                break;
            }
        }

        var more = string.Create(CultureInfo.InvariantCulture, $"and {total - listed} more errors not listed here; fix the ones above and send the request again.");
        kept[MoreKey] = kept.TryGetValue(MoreKey, out var existing) ? [.. existing, more] : [more];
        return new ValidationErrorsResponse(kept);
    }

    /// <summary>Writes this body as the response (status set by the caller), escaped (<see cref="EscapedJson"/>).</summary>
    public Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.WriteAsJsonAsync(this, EscapedJson, contentType: null, cancellationToken);
    }

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters, ending with "…", without splitting a surrogate pair.</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static IReadOnlyDictionary<string, string[]> Shortened(IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.All(e => e.Key.Length <= MaxNameLength && e.Value.All(m => m.Length <= MaxMessageLength)))
        {
            return errors;
        }

        // Names that are the same once cut share one entry.
        var shortened = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, messages) in errors)
        {
            var shortName = Shorten(name, MaxNameLength);
            var echoed = messages.Select(m => Shorten(shortName == name ? m : m.Replace(name, shortName, StringComparison.Ordinal), MaxMessageLength));
            shortened[shortName] = shortened.TryGetValue(shortName, out var earlier) ? [.. earlier, .. echoed] : [.. echoed];
        }

        return shortened;
    }

    // The text as the escaping encoder writes it: ASCII only, so its characters are the bytes the body spends on it.
    private static int EncodedLength(string text) => JavaScriptEncoder.Default.Encode(text).Length;
}
