namespace ImportsService.Application.Imports.Cursors;

/// <summary>The secrets cursors are signed and verified with.</summary>
public interface ICursorKeyRing
{
    /// <summary>The key new cursors are signed with.</summary>
    byte[] SigningKey { get; }

    /// <summary>Every key a cursor may have been signed with: the signing key first, then older ones still honoured.</summary>
    IReadOnlyList<byte[]> VerificationKeys { get; }
}
