using System.Text;
using ImportsService.Domain.Access;

namespace ImportsService.Application.Access.ApiKeys;

/// <summary>
/// The <c>ApiKeys</c> configuration section. <c>Pepper</c> is a list of secrets: the first hashes new keys,
/// every one is tried on lookup (one HMAC per pepper, matched with <c>IN</c>), so a pepper is rotated by
/// putting the new one first and keeping the old ones while keys hashed with them are in use.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";

    public const int MinimumPepperBytes = 32;

    public const int MaximumPeppers = ApiKeyLookup.MaximumHashes;

    public const string MissingPepperMessage =
        "No API key pepper is configured. Set ApiKeys:Pepper to a list of secrets of at least 32 bytes each, the first " +
        "of which hashes new keys: for example the environment variable ApiKeys__Pepper__0 (keep the previous pepper as " +
        "ApiKeys__Pepper__1 while keys hashed with it are in use).";

    public const string ShortPepperMessage =
        "Every ApiKeys:Pepper entry must be at least 32 bytes of UTF-8; use a long random secret.";

    public const string TooManyPeppersMessage =
        "ApiKeys:Pepper may list at most 4 peppers (every lookup computes one hash per pepper).";

    public IList<string> Pepper { get; } = [];

    internal IEnumerable<byte[]> PepperBytes => Pepper.Select(Encoding.UTF8.GetBytes);

    internal bool HasPepper => Pepper.Any(p => !string.IsNullOrEmpty(p));

    internal bool PeppersAreLongEnough => PepperBytes.All(p => p.Length >= MinimumPepperBytes);

    internal bool HasAtMostTheMaximum => Pepper.Count <= MaximumPeppers;
}
