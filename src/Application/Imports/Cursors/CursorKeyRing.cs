namespace ImportsService.Application.Imports.Cursors;

/// <summary>A fixed list of keys: the first signs, every one verifies.</summary>
public sealed class CursorKeyRing : ICursorKeyRing
{
    public CursorKeyRing(IEnumerable<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        VerificationKeys = keys.Select(k => k.ToArray()).ToArray();
        if (VerificationKeys.Count == 0)
        {
            throw new ArgumentException("At least one cursor signing key is needed.", nameof(keys));
        }

        if (VerificationKeys.Any(k => k.Length < CursorSigningOptions.MinimumKeyBytes))
        {
            throw new ArgumentException($"Every cursor signing key needs at least {CursorSigningOptions.MinimumKeyBytes} bytes.", nameof(keys));
        }

        SigningKey = VerificationKeys[0];
    }

    public byte[] SigningKey { get; }

    public IReadOnlyList<byte[]> VerificationKeys { get; }
}
