using System.Text;

namespace ImportsService.Application.Imports.Cursors;

/// <summary>The <c>Cursors</c> configuration section: the first key signs, every key verifies.</summary>
public sealed class CursorSigningOptions
{
    public const string SectionName = "Cursors";

    public const int MinimumKeyBytes = 32;

    public const string MissingKeyMessage =
        "No cursor signing key is configured. Set Cursors:SigningKeys to a list of secrets of at least " +
        "32 bytes each, the first of which signs: for example the environment variable Cursors__SigningKeys__0 " +
        "(add Cursors__SigningKeys__1 with the previous key while rotating).";

    public const string ShortKeyMessage =
        "Every Cursors:SigningKeys entry must be at least 32 bytes of UTF-8; use a long random secret.";

    public IList<string> SigningKeys { get; } = [];

    internal IEnumerable<byte[]> KeyBytes => SigningKeys.Select(Encoding.UTF8.GetBytes);

    internal bool HasKey => SigningKeys.Any(k => !string.IsNullOrEmpty(k));

    internal bool KeysAreLongEnough => KeyBytes.All(k => k.Length >= MinimumKeyBytes);
}
