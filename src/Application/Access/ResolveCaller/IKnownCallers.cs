namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>
/// Whether a key and account token have already resolved, on this instance, to a caller who may read imports:
/// answered from memory, never from the database, so the API can serve a tenant it knows while it refuses a key
/// guesser at the same address. Only pairs that truly resolved are remembered (an unknown key never is), so a
/// guesser cannot make a key of its own known.
/// </summary>
public interface IKnownCallers
{
    bool IsKnown(string apiKey, string accountToken);
}
