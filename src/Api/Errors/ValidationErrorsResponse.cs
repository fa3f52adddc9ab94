using System.Globalization;
using System.Text.Json.Serialization;

namespace ImportsService.Api.Errors;

/// <summary>The contract's 400 body: every problem, keyed by the parameter exactly as the client sent it.</summary>
public sealed record ValidationErrorsResponse(
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The most entries (parameter and message pairs) a 400 lists.</summary>
    public const int MaxEntries = 20;

    /// <summary>The key of the last entry when some were cut; it says how many.</summary>
    public const string MoreKey = "...";

    /// <summary>
    /// At most <see cref="MaxEntries"/> entries, counting each message of each parameter: when there are more,
    /// the first <c>MaxEntries - 1</c> are kept in order and the last entry, under <see cref="MoreKey"/>, says
    /// "and N more". A client that sends a thousand bad parameters gets a short answer.
    /// </summary>
    public static ValidationErrorsResponse Capped(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var total = errors.Values.Sum(messages => messages.Length);
        if (total <= MaxEntries)
        {
            return new ValidationErrorsResponse(errors);
        }

        var kept = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var room = MaxEntries - 1;
        foreach (var (parameter, messages) in errors)
        {
            if (room == 0)
            {
                break;
            }

            var take = messages.Take(room).ToArray();
            kept[parameter] = take;
            room -= take.Length;
        }

        var more = string.Create(CultureInfo.InvariantCulture, $"and {total - (MaxEntries - 1)} more errors not listed here; fix the ones above and send the request again.");
        kept[MoreKey] = kept.TryGetValue(MoreKey, out var existing) ? [.. existing, more] : [more];
        return new ValidationErrorsResponse(kept);
    }
}
